using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Security;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Features.Reports.Disputes;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>
/// April 2026 (China time), hand-computed. Policy: response 1 h; repair 2 h county, 6 h township, 4 h core room; complex 48 h.
/// Each ticket on its own day (T = telecom, U = unicom; offsets from the report time):
/// <list type="bullet">
/// <item>U3 Mar 31 23:59:59 county, cancelled at once — outside the month. U4 Apr 1 00:00:00 county: ack +10 min, repaired +60 min — met, met.</item>
/// <item>T1 county: ack exactly +60 min, repaired exactly +120 min — met AT both deadlines.</item>
/// <item>T2 county: ack +60 min 1 s (response breached by one second), repaired +90 min 1 s — repair met.</item>
/// <item>T3 township: ack +10 min, suspended +5 h…+8 h (across the +6 h deadline), repaired +8 h 30 — 5 h 30 counted, met.</item>
/// <item>T4 county: ack +5 min, complex requested +2 h 30 (general deadline passed), approved +3 h, repaired +10 h — repair breached.</item>
/// <item>T5 county: ack +20 min, repaired +60 min, reopened +90 min, repaired again +3 h — repair breached (original deadline stands).</item>
/// <item>T6 county: cancelled +30 min — no verdict. T7 county: cancelled +90 min without ack — response breached.</item>
/// <item>T8 township LAN — LAN assistance, no clocks. T10 core room: ack +30 min, repaired +3 h — met, met.</item>
/// <item>U1 county: ack +45 min, repaired +2 h 30 — repair breached. U2 township: ack +61 min, repaired +5 h — response breached.</item>
/// <item>T9 township Apr 30 20:00: ack +10 min, still under repair at the report (May 1 08:00) — repair breached, still open.</item>
/// </list>
/// M = mobile (carrier 3), one county and one township site:
/// <list type="bullet">
/// <item>M1 county: ack exactly +60 min, repaired exactly +120 min — met AT both deadlines.</item>
/// <item>M2 county: ack +30 min, repaired +120 min 1 s — repair breached by one second.</item>
/// <item>M3 township: ack +61 min (response breached by 60 s), repaired +4 h — the breach is disputed and WAIVED.</item>
/// <item>M4 township: ack +15 min, suspended +5 h 55…+9 h 55 (across the +6 h deadline), repaired +10 h — met exactly at the
/// deadline moved by the 4 h suspended.</item>
/// <item>M5 county: ack +10 min, repaired +100 min (in time), reopened +150 min (past the deadline), repaired again +200 min —
/// repair breached by 80 min; disputed, UPHELD.</item>
/// <item>M6 county: cancelled +50 min without ack — no verdict. M8 township LAN (Apr 26) — no clocks.</item>
/// <item>M7 county: ack +20 min, complex requested +100 min and approved +110 min (before the 2 h deadline), repaired +30 h — met.</item>
/// <item>M9 county: ack +5 min, complex requested +3 h (after the 2 h deadline), approved +3 h 20, repaired +5 h — repair breached
/// by 3 h; disputed, still PENDING.</item>
/// <item>M10 township: ack +59 min 59 s, repaired +5 h 59 min 59 s — met. M11 county: ack +2 h, repaired +2 h 30 — both breached.</item>
/// <item>M12 township: ack +30 min, repaired +3 h — met. M13 county: ack +45 min, repaired +110 min — met. M15 county: ack +10 min,
/// repaired +60 min — met.</item>
/// <item>M14 township Apr 27 09:00: ack +10 min, suspended from +30 min and still suspended at the report — 94 h 30 counted, repair
/// undecided.</item>
/// <item>M16 county Apr 29 09:00: untouched — response breached by 46 h and repair by 45 h at the report, both still open.</item>
/// </list>
/// </summary>
public sealed class ReportMonthFixture : IAsyncLifetime
{
    public static readonly ReportMonth April = new(2026, 4);

    /// <summary>May 1 08:00 China time: when the monthly job runs and the report is taken.</summary>
    public static readonly DateTimeOffset ReportAt = ChinaTime.At(new DateOnly(2026, 5, 1), new TimeOnly(8, 0));

    public const int MobileId = 3;

    public TicketApp App { get; } = new();

    /// <summary>孙浩, a China Mobile (carrier 3) engineer.</summary>
    public ClaimsPrincipal Mobile { get; private set; } = default!;

    /// <summary>The disputes raised in the fixture: M3 response (waived, one PNG attached), M5 repair (upheld), M9 repair (pending).</summary>
    public Dictionary<string, long> Disputes { get; } = [];

