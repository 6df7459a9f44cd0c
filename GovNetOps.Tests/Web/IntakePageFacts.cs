using System.Security.Claims;
using Bunit;
using GovNetOps.Domain.Sla;
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
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Web;

/// <summary>The intake form's validation, rendered with the real service over a real SQLite file.</summary>
public sealed class IntakePageFacts : BunitTestContext
{
    // 2026-11-24 10:00 China time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly string _folder = TestPaths.NewTempFolder();

    public IntakePageFacts()
    {
        var connection = $"Data Source={Path.Combine(_folder, "intake.db")}";
        Claim[] ops;
        Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connection));
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(Options.Create(SlaPolicy.Regulation));
        Services.AddSingleton(SlaPolicyBook.Single(SlaPolicy.Regulation));
        // The ticket chain is keyed (Security:LogKey in the app).
        Services.AddSingleton(new GovNetOps.Web.Infrastructure.SecurityLog.ChainKeys("test-key-for-the-ticket-chain-000000000"));
        Services.AddTicketReadModel();
        Services.AddScoped<ReportFaultHandler>();
        Services.AddScoped<ReportIncidentHandler>();
        // The maintenance panels have facts of their own (Integration/Maintenance, Browser/MaintenanceBrowserFacts).
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.MaintenanceWindowHint>();
        using (var db = TestDatabase.WithDemoRegistry(connection))
        {
            ops = TestAccounts.Add(db, "u-ops", "张敏", AppRoles.Ops);
        }
        var auth = AddAuthorization();
        auth.SetAuthorized("ops");
        auth.SetRoles(AppRoles.Ops);
        auth.SetClaims(ops);
    }

    [Fact]
    public void Submit_ShowsAChineseMessagePerMissingField_WhenFormIsEmpty()
    {
        var cut = Render<IntakePage>();

        cut.Find("form").Submit();

        var text = cut.Markup;
        Assert.Contains("请选择接入单位", text);
        Assert.Contains("请填写故障现象", text);
        Assert.Contains("请填写申告人姓名", text);
        Assert.Contains("手机号应为以 1 开头的 11 位数字", text);
        Assert.Equal(0, CountTickets());
    }

    [Theory]
    [InlineData("12345")]        // too short
    [InlineData("23937700123")]  // does not start with 1
    [InlineData("1393770012a")]  // not all digits
    public void Submit_RejectsMobile_WhenNotElevenDigitsStartingWith1(string mobile)
    {
        var cut = Render<IntakePage>();

        cut.Find("input[data-testid=reporter-mobile]").Input(mobile);
        cut.Find("form").Submit();

        Assert.Contains("手机号应为以 1 开头的 11 位数字", cut.Markup);
    }

    [Fact]
    public void Submit_RejectsAReportTimeInTheFuture()
    {
        var cut = Render<IntakePage>();

        cut.Find("input[data-testid=reported-at]").Input("2026-11-24 10:30");
        cut.Find("form").Submit();

        Assert.Contains("申告时间不能晚于当前时间", cut.Markup);
    }

    [Theory]
    [InlineData("2026-11-24 09:05")]     // as the field shows it
    [InlineData("2026-11-24T09:05:00")]  // what Chromium's datetime-local sends: a "T" and seconds
    [InlineData("2026-11-24 09：05:00")] // a full-width colon from a Chinese IME
    public void BackdatedReport_AsksForAReason(string typed)
    {
        var cut = Render<IntakePage>();
        Assert.Empty(cut.FindAll("[data-testid=backdate-reason]"));

        cut.Find("input[data-testid=reported-at]").Input(typed);
        cut.Find("form").Submit();

        Assert.NotEmpty(cut.FindAll("input[data-testid=backdate-reason]"));
        Assert.Contains("申告时间早于当前时间 5 分钟以上，请填写补录原因", cut.Markup);
    }

    [Theory]
    [InlineData("2026-11-24 25:00")] // no such hour
    [InlineData("11-24 09:05")]      // no year
    [InlineData("2026-11-2")]        // half typed
    public void Submit_SaysTheReportTimeIsMalformed_NotMissing(string typed)
    {
        var cut = Render<IntakePage>();

        cut.Find("input[data-testid=reported-at]").Input(typed);
        cut.Find("form").Submit();

        Assert.Contains("申告时间格式不正确，请按 yyyy-MM-dd HH:mm 填写", cut.Markup);
        Assert.DoesNotContain("请填写申告时间", cut.Markup);
        Assert.Equal(0, CountTickets());
    }

    [Fact]
    public void ReportTime_DefaultsToNowInChinaTime()
    {
        var cut = Render<IntakePage>();

        Assert.Equal("2026-11-24 10:00", cut.Find("input[data-testid=reported-at]").GetAttribute("value"));
    }

    [Fact]
    public void ReportTime_FollowsTheClock_WhileTheFormIsOpenAndUntouched_SoSixMinutesLaterNoReasonIsAsked()
    {
        var cut = Render<IntakePage>();

        _time.Advance(TimeSpan.FromMinutes(6));
        cut.WaitForAssertion(() => Assert.Equal("2026-11-24 10:06", cut.Find("input[data-testid=reported-at]").GetAttribute("value")));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("请选择接入单位", cut.Markup)); // the form was checked: only what is really missing is asked
        Assert.Empty(cut.FindAll("[data-testid=backdate-reason]"));
        Assert.DoesNotContain("补录原因", cut.Markup);
    }

    [Fact]
    public void ReportTime_StopsFollowingTheClock_OnceEdited()
    {
        var cut = Render<IntakePage>();

        cut.Find("input[data-testid=reported-at]").Input("2026-11-24 09:58");
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal("2026-11-24 09:58", cut.Find("input[data-testid=reported-at]").GetAttribute("value"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("申告时间早于当前时间 5 分钟以上，请填写补录原因", cut.Markup), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("cgz", "城关镇人民政府")]    // pinyin initials
    [InlineData("淮源", "淮源镇人民政府")]   // Chinese name
    [InlineData("czj", "桐柏县财政局")]      // initials in the middle of the name's initials
    [InlineData("hxjf", "桐柏县电子政务外网核心机房")]
    public async Task SiteSearch_FindsBySiteNameOrPinyinInitials(string typed, string expected)
    {
        var service = Services.GetRequiredService<ReportFaultHandler>();
        var sites = await service.SitesAsync();

        var found = SiteSearch.Find(sites, typed).ToList();

        Assert.Equal(expected, found.First().Name);
    }

    private int CountTickets()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.FaultTickets.Count();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
