using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Support;

/// <summary>Reports and moves tickets through the app's own use-case handlers, as the
/// signed-in demo users (the principal is the one the sign-in cookie would carry).</summary>
internal sealed class TicketDriver(IServiceProvider services)
{
    public async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        return await factory.CreateAsync(user);
    }

    public async Task<int> SiteAsync(LocationClass cls, int carrierId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Sites.Where(s => s.LocationClass == cls && s.CarrierId == carrierId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    /// <summary>Reports a backbone fault at <paramref name="siteId"/> with the given report time (back-dated with a reason).</summary>
    public async Task<(Guid Id, string Number)> ReportAsync(int siteId, DateTimeOffset reportedAt)
    {
        using var scope = services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReportFaultHandler>();
        var form = new IntakeForm
        {
            SiteId = siteId, Scope = FaultScope.Backbone, Symptoms = "专线中断，无法访问政务外网", ReporterName = "王伟", ReporterMobile = "13937701234",
            ReportedAtChina = ChinaTime.ToChina(reportedAt).DateTime, BackdateReason = "电话申告后补录",
        };
        var result = await intake.ReportAsync(form, await UserAsync("ops"));
        Assert.True(result.IsSuccess, result.Error);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.FaultTickets.Where(t => t.Number == result.Number).Select(t => t.Id).SingleAsync();
        await PlannedAsync(id, 1);
        return (id, result.Number!);
    }

    public async Task ApplyAsync(Guid ticketId, string userName, TicketTrigger trigger, string? reason = null)
    {
        using var scope = services.CreateScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketActionHandler>();
        var store = scope.ServiceProvider.GetRequiredService<TicketStore>();
        var version = (await store.LoadAsync(ticketId))!.Version;
        var result = await tickets.ApplyAsync(ticketId, version, new TicketCommand(trigger, reason), await UserAsync(userName));
        Assert.True(result.IsSuccess, result.Error);
        await PlannedAsync(ticketId, result.Value);
    }

    /// <summary>Waits until the escalation scheduler has re-planned the ticket at <paramref name="version"/>: the writer
    /// returns at its commit and the re-planning follows on the thread pool.</summary>
    public async Task PlannedAsync(Guid ticketId, int version)
    {
        var scheduler = services.GetRequiredService<EscalationScheduler>();
        await EventuallyAsync(() => scheduler.PlannedVersionAsync(ticketId), v => v >= version, TimeSpan.FromSeconds(30),
            $"the escalation plan of ticket {ticketId} at version {version}", v => $"planned at version {v}");
    }

    public async Task<List<EscalationRecord>> RecordsAsync(Guid? ticketId = null)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var q = db.EscalationRecords.AsNoTracking();
        if (ticketId is { } id)
        {
            q = q.Where(r => r.TicketId == id);
        }

        return await q.OrderBy(r => r.DueAt).ThenBy(r => r.Clock).ToListAsync();
    }

    /// <summary>Escalation records in one line, for a timeout message.</summary>
    public static string Describe(List<EscalationRecord> records) =>
        $"{records.Count} records: " + string.Join(", ", records.Select(r => $"{r.Clock} {r.Level} #{r.Repeat} ({r.Source})"));

    /// <summary>Polls until <paramref name="done"/> holds (real time), failing after <paramref name="timeout"/>
    /// with the last value seen and, if given, what <paramref name="diagnose"/> says about the app.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what,
        Func<T, string>? describe = null, Func<string>? diagnose = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}"
                    + (describe is null ? "" : $"; last seen: {describe(value)}")
                    + (diagnose is null ? "" : Environment.NewLine + diagnose()));
            }

            await Task.Delay(50);
        }
    }
}
