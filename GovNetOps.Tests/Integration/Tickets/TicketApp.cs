using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>The real app over a real SQLite file with the demo data, a fake clock and captured logs,
/// plus the demo users as signed-in principals and short-cuts to drive tickets through <see cref="TicketService"/>.</summary>
public sealed class TicketApp : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Monday 2026-03-02 09:00 China time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public TicketApp()
        : this(new GovNetOpsFactory())
    {
    }

    // One public constructor: the class is also a class fixture.
    private TicketApp(GovNetOpsFactory factory) => Factory = factory;

    /// <summary>Over a given app, e.g. one started on another app's database (a restart).</summary>
    public static TicketApp Over(GovNetOpsFactory factory) => new(factory);

    public GovNetOpsFactory Factory { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public LogSink Logs => Factory.Logs;
    public IServiceProvider Services => Factory.Services;

    public ClaimsPrincipal Ops { get; private set; } = default!;
    public ClaimsPrincipal Leader { get; private set; } = default!;
    /// <summary>王磊, the system administrator.</summary>
    public ClaimsPrincipal Admin { get; private set; } = default!;

    public ClaimsPrincipal SecurityAdmin { get; private set; } = default!;
    public ClaimsPrincipal AuditAdmin { get; private set; } = default!;

    /// <summary>刘强, a China Telecom (carrier 1) engineer.</summary>
    public ClaimsPrincipal Telecom { get; private set; } = default!;

    /// <summary>陈刚, a China Unicom (carrier 2) engineer.</summary>
    public ClaimsPrincipal Unicom { get; private set; } = default!;

    public const int TelecomId = 1;
    public const int UnicomId = 2;

    public async Task InitializeAsync()
    {
        Factory.Time = Clock;
        Ops = await PrincipalAsync("ops", AppRoles.Ops);
        Leader = await PrincipalAsync("leader", AppRoles.Leader);
        Admin = await PrincipalAsync("admin", AppRoles.SystemAdmin);
        SecurityAdmin = await PrincipalAsync("secadmin", AppRoles.SecurityAdmin);
        AuditAdmin = await PrincipalAsync("auditor", AppRoles.AuditAdmin);
        Telecom = await PrincipalAsync("telecom", AppRoles.Carrier);
        Unicom = await PrincipalAsync("unicom", AppRoles.Carrier);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public AppDbContext NewDbContext() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<ClaimsPrincipal> PrincipalAsync(string userName, string role)
    {
        await using var db = NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return PrincipalBuilder.For(user, role).Build();
    }

    /// <summary>An active site of the class and carrier (the demo registry has one for every pair used here).</summary>
    public async Task<int> SiteAsync(LocationClass locationClass, int carrierId = TelecomId)
    {
        await using var db = NewDbContext();
        return await db.Sites.Where(s => s.LocationClass == locationClass && s.CarrierId == carrierId && s.IsActive)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    /// <summary>Runs <paramref name="action"/> with a use-case handler from a fresh scope, as a page would.</summary>
    public async Task<TResult> WithServiceAsync<THandler, TResult>(Func<THandler, Task<TResult>> action) where THandler : notnull
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>故障申告 through the intake handler; the number, or every message in one line.</summary>
    public async Task<Result<string>> ReportAsync(IntakeForm form, ClaimsPrincipal? user = null)
    {
        var result = await WithServiceAsync<ReportFaultHandler, IntakeResult>(h => h.ReportAsync(form, user ?? Ops));
        return result.IsSuccess ? Result<string>.Ok(result.Number!) : Result<string>.Fail(result.Error!);
    }

    public Task<Result<int>> ApplyAsync(Guid ticketId, int expectedVersion, TicketCommand command, ClaimsPrincipal user) =>
        WithServiceAsync<TicketActionHandler, Result<int>>(h => h.ApplyAsync(ticketId, expectedVersion, command, user));

    /// <summary>Reports a backbone fault at a telecom site of <paramref name="locationClass"/> now; fails the test if refused.</summary>
    public async Task<TicketHandle> NewTicketAsync(LocationClass locationClass = LocationClass.CountyDirect, int carrierId = TelecomId)
    {
        var form = IntakeFormBuilder.At(await SiteAsync(locationClass, carrierId), Clock.GetUtcNow()).Build();
        return await NewTicketAsync(form);
    }

    public async Task<TicketHandle> NewTicketAsync(IntakeForm form)
    {
        var reported = await ReportAsync(form);
        Assert.True(reported.IsSuccess, reported.Error);
        await using var db = NewDbContext();
        var id = await db.FaultTickets.Where(t => t.Number == reported.Value).Select(t => t.Id).SingleAsync();
        return new TicketHandle(id, reported.Value!, 1);
    }

    /// <summary>Applies the moves in order (a minute apart), each by its user; fails the test if one is refused.</summary>
    public async Task<TicketHandle> MoveAsync(TicketHandle ticket, params (TicketTrigger Trigger, ClaimsPrincipal By)[] moves)
    {
        foreach (var (trigger, by) in moves)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var applied = await ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(trigger, "准备步骤说明"), by);
            Assert.True(applied.IsSuccess, $"{trigger}: {applied.Error}");
            ticket = ticket with { Version = applied.Value };
        }
        return ticket;
    }

    /// <summary>The ticket as stored, read through a fresh DbContext.</summary>
    public async Task<Stored> LoadAsync(Guid ticketId)
    {
        await using var db = NewDbContext();
        var record = await db.FaultTickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.Sequence).ToListAsync();
        return new Stored(record, events);
    }
}

/// <summary>What a page holds after loading a ticket: its id, number and the version it saw.</summary>
public sealed record TicketHandle(Guid Id, string Number, int Version);

public sealed record Stored(FaultTicketRecord Record, IReadOnlyList<TicketEventRecord> Events)
{
    public FaultTicket Rehydrated => FaultTicket.Rehydrate(Events.Select(EventChain.ToDomain));
}
