using System.Globalization;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Infrastructure.Security;
using MiniExcelLibs;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>The monthly report's findings section (Article 9) over the real app and a real SQLite file, with the
/// findings of <see cref="ReportMonthFixture.FindingsAsync"/> and no tickets: counts per carrier of the site and in
/// total, a carrier's own rows only, the section's sheet in the .xlsx equal to the screen's table cell by cell.</summary>
public sealed class MonthlyReportFindingsFacts : IAsyncLifetime
{
    private const int Telecom = TicketApp.TelecomId;
    private const int Unicom = TicketApp.UnicomId;
    private readonly TicketApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await using (var db = _app.NewDbContext())
        {
            db.SecurityFindings.AddRange(await ReportMonthFixture.FindingsAsync(db));
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    // Taken at May 1 08:00 without moving the app's fake clock there: a two-month jump makes FakeTimeProvider fire the
    // app's periodic sweeps once per elapsed period, which takes minutes (see README, "Not yet on PostgreSQL").
    private async Task<MonthlyReport> ReportAsync(System.Security.Claims.ClaimsPrincipal user, ReportMonth? month = null)
    {
        var actor = await _app.WithServiceAsync<CurrentActors, GovNetOps.Domain.Common.Actor?>(a => a.ResolveAsync(user));
        return await _app.WithServiceAsync<MonthlyReportService, MonthlyReport>(s => s.BuildAsync(actor!, month ?? ReportMonthFixture.April, ReportMonthFixture.ReportAt));
    }

    [Fact]
    public async Task Findings_AreCountedPerCarrierOfTheSite_WithReconnectionsAndSitesStillDisconnectedAtMonthEnd()
    {
        var report = await ReportAsync(_app.Leader);

        // carrier: recorded, serious, disconnections, reconnections, still disconnected
        Assert.Equal(
        [
            ((int?)Telecom, 3, 2, 1, 1, 1),
            (Unicom, 2, 2, 2, 1, 1),
            (null, 5, 4, 3, 2, 2),
        ], report.Findings.Where(f => f.CarrierId is null or Telecom or Unicom)
            .Select(f => (f.CarrierId, f.Recorded, f.Serious, f.Disconnections, f.Reconnections, f.StillDisconnected)).ToList());
        Assert.All(report.Findings.Where(f => f.CarrierId is not (null or Telecom or Unicom)), f => Assert.Equal(0, f.Recorded + f.Reconnections + f.StillDisconnected));

        // March: F2 recorded (and still off at its end), F0 recorded; nothing reconnected.
        var march = await ReportAsync(_app.Leader, new ReportMonth(2026, 3));
        Assert.Equal((2, 1, 1, 0, 1), (march.Findings[^1].Recorded, march.Findings[^1].Serious, march.Findings[^1].Disconnections, march.Findings[^1].Reconnections, march.Findings[^1].StillDisconnected));

        var table = ReportTables.Build(report, ReportWorkbook.Chinese).Single(t => t.Key == ReportTables.Findings);
        Assert.Equal(["运营商", "登记问题数", "其中严重", "断网次数", "恢复接入次数", "月末仍断网单位数"], table.Headers);
        Assert.Equal(["合计", 5L, 4L, 3L, 2L, 2L], table.Rows[^1].Cells);
        Assert.True(table.Rows[^1].Emphasis);
    }

    [Fact]
    public async Task Carrier_SeesOnlyItsOwnSitesFindings()
    {
        var own = await ReportAsync(_app.Unicom);

        Assert.Equal([((int?)Unicom, 2, 1, 1), (null, 2, 1, 1)], own.Findings.Select(f => (f.CarrierId, f.Recorded, f.Reconnections, f.StillDisconnected)).ToList());
    }

    [Fact]
    public async Task Workbook_FindingsSheet_EqualsTheScreensTableCellByCell()
    {
        var report = await ReportAsync(_app.Ops);
        var table = ReportTables.Build(report, ReportWorkbook.Chinese).Single(t => t.Key == ReportTables.Findings);
        using var stream = new MemoryStream(ReportWorkbook.Write(report));

        Assert.Equal("安全检查与断网整改", ReportWorkbook.SheetName(table));
        var sheet = stream.Query(useHeaderRow: false, sheetName: ReportWorkbook.SheetName(table))
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal(table.Headers, sheet[0].Select(h => (string?)h));
        Assert.Equal(table.Rows.Count, sheet.Count - 1);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Assert.Equal(table.Rows[r].Cells[0], sheet[r + 1][0]);
            for (var c = 1; c < table.Headers.Count; c++)
            {
                var cell = sheet[r + 1][c];
                Assert.True(cell is double, $"row {r + 1} column {table.Headers[c]}: {cell?.GetType().Name} is not a number");
                Assert.Equal(Convert.ToDouble(table.Rows[r].Cells[c], CultureInfo.InvariantCulture), (double)cell!, 9);
            }
        }
    }
}
