using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin;
using GovNetOps.Web.Features.Applications.Actions;
using GovNetOps.Web.Features.Applications.Provisional;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Applications;

/// <summary>Deadlines in a year whose holiday notice is not entered (2027 in the embedded calendar) over the real app:
/// the admin home lists the application with a link to that calendar year, and the system administrators get exactly
/// one in-app notice per application — not again when its implementation deadline is provisional too, nor on a re-check
/// (what start-up and a calendar change run), nor from calls racing the change's own check.</summary>
public sealed class ProvisionalDeadlineFacts : IAsyncLifetime
{
    /// <summary>Wednesday 2026-12-30 10:00 China time: three working days from here end in January 2027.</summary>
    private static readonly DateTimeOffset NewYearsEve = ChinaTime.At(new DateOnly(2026, 12, 30), new TimeOnly(10, 0));

    private readonly TicketApp _app = new();

    // The clock is set before the app starts: jumping a running app's fake clock by months makes FakeTimeProvider fire its
    // periodic sweeps once per elapsed period.
    public Task InitializeAsync()
    {
        _app.Clock.SetUtcNow(NewYearsEve);
        return _app.InitializeAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private ProvisionalDeadlines Deadlines => _app.Services.GetRequiredService<ProvisionalDeadlines>();

    private async Task<NetworkApplicationRecord> RecordAsync(string unit, DateTime? receivedOn = null)
    {
        var errors = new Dictionary<string, string>();
        var form = ApplicationFormBuilder.Access(unit);
        form.ReceivedOn = receivedOn;
        var number = await _app.WithServiceAsync<RecordApplicationHandler, Result<string>>(h => h.RecordAsync(form, _app.Ops, errors));
        Assert.True(number.IsSuccess, number.Error);
        await using var db = _app.NewDbContext();
        return await db.NetworkApplications.AsNoTracking().SingleAsync(a => a.Number == number.Value);
    }

    private async Task<List<Notification>> AdminNoticesAsync()
    {
        await using var db = _app.NewDbContext();
        var adminIds = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == "SystemAdmin"
                              select u.Id).ToListAsync();
        return await db.Notifications.AsNoTracking().Where(n => adminIds.Contains(n.UserId) && n.Title.StartsWith("【截止日期暂定】")).ToListAsync();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ProvisionalDeadline_IsListedForTheAdmin_AndNotifiedExactlyOncePerApplication()
    {
        var firm = await RecordAsync("桐柏县档案馆", new DateTime(2026, 12, 1)); // due 2026-12-04: a firm deadline
        Assert.False(await Deadlines.NotifyAsync(firm.Id));

        var app = await RecordAsync("桐柏县医疗保障局");

        // Dec 31 (1), Jan 1 元旦, Jan 2–3 weekend, Jan 4 (2), Jan 5 (3) — Monday to Friday assumed in 2027.
        var listed = Assert.Single(await Deadlines.OpenAsync());
        Assert.Equal((app.Id, ApplicationClockKind.Review, new DateOnly(2027, 1, 5), 2027, "/calendar?year=2027"),
            (listed.ApplicationId, listed.Clock, listed.Due, listed.Year, listed.CalendarHref));
        var summary = await _app.WithServiceAsync<AdminHomeQueries, AdminHomeSummary?>(q => q.SummaryAsync(_app.Admin));
        Assert.Contains(new AdminWarning($"申请 {app.Number} 的审核截止日期 2027-01-05 为暂定：2027 年的国务院放假通知尚未录入。", "/calendar?year=2027"), summary!.Warnings);

        // The change's own check (ApplicationChanged) tells the system administrators.
        var notices = await EventuallyAsync(AdminNoticesAsync, n => n.Count > 0);
        var notice = Assert.Single(notices);
        Assert.Equal(($"【截止日期暂定】{app.Number}", "/calendar?year=2027"), (notice.Title, notice.Link));
        Assert.Contains("桐柏县医疗保障局", notice.Body, StringComparison.Ordinal);

        // Approved: the implementation deadline is provisional too — still the one notice, however often it is checked.
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var approved = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.ApproveAsync(app.Id, app.Version,
            new ApprovalInput { IpAllocation = "10.60.9.0/28", CarrierId = TicketApp.TelecomId, LocationClass = LocationClass.CountyDirect, Opinion = "同意接入" }, _app.Ops));
        Assert.True(approved.IsSuccess, approved.Error);
        Assert.Equal(ApplicationClockKind.Implementation, Assert.Single(await Deadlines.OpenAsync()).Clock);
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Deadlines.NotifyAsync(app.Id))));
        Assert.All(racing, Assert.False);
        Assert.Equal(0, await Deadlines.NotifyAllAsync());

        Assert.Single(await AdminNoticesAsync());
        await using var db = _app.NewDbContext();
        var record = await db.ProvisionalDeadlineNotices.AsNoTracking().SingleAsync();
        Assert.Equal((app.Id, ApplicationClockKind.Review, 1), (record.ApplicationId, record.Clock, record.NotifiedUsers));
    }

    [Fact]
    public async Task NewApplications_RacingTheirOwnCheck_AreEachNotifiedOnce()
    {
        var first = await RecordAsync("桐柏县气象局");
        var second = await RecordAsync("桐柏县林业局");

        // Each recording's own check runs in the background; these race it.
        var told = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Deadlines.NotifyAsync(i % 2 == 0 ? first.Id : second.Id))));
        await EventuallyAsync(AdminNoticesAsync, n => n.Count >= 2);

        Assert.True(told.Count(t => t) <= 2);
        var notices = await AdminNoticesAsync();
        Assert.Equal([$"【截止日期暂定】{first.Number}", $"【截止日期暂定】{second.Number}"], notices.Select(n => n.Title).Order(StringComparer.Ordinal));
        await using var db = _app.NewDbContext();
        Assert.Equal(2, await db.ProvisionalDeadlineNotices.CountAsync());
    }
}
