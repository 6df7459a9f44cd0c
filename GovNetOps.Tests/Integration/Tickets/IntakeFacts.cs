using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>故障申告 through <see cref="TicketService.ReportAsync"/>: every field validated on the server
/// with a Chinese message, and nothing written when refused.</summary>
public sealed class IntakeFacts(TicketApp app) : IClassFixture<TicketApp>
{
    // One spoiled field per row; the message is the one the operator sees next to it.
    [Theory]
    [InlineData("site-missing", "请选择接入单位")]
    [InlineData("site-unknown", "所选接入单位不存在或已停用")]
    [InlineData("symptoms-empty", "请填写故障现象")]
    [InlineData("symptoms-blank", "请填写故障现象")]            // whitespace only
    [InlineData("symptoms-too-long", "故障现象不能超过 500 个字")] // 501 characters
    [InlineData("name-empty", "请填写申告人姓名")]
    [InlineData("name-too-long", "申告人姓名不能超过 32 个字")]
    [InlineData("mobile-12345", "手机号应为以 1 开头的 11 位数字")]        // too short
    [InlineData("mobile-2345678901", "手机号应为以 1 开头的 11 位数字")]   // 10 digits, not starting with 1
    [InlineData("mobile-23456789012", "手机号应为以 1 开头的 11 位数字")]  // 11 digits, not starting with 1
    [InlineData("mobile-1380377000a", "手机号应为以 1 开头的 11 位数字")]  // a letter
    [InlineData("mobile-fullwidth", "手机号应为以 1 开头的 11 位数字")]    // full-width digits typed with a Chinese IME
    [InlineData("mobile-12-digits", "手机号应为以 1 开头的 11 位数字")]
    [InlineData("scope-undefined", "请选择故障范围")]
    [InlineData("report-time-missing", "请填写申告时间")]
    [InlineData("report-time-future", "申告时间不能晚于当前时间")]         // one minute ahead
    [InlineData("report-time-8-days-ago", "申告时间不能早于 7 天前")]
    [InlineData("backdated-without-reason", "申告时间早于当前时间 5 分钟以上，请填写补录原因")]
    [InlineData("backdate-reason-too-long", "补录原因不能超过 200 个字")]
    [InlineData("override-without-reason", "位置类别与接入单位登记不一致，请填写修改原因")]
    [InlineData("override-undefined-class", "区域类别无效")]
    [InlineData("override-reason-too-long", "修改原因不能超过 200 个字")]
    public async Task ReportAsync_RefusesWithTheFieldsMessage_AndWritesNothing(string scenario, string message)
    {
        var now = app.Clock.GetUtcNow();
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.CountyDirect), now);
        form = scenario switch
        {
            "site-missing" => form.With(f => f.SiteId = null),
            "site-unknown" => form.With(f => f.SiteId = 9999),
            "symptoms-empty" => form.With(f => f.Symptoms = ""),
            "symptoms-blank" => form.With(f => f.Symptoms = " \t "),
            "symptoms-too-long" => form.With(f => f.Symptoms = new string('断', 501)),
            "name-empty" => form.With(f => f.ReporterName = ""),
            "name-too-long" => form.With(f => f.ReporterName = new string('王', 33)),
            "mobile-12345" => form.With(f => f.ReporterMobile = "12345"),
            "mobile-2345678901" => form.With(f => f.ReporterMobile = "2345678901"),
            "mobile-23456789012" => form.With(f => f.ReporterMobile = "23456789012"),
            "mobile-1380377000a" => form.With(f => f.ReporterMobile = "1380377000a"),
            "mobile-fullwidth" => form.With(f => f.ReporterMobile = "１３８０３７７０００１"),
            "mobile-12-digits" => form.With(f => f.ReporterMobile = "138037700012"),
            "scope-undefined" => form.With(f => f.Scope = (FaultScope)7),
            "report-time-missing" => form.With(f => f.ReportedAtChina = null),
            "report-time-future" => form.ReportedAt(now.AddMinutes(1)),
            "report-time-8-days-ago" => form.ReportedAt(now.AddDays(-8), "补录上周来电"),
            "backdated-without-reason" => form.ReportedAt(now.AddMinutes(-30)),
            "backdate-reason-too-long" => form.ReportedAt(now.AddMinutes(-30), new string('因', 201)),
            "override-without-reason" => form.OverrideClass(LocationClass.Township, " "),
            "override-undefined-class" => form.OverrideClass((LocationClass)42, "伪造"),
            "override-reason-too-long" => form.OverrideClass(LocationClass.Township, new string('因', 201)),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        var ticketsBefore = await CountTicketsAsync();

        var result = await app.ReportAsync(form.Build());

        Assert.False(result.IsSuccess);
        Assert.Contains(message, result.Error);
        Assert.Equal(ticketsBefore, await CountTicketsAsync());
    }

    [Fact]
    public async Task ReportAsync_ListsEveryBadField_InOneMessage()
    {
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.Township), app.Clock.GetUtcNow())
            .With(f => { f.Symptoms = ""; f.ReporterName = ""; f.ReporterMobile = "12345"; })
            .Build();

        var result = await app.ReportAsync(form);

        Assert.Equal("请填写故障现象；请填写申告人姓名；手机号应为以 1 开头的 11 位数字", result.Error);
    }

    // Within the 5-minute form latency no reason is needed; an override equal to the registry is no override.
    [Theory]
    [InlineData(-4, null)]
    [InlineData(0, LocationClass.CountyDirect)]
    public async Task ReportAsync_Accepts_WhenNoReasonIsNeeded(int minutesAgo, LocationClass? sameClass)
    {
        var now = app.Clock.GetUtcNow();
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.CountyDirect), now)
            .ReportedAt(now.AddMinutes(minutesAgo))
            .With(f => f.LocationClassOverride = sameClass)
            .Build();

        var result = await app.ReportAsync(form);

        Assert.True(result.IsSuccess, result.Error);
        var stored = await app.LoadAsync(await IdOfAsync(result.Value!));
        Assert.Null(stored.Events[0].Reason);
        Assert.Equal(LocationClass.CountyDirect, stored.Record.LocationClass);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("admin")]
    [InlineData("telecom")]
    [InlineData("anonymous")]
    public async Task ReportAsync_RefusesAndLogs_WhenUserIsNotOps(string user)
    {
        var principal = user switch
        {
            "leader" => app.Leader,
            "admin" => app.Admin,
            "telecom" => app.Telecom,
            _ => PrincipalBuilder.Anonymous(),
        };
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.Township), app.Clock.GetUtcNow()).Build();
        var ticketsBefore = await CountTicketsAsync();

        var result = await app.ReportAsync(form, principal);

        Assert.Equal("只有运维值班员可以申告故障", result.Error);
        Assert.Equal(ticketsBefore, await CountTicketsAsync());
        Assert.Contains(app.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.StartsWith("Refused fault report"));
    }

    // Absurd input a crafted request could carry: each is a refusal, never an exception (an error page).
    [Theory]
    [InlineData("null-strings")]
    [InlineData("symptoms-10000")]
    [InlineData("scope-from-int")]
    [InlineData("negative-site")]
    [InlineData("override-from-int")]
    [InlineData("report-time-min")]
    [InlineData("report-time-max")]
    [InlineData("reasons-10000")]
    public async Task ReportAsync_ReturnsFailedResult_ForAbsurdInput(string scenario)
    {
        var now = app.Clock.GetUtcNow();
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.CountyDirect), now);
        form = scenario switch
        {
            "null-strings" => form.With(f => { f.Symptoms = null!; f.ReporterName = null!; f.ReporterMobile = null!; f.BackdateReason = null; f.OverrideReason = null; }),
            "symptoms-10000" => form.With(f => f.Symptoms = new string('x', 10_000)),
            "scope-from-int" => form.With(f => f.Scope = (FaultScope)(-1)),
            "negative-site" => form.With(f => f.SiteId = int.MinValue),
            "override-from-int" => form.With(f => { f.LocationClassOverride = (LocationClass)int.MaxValue; f.OverrideReason = "x"; }),
            "report-time-min" => form.With(f => f.ReportedAtChina = DateTime.MinValue),
            "report-time-max" => form.With(f => f.ReportedAtChina = DateTime.MaxValue),
            "reasons-10000" => form.ReportedAt(now.AddHours(-1), new string('x', 10_000)).OverrideClass(LocationClass.CoreRoom, new string('y', 10_000)),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var result = await app.ReportAsync(form.Build());

        Assert.False(result.IsSuccess);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    // Numbers are GZ-yyyyMMdd-nnnn counted per China day: 23:59 and 00:01 China time are different days.
    [Fact]
    public async Task ReportAsync_NumbersTicketsPerChinaDay()
    {
        await using var own = new TicketApp();
        own.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 15, 59, 0, TimeSpan.Zero)); // 23:59 China, 9 March
        await own.InitializeAsync();

        var first = await own.NewTicketAsync();
        own.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await own.NewTicketAsync();
        own.Clock.Advance(TimeSpan.FromSeconds(90)); // 00:01 China, 10 March; still 9 March in UTC
        var third = await own.NewTicketAsync();
        var fourth = await own.NewTicketAsync();

        Assert.Equal(["GZ-20260309-0001", "GZ-20260309-0002", "GZ-20260310-0001", "GZ-20260310-0002"],
            new[] { first.Number, second.Number, third.Number, fourth.Number });
    }

    // Sla:EffectiveFrom (README): a report back-dated across a policy change gets the matrix in force at its
    // report time, not the one in force when it is logged. The versions differ in the county-direct repair limit.
    [Fact]
    public async Task ReportAsync_StampsThePolicyVersionInForceAtTheReportTime_WhenBackdatedAcrossAChange()
    {
        var changedAt = TicketApp.Start - TimeSpan.FromHours(1); // 08:00 China
        await using var own = new TicketApp();
        own.Factory.Settings["Sla:Version"] = "2";
        own.Factory.Settings["Sla:EffectiveFrom"] = changedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        own.Factory.Settings["Sla:RepairCountyDirect"] = "03:00:00";
        own.Factory.Settings["Sla:PreviousVersions:0:Version"] = "1";
        own.Factory.Settings["Sla:PreviousVersions:0:EffectiveFrom"] = "2024-01-01T00:00:00+08:00";
        own.Factory.Settings["Sla:PreviousVersions:0:RepairCountyDirect"] = "02:00:00";
        await own.InitializeAsync();
        var site = await own.SiteAsync(LocationClass.CountyDirect);
        var now = own.Clock.GetUtcNow();

        var backdated = await own.NewTicketAsync(IntakeFormBuilder.At(site, now)
            .ReportedAt(changedAt - TimeSpan.FromMinutes(30), "交接班前的来电，补录").Build());
        var current = await own.NewTicketAsync(IntakeFormBuilder.At(site, now).Build());

        var old = (await own.LoadAsync(backdated.Id)).Record;
        Assert.Equal(1, old.PolicyVersion);
        Assert.Equal(changedAt - TimeSpan.FromMinutes(30), old.ReportedAt);
        Assert.Equal(old.ReportedAt + TimeSpan.FromHours(2), old.RepairDeadline);
        var @new = (await own.LoadAsync(current.Id)).Record;
        Assert.Equal(2, @new.PolicyVersion);
        Assert.Equal(now + TimeSpan.FromHours(3), @new.RepairDeadline);
        // Both versions are now used: their cells are kept, so an edit without a new version is refused at start-up.
        await using var db = own.NewDbContext();
        Assert.Equal([1, 2], await db.SlaPolicyFingerprints.OrderBy(f => f.Version).Select(f => f.Version).ToListAsync());
    }

    private async Task<int> CountTicketsAsync()
    {
        await using var db = app.NewDbContext();
        return await db.FaultTickets.CountAsync();
    }

    private async Task<Guid> IdOfAsync(string number)
    {
        await using var db = app.NewDbContext();
        return await db.FaultTickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
    }
}
