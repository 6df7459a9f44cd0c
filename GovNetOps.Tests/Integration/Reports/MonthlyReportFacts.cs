using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Reports;
using MiniExcelLibs;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>The monthly report over the hand-computed April of <see cref="ReportMonthFixture"/>: every figure.</summary>
// Not yet on PostgreSQL: in two PostgreSQL runs (2026-11-30) this class never finished — its fixture's database held no
// ticket after minutes (the first NewTicketAsync did not complete) while, in the same test process, another app
// instance's Hangfire on PostgreSQL had enqueued about 70 000 recurring sweep jobs (EscalationSweepJob,
// MaintenanceSweepJob). Not diagnosed yet; remove this trait once it passes there (README, "Not yet on PostgreSQL").
[Trait("Provider", "SqliteOnlyForNow")]
public sealed class MonthlyReportFacts(ReportMonthFixture month) : IClassFixture<ReportMonthFixture>
{
    private const int Telecom = TicketApp.TelecomId;
    private const int Unicom = TicketApp.UnicomId;

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
        var total = report.Total;
        Assert.True(total.IsTotal);
        Assert.Equal((12, 1, 11, 8, 10, 6), (total.BackboneFaults, total.LanRequests, total.ResponseDecided, total.ResponseMet, total.RepairDecided, total.RepairMet));
        Assert.Equal(8.0 / 11, total.ResponseRate!.Value, 9);
        Assert.Equal(0.6, total.RepairRate!.Value, 9);
        Assert.Null(report.Compliance.Single(r => r.CarrierId == Unicom && r.Class == LocationClass.CoreRoom).ResponseRate);
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
        AssertDurations(report, null, ClockKind.Response, 10, 1200, 3601, 3660);
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
        Assert.Equal([4, 3], report.RepeatSites.Select(s => s.Faults));
        Assert.All(report.RepeatSites, s => Assert.Equal("电信", s.CarrierName[..2]));

        var lines = report.Breaches.Select(b => (Name(b.TicketId), b.Clock, b.OverdueSeconds, b.StoppedAt is null, b.Cancelled)).ToList();
        Assert.Equal(
        [
            ("T4", ClockKind.Repair, 8 * 3600L, false, false),
            ("T9", ClockKind.Repair, 6 * 3600L, true, false),
            ("T5", ClockKind.Repair, 3600L, false, false),
            ("T7", ClockKind.Response, 1800L, false, true),
            ("U1", ClockKind.Repair, 1800L, false, false),
            ("U2", ClockKind.Response, 60L, false, false),
            ("T2", ClockKind.Response, 1L, false, false),
        ], lines.OrderByDescending(l => l.OverdueSeconds).ThenBy(l => l.Item1, StringComparer.Ordinal).ToList());
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
        Assert.Equal("响应及时率(%)", summary.Headers[6]);
        Assert.Equal(72.7, summary.Rows[^1].Cells[6]);
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
