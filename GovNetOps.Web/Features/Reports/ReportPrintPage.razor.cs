using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Res = GovNetOps.Web.Resources.Reports;

namespace GovNetOps.Web.Features.Reports;

/// <summary>The printable 月报 / 通报 (A4, static HTML): headed with the bureau and month, the summary per carrier and class,
/// the ten worst breaches, the repeat-fault sites, the maintenance violations and a line for signature and date.
/// Its cells are the report's own tables (<see cref="ReportTables"/>), so it prints what the screen and the export show.</summary>
public partial class ReportPrintPage
{
    public const int WorstBreaches = 10;

    // Carrier, class, backbone, LAN; response decided, met, as measured, after waivers; the same for repair.
    private static readonly int[] SummaryColumns = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 13];

    [Inject] private MonthlyReportService Reports { get; set; } = default!;
    [Inject] private IOptions<ReportOptions> Options { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    [Parameter] public string MonthKey { get; set; } = "";

    private MonthlyReport? _report;
    private ReportTable _summary = default!;
    private ReportTable _worst = default!;
    private ReportTable _repeat = default!;
    private ReportTable _violations = default!;
    private ReportTable _findings = default!;
    private ReportMonth _month = default!;

    private string Heading => string.Format(CultureInfo.CurrentCulture, Res.PrintHeading, Options.Value.BureauName, _month.Year, _month.Month);

    protected override async Task OnParametersSetAsync()
    {
        if (ReportMonth.Parse(MonthKey) is not { } month)
        {
            Navigation.NavigateTo("/not-found");
            return;
        }

        _month = month;
        _report = await Reports.BuildAsync((await Auth).User, month);
        if (_report is null)
        {
            return;
        }

        var tables = ReportTables.Build(_report, CultureInfo.CurrentUICulture);
        var compliance = tables.Single(t => t.Key == ReportTables.Compliance);
        // A4 portrait holds the counts and both rates (as measured, after waivers) of each clock; the waiver counts,
        // suspensions, complex faults, reopens and cancellations are on the screen and in the export.
        _summary = compliance with
        {
            Headers = SummaryColumns.Select(i => compliance.Headers[i]).ToList(),
            Rows = compliance.Rows.Select(r => r with { Cells = SummaryColumns.Select(i => r.Cells[i]).ToList() }).ToList(),
        };
        _worst = ReportTables.Ledger(_report.Breaches.Take(WorstBreaches), CultureInfo.CurrentUICulture);
        _repeat = tables.Single(t => t.Key == ReportTables.RepeatSites);
        _violations = tables.Single(t => t.Key == ReportTables.Violations);
        _findings = tables.Single(t => t.Key == ReportTables.Findings);
    }

    private static string Overall(MonthlyReport report) => string.Format(CultureInfo.CurrentCulture, Res.PrintOverall,
        report.Total.BackboneFaults, report.Total.LanRequests,
        Rate(report.Total.ResponseRate), Rate(report.Total.RepairRate), report.Breaches.Count,
        Rate(report.Total.ResponseRateAfterWaivers), Rate(report.Total.RepairRateAfterWaivers), report.Breaches.Count(b => b.IsWaived));

    private static string Rate(double? rate) => ReportTables.Percent(rate) is { } p ? $"{ReportTables.Display(p)}%" : "—";
}
