using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Data;
using MiniExcelLibs;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>The monthly report over the hand-computed April of <see cref="ReportMonthFixture"/>: every figure.</summary>
public sealed class MonthlyReportFacts(ReportMonthFixture month) : IClassFixture<ReportMonthFixture>
{
    private const int Telecom = TicketApp.TelecomId;
    private const int Unicom = TicketApp.UnicomId;
    private const int Mobile = ReportMonthFixture.MobileId;

    [Fact]
    public async Task Compliance_MatchesTheHandCount_PerCarrierAndClass()
    {
        var report = await month.ReportAsync(month.App.Leader);

        Assert.False(report.MonthToDate);
        Assert.Equal(ReportMonthFixture.ReportAt, report.AsOf);
        // faults, LAN, response decided/met, repair decided/met, suspensions, suspended s, complex, reopens, cancellations
        AssertRow(report, Telecom, LocationClass.CountyDirect, 6, 0, 5, 3, 4, 2, 0, 0, 1, 1, 2);
        AssertRow(report, Telecom, LocationClass.Township, 2, 1, 2, 2, 2, 1, 1, 3 * 3600, 0, 0, 0);
        AssertRow(report, Telecom, LocationClass.CoreRoom, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        AssertRow(report, Telecom, null, 9, 1, 8, 6, 7, 4, 1, 3 * 3600, 1, 1, 2);
        AssertRow(report, Unicom, LocationClass.CountyDirect, 2, 0, 2, 2, 2, 1, 0, 0, 0, 0, 0);
        AssertRow(report, Unicom, LocationClass.Township, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0);
        AssertRow(report, Unicom, LocationClass.CoreRoom, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // Mobile county: M1 M2 M5 M6 M7 M9 M11 M13 M15 M16; response breached M11, M16 (M6 cancelled in time, no verdict);
        // repair met M1 (exactly), M7 (complex), M13, M15; breached M2 (1 s), M5 (reopened), M9 (complex after the breach), M11, M16.
        AssertRow(report, Mobile, LocationClass.CountyDirect, 10, 0, 9, 7, 9, 4, 0, 0, 2, 1, 1);
        // Mobile township: M3 M4 M10 M12 M14 and M8 (LAN); response breached M3; repair met M3 M4 M10 M12, M14 suspended at the
        // report (undecided). Suspended: M4 4 h + M14 from Apr 27 09:30 to May 1 08:00 (94 h 30).
        AssertRow(report, Mobile, LocationClass.Township, 5, 1, 5, 4, 4, 4, 2, 4 * 3600 + 94 * 3600 + 1800, 0, 0, 0);
        AssertRow(report, Mobile, LocationClass.CoreRoom, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        AssertRow(report, Mobile, null, 15, 1, 14, 11, 13, 8, 2, 98 * 3600 + 1800, 2, 1, 1);
        var total = report.Total;
        Assert.True(total.IsTotal);
        Assert.Equal((27, 2, 25, 19, 23, 14), (total.BackboneFaults, total.LanRequests, total.ResponseDecided, total.ResponseMet, total.RepairDecided, total.RepairMet));
        Assert.Equal((3, 3 * 3600 + 98 * 3600 + 1800L, 3, 2, 3), (total.Suspensions, total.SuspendedSeconds, total.ComplexApprovals, total.Reopens, total.Cancellations));
        Assert.Equal(19.0 / 25, total.ResponseRate!.Value, 9);
        Assert.Equal(14.0 / 23, total.RepairRate!.Value, 9);
        Assert.Null(report.Compliance.Single(r => r.CarrierId == Unicom && r.Class == LocationClass.CoreRoom).ResponseRate);
    }

    [Fact]
    public async Task Rates_AsMeasuredAndAfterWaivers_OnlyTheWaivedLineLeavesTheCount()
    {
        var report = await month.ReportAsync(month.App.Leader);

        // M3's response breach is waived; M5's upheld and M9's pending disputes count as breaches in both figures.
        var township = report.Compliance.Single(r => r.CarrierId == Mobile && r.Class == LocationClass.Township);
        Assert.Equal((1, 0), (township.ResponseWaived, township.RepairWaived));
        Assert.Equal(0.8, township.ResponseRate!.Value, 9);
        Assert.Equal(1.0, township.ResponseRateAfterWaivers!.Value, 9);
        var mobile = report.Compliance.Single(r => r.CarrierId == Mobile && r.Class == null);
        Assert.Equal((1, 0), (mobile.ResponseWaived, mobile.RepairWaived));
        Assert.Equal(11.0 / 14, mobile.ResponseRate!.Value, 9);
        Assert.Equal(11.0 / 13, mobile.ResponseRateAfterWaivers!.Value, 9);
        Assert.Equal(8.0 / 13, mobile.RepairRateAfterWaivers!.Value, 9);
        var county = report.Compliance.Single(r => r.CarrierId == Mobile && r.Class == LocationClass.CountyDirect);
        Assert.Equal((0, 0), (county.ResponseWaived, county.RepairWaived));
        Assert.Equal(county.RepairRate, county.RepairRateAfterWaivers);
        Assert.All(report.Compliance.Where(r => r.CarrierId != Mobile && !r.IsTotal), r => Assert.Equal((0, 0), (r.ResponseWaived, r.RepairWaived)));

        var total = report.Total;
        Assert.Equal((1, 0), (total.ResponseWaived, total.RepairWaived));
        Assert.Equal(19.0 / 24, total.ResponseRateAfterWaivers!.Value, 9);
        Assert.Equal(14.0 / 23, total.RepairRateAfterWaivers!.Value, 9);

        var states = report.Breaches.Where(b => b.DisputeState is not null).Select(b => (Name(b.TicketId), b.Clock, b.DisputeState, b.IsWaived)).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            ("M3", ClockKind.Response, BreachDisputeState.Waived, true),
            ("M5", ClockKind.Repair, BreachDisputeState.Upheld, false),
            ("M9", ClockKind.Repair, BreachDisputeState.Pending, false),
        ], states);
    }

    [Fact]
    public async Task Durations_AreMedianP90AndMax_WithSuspensionExcluded()
    {
        var report = await month.ReportAsync(month.App.Leader);

        // Telecom response: 300, 600, 600, 1200, 1800, 3600, 3601 s; repair: 5401, 7200, 10800, 10800, 19800 (8 h 30 − 3 h suspended), 36000.
        AssertDurations(report, Telecom, ClockKind.Response, 7, 1200, 3601, 3601);
        AssertDurations(report, Telecom, ClockKind.Repair, 6, 10800, 36000, 36000);
        AssertDurations(report, Unicom, ClockKind.Response, 3, 2700, 3660, 3660);
        AssertDurations(report, Unicom, ClockKind.Repair, 3, 9000, 18000, 18000);
        // Mobile response: 300, 600, 600, 600, 900, 1200, 1800, 1800, 2700, 3599, 3600, 3660, 7200 s (M6 and M16 never acknowledged);
        // repair: 3600, 6600, 7200, 7201, 9000, 10800, 12000 (M5, to its second repair), 14400, 18000, 21599, 21600 (M4: 10 h − 4 h
        // suspended), 108000 (M7, complex); M14 and M16 not repaired.
        AssertDurations(report, Mobile, ClockKind.Response, 13, 1800, 3660, 7200);
        AssertDurations(report, Mobile, ClockKind.Repair, 12, 10800, 21600, 108000);
        AssertDurations(report, null, ClockKind.Response, 23, 1800, 3660, 7200);
        AssertDurations(report, null, ClockKind.Repair, 21, 10800, 21600, 108000);
        // Buckets ≤15, ≤30, ≤45, ≤60, ≤90, ≤120, >120 min.
        Assert.Equal([5, 3, 1, 2, 1, 1, 0], report.Durations.Single(d => d.CarrierId == Mobile && d.Clock == ClockKind.Response).Histogram);
        var telecomResponse = report.Durations.Single(d => d.CarrierId == Telecom && d.Clock == ClockKind.Response);
        // Buckets ≤15, ≤30, ≤45, ≤60, ≤90, ≤120, >120 min: 300 600 600 | 1200 1800 | — | 3600 | 3601 | — | —
        Assert.Equal([3, 2, 0, 1, 1, 0, 0], telecomResponse.Histogram);
    }

    [Fact]
    public async Task Violations_RepeatSites_AndBreachLedger_AreTheMonths()
    {
        var report = await month.ReportAsync(month.App.Ops);

        var telecom = report.Violations.Single(v => v.CarrierId == Telecom);
        Assert.Equal(2, telecom.ByKind[CarrierViolationKind.LateNotice]);
        Assert.Equal(1, telecom.ByKind[CarrierViolationKind.Overrun]);
        Assert.Equal(0, telecom.ByKind[CarrierViolationKind.StartedEarly]);
        Assert.Equal(3, telecom.Total);
        Assert.Equal(1, report.Violations.Single(v => v.CarrierId == Unicom).ByKind[CarrierViolationKind.StartedEarly]);

        Assert.Equal(3, report.RepeatThreshold);
        // Mobile county M1 M2 M5 M7 M9 M11 M13 M15 M16 (M6 cancelled); Mobile township M3 M4 M8 M10 M12 M14 (LAN counts: a fault at
        // the site); Telecom county T1 T2 T4 T5 (T6, T7 cancelled); Telecom township T3 T8 T9.
        Assert.Equal([(9, "移动"), (6, "移动"), (4, "电信"), (3, "电信")], report.RepeatSites.Select(s => (s.Faults, s.CarrierName)));
        Assert.Equal(0, report.Violations.Single(v => v.CarrierId == Mobile).Total);

        var lines = report.Breaches.Select(b => (Name(b.TicketId), b.Clock, b.OverdueSeconds, b.StoppedAt is null, b.Cancelled)).ToList();
        Assert.Equal(
        [
            ("M16", ClockKind.Response, 46 * 3600L, true, false),
            ("M16", ClockKind.Repair, 45 * 3600L, true, false),
            ("T4", ClockKind.Repair, 8 * 3600L, false, false),
            ("T9", ClockKind.Repair, 6 * 3600L, true, false),
            ("M9", ClockKind.Repair, 3 * 3600L, false, false),
            ("M5", ClockKind.Repair, 80 * 60L, false, false),
            ("M11", ClockKind.Response, 3600L, false, false),
            ("T5", ClockKind.Repair, 3600L, false, false),
            ("M11", ClockKind.Repair, 1800L, false, false),
            ("T7", ClockKind.Response, 1800L, false, true),
            ("U1", ClockKind.Repair, 1800L, false, false),
            ("M3", ClockKind.Response, 60L, false, false),
            ("U2", ClockKind.Response, 60L, false, false),
            ("M2", ClockKind.Repair, 1L, false, false),
            ("T2", ClockKind.Response, 1L, false, false),
        ], lines.OrderByDescending(l => l.OverdueSeconds).ThenBy(l => l.Item1, StringComparer.Ordinal).ToList());
        Assert.Equal(15, report.Breaches.Count);
        Assert.Equal(report.Total.ResponseBreached + report.Total.RepairBreached, report.Breaches.Count);
    }

    [Fact]
    public async Task Carrier_SeesOnlyItsOwnRows()
    {
        var report = await month.ReportAsync(month.App.Unicom);

        Assert.All(report.Compliance.Where(r => !r.IsTotal), r => Assert.Equal(Unicom, r.CarrierId));
        Assert.Equal((3, 3, 2, 3, 2), (report.Total.BackboneFaults, report.Total.ResponseDecided, report.Total.ResponseMet, report.Total.RepairDecided, report.Total.RepairMet));
        Assert.All(report.Durations.Where(d => d.CarrierId is not null), d => Assert.Equal(Unicom, d.CarrierId));
        Assert.Equal(3, report.Durations.Single(d => d.CarrierId is null && d.Clock == ClockKind.Response).Count);
        Assert.Equal([Unicom], report.Violations.Select(v => v.CarrierId));
        Assert.Empty(report.RepeatSites);
        Assert.All(report.Breaches, b => Assert.Equal(Unicom, b.CarrierId));
        Assert.Equal(2, report.Breaches.Count);
    }

    [Fact]
    public async Task Build_RefusesAnAdmin()
    {
        Assert.Null(await month.App.WithServiceAsync<MonthlyReportService, MonthlyReport?>(s => s.BuildAsync(month.App.Admin, ReportMonthFixture.April)));
    }

    [Fact]
    public async Task Workbook_ReadBack_EqualsTheScreensTablesCellByCell()
    {
        var report = await month.ReportAsync(month.App.Leader);
        var tables = ReportTables.Build(report, ReportWorkbook.Chinese);
        using var stream = new MemoryStream(ReportWorkbook.Write(report));

        Assert.Equal(tables.Select(ReportWorkbook.SheetName), stream.GetSheetNames());
        Assert.Contains("安全检查与断网整改", stream.GetSheetNames()); // the findings sheet is compared below like every other
        foreach (var table in tables)
        {
            var sheet = stream.Query(useHeaderRow: false, sheetName: ReportWorkbook.SheetName(table))
                .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
            Assert.Equal(table.Headers, sheet[0].Select(h => (string?)h));
            Assert.Equal(table.Rows.Count, sheet.Count - 1);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Headers.Count; c++)
                {
                    var screen = table.Rows[r].Cells[c];
                    var cell = sheet[r + 1][c];
                    if (screen is long or double)
                    {
                        Assert.True(cell is double, $"{table.Title} row {r + 1} column {table.Headers[c]}: {cell?.GetType().Name} is not a number");
                        Assert.Equal(Convert.ToDouble(screen, System.Globalization.CultureInfo.InvariantCulture), (double)cell!, 9);
                    }
                    else
                    {
                        Assert.Equal(screen is "" ? null : screen, cell is "" ? null : cell);
                    }
                }
            }
        }
        var summary = tables.Single(t => t.Key == ReportTables.Compliance);
        Assert.Equal(["响应及时率·实测(%)", "响应豁免数", "响应及时率·豁免后(%)"], summary.Headers.Skip(6).Take(3));
        Assert.Equal(["修复及时率·实测(%)", "修复豁免数", "修复及时率·豁免后(%)"], summary.Headers.Skip(11).Take(3));
        // Total: response 19 of 25 as measured, 19 of 24 after the one waiver; repair 14 of 23 both ways.
        Assert.Equal([76.0, 1L, 79.2], summary.Rows[^1].Cells.Skip(6).Take(3));
        Assert.Equal([60.9, 0L, 60.9], summary.Rows[^1].Cells.Skip(11).Take(3));
        var mobile = summary.Rows.Single(r => r.Cells[0] as string == "移动" && r.Emphasis);
        Assert.Equal([78.6, 1L, 84.6], mobile.Cells.Skip(6).Take(3));