    /// <summary>The PNG attached to M3's dispute.</summary>
    public static readonly byte[] Photo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
    public Dictionary<string, TicketHandle> Tickets { get; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Mobile = await App.PrincipalAsync("mobile", GovNetOps.Web.Infrastructure.Security.AppRoles.Carrier);
        var m = Mobile;
        var ops = App.Ops;
        var t = App.Telecom;
        var u = App.Unicom;
        var (ack, repaired) = (TicketTrigger.Acknowledge, TicketTrigger.MarkRepaired);

        const LocationClass county = LocationClass.CountyDirect;
        const LocationClass township = LocationClass.Township;
        // Cancelled at once: outside the month either way, and a clock left running for the whole month would have the
        // escalation engine catch up a month of reminders at every step of the fake clock.
        await Ticket("U3", China(3, 31, 23, 59, 59), LocationClass.CountyDirect, TicketApp.UnicomId, (TimeSpan.Zero, TicketTrigger.Cancel, ops));
        await Ticket("U4", China(4, 1, 0, 0, 0), LocationClass.CountyDirect, TicketApp.UnicomId, (Minutes(10), ack, u), (Minutes(60), repaired, u));
        await Ticket("T1", China(4, 2, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId, (Minutes(60), ack, t), (Minutes(120), repaired, t));
        await Ticket("T2", China(4, 3, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId,
            (Minutes(60) + Second, ack, t), (Minutes(90) + Second, repaired, t));
        await Ticket("M1", China(4, 4, 9, 0, 0), county, MobileId, (Minutes(60), ack, m), (Minutes(120), repaired, m));
        await Ticket("M2", China(4, 5, 9, 0, 0), county, MobileId, (Minutes(30), ack, m), (Minutes(120) + Second, repaired, m));
        await Ticket("T3", China(4, 6, 9, 0, 0), LocationClass.Township, TicketApp.TelecomId,
            (Minutes(10), ack, t), (Minutes(290), TicketTrigger.RequestSuspend, t), (Minutes(300), TicketTrigger.ApproveSuspend, ops),
            (Minutes(480), TicketTrigger.Resume, ops), (Minutes(510), repaired, t));
        await Ticket("T4", China(4, 7, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId,
            (Minutes(5), ack, t), (Minutes(150), TicketTrigger.RequestComplex, t), (Minutes(180), TicketTrigger.ApproveComplex, ops),
            (Minutes(600), repaired, t));
        await Ticket("T5", China(4, 8, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId,
            (Minutes(20), ack, t), (Minutes(60), repaired, t), (Minutes(90), TicketTrigger.Reopen, ops), (Minutes(180), repaired, t));
        await Ticket("T6", China(4, 9, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId, (Minutes(30), TicketTrigger.Cancel, ops));
        await Ticket("T7", China(4, 10, 9, 0, 0), LocationClass.CountyDirect, TicketApp.TelecomId, (Minutes(90), TicketTrigger.Cancel, ops));
        await Ticket("M3", China(4, 11, 9, 0, 0), township, MobileId, (Minutes(61), ack, m), (Minutes(240), repaired, m));
        await Ticket("M4", China(4, 12, 9, 0, 0), township, MobileId,
            (Minutes(15), ack, m), (Minutes(350), TicketTrigger.RequestSuspend, m), (Minutes(355), TicketTrigger.ApproveSuspend, ops),
            (Minutes(595), TicketTrigger.Resume, ops), (Minutes(600), repaired, m));
        await Ticket("T8", China(4, 13, 9, 0, 0), LocationClass.Township, TicketApp.TelecomId, lan: true);
        await Ticket("T10", China(4, 14, 9, 0, 0), LocationClass.CoreRoom, TicketApp.TelecomId, (Minutes(30), ack, t), (Minutes(180), repaired, t));
        await Ticket("U1", China(4, 15, 9, 0, 0), LocationClass.CountyDirect, TicketApp.UnicomId, (Minutes(45), ack, u), (Minutes(150), repaired, u));
        await Ticket("U2", China(4, 16, 9, 0, 0), LocationClass.Township, TicketApp.UnicomId, (Minutes(61), ack, u), (Minutes(300), repaired, u));
        await Ticket("M5", China(4, 17, 9, 0, 0), county, MobileId,
            (Minutes(10), ack, m), (Minutes(100), repaired, m), (Minutes(150), TicketTrigger.Reopen, ops), (Minutes(200), repaired, m));
        await Ticket("M6", China(4, 18, 9, 0, 0), county, MobileId, (Minutes(50), TicketTrigger.Cancel, ops));
        await Ticket("M7", China(4, 19, 9, 0, 0), county, MobileId,
            (Minutes(20), ack, m), (Minutes(100), TicketTrigger.RequestComplex, m), (Minutes(110), TicketTrigger.ApproveComplex, ops),
            (Minutes(1800), repaired, m));
        await Ticket("M9", China(4, 21, 9, 0, 0), county, MobileId,
            (Minutes(5), ack, m), (Minutes(180), TicketTrigger.RequestComplex, m), (Minutes(200), TicketTrigger.ApproveComplex, ops),
            (Minutes(300), repaired, m));
        await Ticket("M10", China(4, 22, 9, 0, 0), township, MobileId, (Minutes(60) - Second, ack, m), (Minutes(360) - Second, repaired, m));
        await Ticket("M11", China(4, 23, 9, 0, 0), county, MobileId, (Minutes(120), ack, m), (Minutes(150), repaired, m));
        await Ticket("M12", China(4, 24, 9, 0, 0), township, MobileId, (Minutes(30), ack, m), (Minutes(180), repaired, m));
        await Ticket("M13", China(4, 25, 9, 0, 0), county, MobileId, (Minutes(45), ack, m), (Minutes(110), repaired, m));
        await Ticket("M8", China(4, 26, 9, 0, 0), township, MobileId, lan: true);
        await Ticket("M14", China(4, 27, 9, 0, 0), township, MobileId,
            (Minutes(10), ack, m), (Minutes(20), TicketTrigger.RequestSuspend, m), (Minutes(30), TicketTrigger.ApproveSuspend, ops));
        await Ticket("M15", China(4, 28, 9, 0, 0), county, MobileId, (Minutes(10), ack, m), (Minutes(60), repaired, m));
        await Ticket("M16", China(4, 29, 9, 0, 0), county, MobileId);
        await Ticket("T9", China(4, 30, 20, 0, 0), LocationClass.Township, TicketApp.TelecomId, (Minutes(10), ack, t));

        await using (var db = App.NewDbContext())
        {
            db.CarrierViolations.AddRange(
                Violation(TicketApp.TelecomId, CarrierViolationKind.LateNotice, China(4, 1, 0, 0, 0)),
                Violation(TicketApp.TelecomId, CarrierViolationKind.LateNotice, China(4, 20, 10, 0, 0)),
                Violation(TicketApp.TelecomId, CarrierViolationKind.Overrun, China(4, 30, 23, 59, 59)),
                Violation(TicketApp.TelecomId, CarrierViolationKind.LateNotice, China(3, 31, 23, 59, 59)),
                Violation(TicketApp.TelecomId, CarrierViolationKind.StartedEarly, China(5, 1, 0, 0, 0)),
                Violation(TicketApp.UnicomId, CarrierViolationKind.StartedEarly, China(4, 21, 10, 0, 0)));
            await db.SaveChangesAsync();
            db.SecurityFindings.AddRange(await FindingsAsync(db));
            await db.SaveChangesAsync();
        }

        App.Clock.SetUtcNow(ReportAt);
        Disputes["M3"] = await DisputeAsync("M3", ClockKind.Response, "当日县供电公司计划停电，已提前报备，见停电通知照片。",
            [new DisputeUpload("停电通知.png", Photo)]);
        await DecideAsync("M3", waive: true, "核实供电公司停电通知属实，予以豁免。");
        Disputes["M5"] = await DisputeAsync("M5", ClockKind.Repair, "首次修复在时限内完成，重开与原故障无关。", []);
        await DecideAsync("M5", waive: false, "重开原因为同一光缆接头，超时成立。");
        Disputes["M9"] = await DisputeAsync("M9", ClockKind.Repair, "光缆被市政施工挖断，属复杂故障。", []);
    }

    private async Task<long> DisputeAsync(string name, ClockKind clock, string reason, IReadOnlyList<DisputeUpload> files)
    {
        var number = await NumberAsync(name);
        var raised = await App.WithServiceAsync<BreachDisputeHandler, GovNetOps.Domain.Common.Result<long>>(h => h.RaiseAsync(Mobile, number, clock, reason, files));
        Assert.True(raised.IsSuccess, $"{name} dispute: {raised.Error}");
        return raised.Value;
    }

    private async Task DecideAsync(string name, bool waive, string reason)
    {
        var decided = await App.WithServiceAsync<BreachDisputeHandler, GovNetOps.Domain.Common.Result>(h => h.DecideAsync(App.Ops, Disputes[name], waive, reason));
        Assert.True(decided.IsSuccess, $"{name} decision: {decided.Error}");
    }

    /// <summary>The ticket number of a named ticket.</summary>
    public async Task<string> NumberAsync(string name)
    {
        await using var db = App.NewDbContext();
        var id = Tickets[name].Id;
        return await db.FaultTickets.Where(x => x.Id == id).Select(x => x.Number).SingleAsync();
    }

    public Task DisposeAsync() => App.DisposeAsync();

    public async Task<MonthlyReport> ReportAsync(ClaimsPrincipal user) =>
        (await App.WithServiceAsync<MonthlyReportService, MonthlyReport?>(s => s.BuildAsync(user, April)))
        ?? throw new InvalidOperationException("report refused");

    public static DateTimeOffset China(int month, int day, int hour, int minute, int second) =>
        ChinaTime.At(new DateOnly(2026, month, day), new TimeOnly(hour, minute, second));

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    private Task Ticket(string name, DateTimeOffset reportedAt, LocationClass cls, int carrierId,
        params (TimeSpan After, TicketTrigger Trigger, ClaimsPrincipal By)[] moves) =>
        Ticket(name, reportedAt, cls, carrierId, false, moves);

    private Task Ticket(string name, DateTimeOffset reportedAt, LocationClass cls, int carrierId, bool lan) =>
        Ticket(name, reportedAt, cls, carrierId, lan, []);

    private async Task Ticket(string name, DateTimeOffset reportedAt, LocationClass cls, int carrierId, bool lan,
        (TimeSpan After, TicketTrigger Trigger, ClaimsPrincipal By)[] moves)
    {
        App.Clock.SetUtcNow(reportedAt);
        var form = IntakeFormBuilder.At(await App.SiteAsync(cls, carrierId), reportedAt);
        var ticket = await App.NewTicketAsync(lan ? form.Lan().Build() : form.Build());
        foreach (var (after, trigger, by) in moves)
        {
            App.Clock.SetUtcNow(reportedAt + after);
            var applied = await App.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(trigger, "按计划步骤"), by);
            Assert.True(applied.IsSuccess, $"{name} {trigger}: {applied.Error}");
            ticket = ticket with { Version = applied.Value };
        }
        Tickets[name] = ticket;
    }

    /// <summary>
    /// Findings (as the findings handler stores them: Disconnected when it cut the site off, ReconnectedAt when the site
    /// was reconnected), at five sites, T = telecom, U = unicom. Expected for April — telecom: recorded 3 (F1, F3, F6),
    /// serious 2, disconnections 1 (F3), reconnections 1 (F2), still disconnected 1 (site C); unicom: recorded 2, serious 2,
    /// disconnections 2, reconnections 1 (F4), still disconnected 1 (site E: reconnected on May 1 00:00).
    /// <list type="bullet">
    /// <item>F0 T site A general Mar 31 23:59:59 — outside. F1 T site A general Apr 3.</item>
    /// <item>F2 T site B serious Mar 28, reconnected Apr 2 10:00.</item>
    /// <item>F3 T site C serious Apr 10, never reconnected. F6 T site C serious Apr 12 (already cut off: disconnected nothing).</item>
    /// <item>F4 U site D serious Apr 20, reconnected Apr 25. F5 U site E serious Apr 30 23:00, reconnected May 1 00:00:00.</item>
    /// </list>
    /// </summary>
    public static async Task<IReadOnlyList<SecurityFindingRecord>> FindingsAsync(AppDbContext db)
    {
        var telecom = await db.Sites.Where(s => s.CarrierId == TicketApp.TelecomId).OrderBy(s => s.Id).Select(s => s.Id).Take(3).ToListAsync();
        var unicom = await db.Sites.Where(s => s.CarrierId == TicketApp.UnicomId).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var (a, b, c, d, e) = (telecom[0], telecom[1], telecom[2], unicom[0], unicom[1]);
        return
        [
            Finding(a, FindingSeverity.General, China(3, 31, 23, 59, 59)),
            Finding(a, FindingSeverity.General, China(4, 3, 10, 0, 0)),
            Finding(b, FindingSeverity.Serious, China(3, 28, 10, 0, 0), disconnected: true, reconnected: China(4, 2, 10, 0, 0)),
            Finding(c, FindingSeverity.Serious, China(4, 10, 10, 0, 0), disconnected: true),
            Finding(c, FindingSeverity.Serious, China(4, 12, 10, 0, 0)),
            Finding(d, FindingSeverity.Serious, China(4, 20, 10, 0, 0), disconnected: true, reconnected: China(4, 25, 10, 0, 0)),
            Finding(e, FindingSeverity.Serious, China(4, 30, 23, 0, 0), disconnected: true, reconnected: China(5, 1, 0, 0, 0)),
        ];
    }

    private static SecurityFindingRecord Finding(int siteId, FindingSeverity severity, DateTimeOffset at, bool disconnected = false, DateTimeOffset? reconnected = null) => new()
    {
        SiteId = siteId,
        Severity = severity,
        State = reconnected is null ? FindingState.Open : FindingState.Verified,
        Description = "测试问题",
        RectificationDue = ChinaTime.DateOf(at).AddDays(10),
        FoundAt = at,
        RecordedByName = "测试",
        Disconnected = disconnected,
        ReconnectedAt = reconnected,
    };

    private static CarrierViolationRecord Violation(int carrierId, CarrierViolationKind kind, DateTimeOffset at) => new()
    {
        CarrierId = carrierId,
        Kind = kind,
        OccurredAt = at,
        Detail = "测试记录",
        RecordedBy = "system",
        RecordedAt = at,
    };
}
