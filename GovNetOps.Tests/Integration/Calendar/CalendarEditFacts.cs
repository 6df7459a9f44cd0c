using GovNetOps.Domain.Calendar;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Calendar;
using GovNetOps.Web.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Calendar;

/// <summary>The working-day calendar in the real app over SQLite: seeded from the shipped notices, edited by an admin,
/// picked up by every working-day computation at once.</summary>
public sealed class CalendarEditFacts : IAsyncLifetime
{
    private const string Notice2027 = "国办发明电〔2026〕假想号 国务院办公厅关于2027年部分节假日安排的通知";
    private readonly TicketApp _app = new();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private WorkingCalendarSource Source => _app.Services.GetRequiredService<WorkingCalendarSource>();

    private Task<GovNetOps.Domain.Common.Result> SaveAsync(System.Security.Claims.ClaimsPrincipal user, int year, string notice, string days) =>
        _app.WithServiceAsync<SaveCalendarYearHandler, GovNetOps.Domain.Common.Result>(h => h.SaveAsync(user, year, notice, days));

    [Fact]
    public async Task Start_SeedsTheShippedNotices_AndLeaves2027Unentered()
    {
        await using var db = _app.NewDbContext();

        Assert.Equal([2024, 2025, 2026], await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());
        Assert.Equal([2024, 2025, 2026], Source.Current.KnownYears);
        Assert.True(Source.Current.AddWorkingDays(D("2026-12-31"), 1).IsProvisional);
    }

    [Fact]
    public async Task SaveAsync_ChangesAWorkingDayDeadline_WithoutRestart()
    {
        var before = Source.Current.AddWorkingDays(D("2026-12-31"), 1);
        Assert.Equal(new WorkingDayDeadline(D("2027-01-04"), IsProvisional: true), before); // 01-01 off even unentered

        var saved = await SaveAsync(_app.Admin, 2027, Notice2027, "2027-01-01~2027-01-04 休 元旦\n2027-01-09 班 元旦");

        Assert.True(saved.IsSuccess, saved.Error);
        // The same singleton every clock reads: the new notice counts now, no restart.
        Assert.Equal(new WorkingDayDeadline(D("2027-01-05"), IsProvisional: false), Source.Current.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(new WorkingDayDeadline(D("2027-01-09"), IsProvisional: false), Source.Current.AddWorkingDays(D("2027-01-08"), 1)); // make-up Saturday
        await using var db = _app.NewDbContext();
        Assert.True((await WorkingCalendarSource.ReadAsync(db, default)).IsKnownYear(2027));
        var audit = await db.ChangeRecords.SingleAsync(c => c.EntityType == "CalendarYear" && c.EntityId == "2027");
        Assert.Equal(("Create", "SystemAdmin"), (audit.Action, audit.Role));
        Assert.Contains("2027-01-09 班 元旦", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_ReplacesAYear_AndAuditsBeforeAndAfter()
    {
        var saved = await SaveAsync(_app.Admin, 2026, "国办发明电〔2025〕7号", "2026-01-01 休 元旦");

        Assert.True(saved.IsSuccess, saved.Error);
        Assert.Equal(WorkdayAnswer.Working, Source.Current.IsWorkingDay(D("2026-10-05"))); // 国庆 gone with the old notice
        await using var db = _app.NewDbContext();
        Assert.Equal(1, await db.CalendarDays.CountAsync(d => d.Year == 2026));
        var audit = await db.ChangeRecords.SingleAsync(c => c.EntityType == "CalendarYear" && c.EntityId == "2026");
        Assert.Equal("Update", audit.Action);
        Assert.Contains("国庆节", audit.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_RefusesAndWritesNothing_WhenALineIsWrongOrTheUserIsNotAdmin()
    {
        var bad = await SaveAsync(_app.Admin, 2027, Notice2027, "2027-01-01 休 元旦\n2027-01-06 班 元旦"); // a Wednesday
        var ops = await SaveAsync(_app.Ops, 2027, Notice2027, "2027-01-01 休 元旦");

        Assert.Equal("第 2 行 类型：2027-01-06 是工作日，调休上班只能是周六或周日。", bad.Error);
        Assert.Equal("只有系统管理员可以录入工作日历。", ops.Error);
        await using var db = _app.NewDbContext();
        Assert.False(await db.CalendarYears.AnyAsync(y => y.Year == 2027));
        Assert.False(await db.ChangeRecords.AnyAsync(c => c.EntityType == "CalendarYear"));
        Assert.False(Source.Current.IsKnownYear(2027));
    }

    [Fact]
    public async Task MissingYears_AsksFor2027FromTheFirstOfDecember_UntilEntered()
    {
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero)); // 23:59 on 30 November, China time
        using var scope = _app.Services.CreateScope();
        var status = scope.ServiceProvider.GetRequiredService<CalendarNoticeStatus>();
        Assert.Empty(status.MissingYears());

        _app.Clock.Advance(TimeSpan.FromMinutes(1)); // 00:00 on 1 December
        Assert.Equal([2027], status.MissingYears());

        Assert.True((await SaveAsync(_app.Admin, 2027, Notice2027, "2027-01-01 休 元旦")).IsSuccess);
        Assert.Empty(status.MissingYears());
    }
}