        // The ledger: per carrier, its dispute status a column; the waived line struck on the screen, "已豁免" in the sheet.
        var ledger = tables.Single(t => t.Key == ReportTables.Breaches);
        Assert.Equal("申诉状态", ledger.Headers[^1]);
        Assert.Equal(15, ledger.Rows.Count);
        Assert.Equal(["电信", "联通", "移动"], ledger.Rows.Select(r => (string)r.Cells[2]!).Distinct());
        var m3 = await month.NumberAsync("M3");
        var waived = Assert.Single(ledger.Rows, r => r.Struck);
        Assert.Equal([m3, "响应", 1.0, "已豁免"], [waived.Cells[0], waived.Cells[4], waived.Cells[7], waived.Cells[8]]);
        var m5 = await month.NumberAsync("M5");
        Assert.Equal("维持超时", ledger.Rows.Single(r => (string)r.Cells[0]! == m5).Cells[8]);
        using var again = new MemoryStream(ReportWorkbook.Write(report));
        var sheetLedger = again.Query(useHeaderRow: true, sheetName: ReportWorkbook.SheetName(ledger)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(12, sheetLedger.Count(r => (string?)r["申诉状态"] == "未申诉"));
        Assert.Equal(["已豁免", "申诉待处理", "维持超时"],
            sheetLedger.Select(r => (string?)r["申诉状态"]).Where(x => x != "未申诉").Order(StringComparer.Ordinal).ToList());
        Assert.Equal(1.0, sheetLedger.Single(r => (string?)r["工单号"] == m3)["超时(分钟)"]);
    }

    private string Name(Guid id) => month.Tickets.Single(t => t.Value.Id == id).Key;

    private static void AssertRow(MonthlyReport report, int carrierId, LocationClass? cls, int faults, int lan, int responseDecided, int responseMet,
        int repairDecided, int repairMet, int suspensions, long suspendedSeconds, int complex, int reopens, int cancellations)
    {
        var row = report.Compliance.Single(r => r.CarrierId == carrierId && r.Class == cls);
        Assert.Equal(
            (faults, lan, responseDecided, responseMet, repairDecided, repairMet, suspensions, suspendedSeconds, complex, reopens, cancellations),
            (row.BackboneFaults, row.LanRequests, row.ResponseDecided, row.ResponseMet, row.RepairDecided, row.RepairMet,
                row.Suspensions, row.SuspendedSeconds, row.ComplexApprovals, row.Reopens, row.Cancellations));
    }

    private static void AssertDurations(MonthlyReport report, int? carrierId, ClockKind clock, int count, long median, long p90, long max)
    {
        var row = report.Durations.Single(d => d.CarrierId == carrierId && d.Clock == clock);
        Assert.Equal((count, median, p90, max), (row.Count, row.Median, row.P90, row.Max));
    }
}
