using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Res = GovNetOps.Web.Resources.Reports;

namespace GovNetOps.Web.Features.Reports;

/// <summary>统计报表: one month's figures (default last month; the current month to date), as the tables the export writes.</summary>
public partial class ReportsPage
{
    [Inject] private MonthlyReportService Reports { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private CurrentActors Actors { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    /// <summary>yyyy-MM; absent means last month.</summary>
    [SupplyParameterFromQuery(Name = "month")] public string? MonthKey { get; set; }

    private ReportMonth _month = default!;
    private IReadOnlyList<ReportMonth> _months = [];
    private MonthlyReport? _report;
    private IReadOnlyList<ReportTable> _tables = [];
    private bool _carrierOnly;

    protected override async Task OnParametersSetAsync()
    {
        var now = Time.GetUtcNow();
        var current = ReportMonth.Containing(now);
        var months = new List<ReportMonth> { current };
        for (var i = 0; i < 36; i++)
        {
            months.Add(months[^1].Previous);
        }
        _months = months;
        var asked = ReportMonth.Parse(MonthKey);
        _month = asked is not null && asked.From <= current.From ? asked : ReportMonth.LastBefore(now);
        if (!_months.Contains(_month))
        {
            _months = [.. _months, _month];
        }

        var user = (await Auth).User;
        _carrierOnly = (await Actors.ResolveAsync(user))?.Role == Role.Carrier;
        _report = await Reports.BuildAsync(user, _month);
        _tables = _report is null ? [] : ReportTables.Build(_report, CultureInfo.CurrentUICulture);
    }

    private Task MonthChanged(string key) => ReportMonth.Parse(key) is { } m ? GoAsync(m) : Task.CompletedTask;

    private Task GoAsync(ReportMonth month)
    {
        Navigation.NavigateTo($"/reports?month={month.Key}");
        return Task.CompletedTask;
    }

    private string MonthLabel(ReportMonth m) => m == _months[0] ? string.Format(CultureInfo.CurrentCulture, Res.MonthToDate, m.Key) : m.Key;

    /// <summary>Names (carrier, site, ticket) are data and stay Chinese in the English UI.</summary>
    private static bool IsData(ReportTable table, int column) => table.Key switch
    {
        ReportTables.Compliance or ReportTables.Durations or ReportTables.Violations => column == 0,
        ReportTables.Findings => column == 0,
        ReportTables.RepeatSites => column is 0 or 1,
        ReportTables.Breaches => column is 0 or 1 or 2,
        _ => false,
    };
}
