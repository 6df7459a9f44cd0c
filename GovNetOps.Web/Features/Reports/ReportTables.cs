using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Data;
using DisputeText = GovNetOps.Web.Resources.Disputes;
using Res = GovNetOps.Web.Resources.Reports;

namespace GovNetOps.Web.Features.Reports;

/// <summary>One table of the report as both the screen and the .xlsx show it: headers and rows of cells, each cell a
/// number (<see cref="double"/> or <see cref="long"/>), a text or empty. The page formats these same cells and the
/// export writes them, so the two cannot disagree.</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<ReportTableRow> Rows);

/// <summary>A row; <see cref="Emphasis"/> marks subtotal and total rows, <see cref="Struck"/> a waived breach (struck through
/// on the screen and in print), <see cref="Href"/> the page of a ledger line (the screen's link; not in the sheet).</summary>
public sealed record ReportTableRow(IReadOnlyList<object?> Cells, bool Emphasis = false, bool Struck = false, string? Href = null);

public static partial class ReportTables
{
    public const string Compliance = "compliance";
    public const string Durations = "durations";
    public const string Violations = "violations";
    public const string RepeatSites = "repeat-sites";
    public const string Breaches = "breaches";

    /// <summary>The report's tables in <paramref name="culture"/> (the export always uses Chinese).</summary>
    public static IReadOnlyList<ReportTable> Build(MonthlyReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        string T(string key) => Res.ResourceManager.GetString(key, culture) ?? key;

        var compliance = new ReportTable(Compliance, T(nameof(Res.TableCompliance)),
            [T(nameof(Res.ColCarrier)), T(nameof(Res.ColClass)), T(nameof(Res.ColBackbone)), T(nameof(Res.ColLan)), T(nameof(Res.ColResponseDecided)), T(nameof(Res.ColResponseMet)), T(nameof(Res.ColResponseRate)),
             T(nameof(Res.ColResponseWaived)), T(nameof(Res.ColResponseRateAfterWaivers)),
             T(nameof(Res.ColRepairDecided)), T(nameof(Res.ColRepairMet)), T(nameof(Res.ColRepairRate)),
             T(nameof(Res.ColRepairWaived)), T(nameof(Res.ColRepairRateAfterWaivers)),
             T(nameof(Res.ColSuspensions)), T(nameof(Res.ColSuspendedHours)), T(nameof(Res.ColComplex)),
             T(nameof(Res.ColReopens)), T(nameof(Res.ColCancellations))],
            report.Compliance.Select(r => new ReportTableRow(
            [
                r.IsTotal ? T(nameof(Res.RowTotal)) : r.CarrierName,
                r.Class is { } c ? Labels.LocationClass(c, culture) : r.IsTotal ? "" : T(nameof(Res.RowSubtotal)),
                (long)r.BackboneFaults, (long)r.LanRequests, (long)r.ResponseDecided, (long)r.ResponseMet, Percent(r.ResponseRate),
                (long)r.ResponseWaived, Percent(r.ResponseRateAfterWaivers),
                (long)r.RepairDecided, (long)r.RepairMet, Percent(r.RepairRate),
                (long)r.RepairWaived, Percent(r.RepairRateAfterWaivers),
                (long)r.Suspensions, Hours(r.SuspendedSeconds),
                (long)r.ComplexApprovals, (long)r.Reopens, (long)r.Cancellations,
            ], r.Class is null)).ToList());

        var durations = new ReportTable(Durations, T(nameof(Res.TableDurations)),
            [T(nameof(Res.ColCarrier)), T(nameof(Res.ColClock)), T(nameof(Res.ColCount)), T(nameof(Res.ColMedianMinutes)), T(nameof(Res.ColP90Minutes)), T(nameof(Res.ColMaxMinutes))],
            report.Durations.Select(d => new ReportTableRow(
            [
                d.CarrierId is null ? T(nameof(Res.RowTotal)) : d.CarrierName,
                d.Clock == ClockKind.Response ? T(nameof(Res.ClockResponse)) : T(nameof(Res.ClockRepair)),
                (long)d.Count, Minutes(d.Median), Minutes(d.P90), Minutes(d.Max),
            ], d.CarrierId is null)).ToList());

        var kinds = Enum.GetValues<CarrierViolationKind>();
        var violations = new ReportTable(Violations, T(nameof(Res.TableViolations)),
            [T(nameof(Res.ColCarrier)), .. kinds.Select(k => T(ViolationKey(k))), T(nameof(Res.ColTotal))],
            report.Violations.Select(v => new ReportTableRow(
                [v.CarrierName, .. kinds.Select(k => (object?)(long)v.ByKind[k]), (long)v.Total])).ToList());

        var repeat = new ReportTable(RepeatSites, string.Format(culture, T(nameof(Res.TableRepeatSites)), report.RepeatThreshold),
            [T(nameof(Res.ColSite)), T(nameof(Res.ColCarrier)), T(nameof(Res.ColFaults))],
            report.RepeatSites.Select(s => new ReportTableRow([s.SiteName, s.CarrierName, (long)s.Faults])).ToList());

        // The ledger per carrier (the report's carrier order), the longest overdue first within each.
        var breaches = Ledger(report.Breaches.OrderBy(b => b.CarrierId), culture);

        return [compliance, durations, violations, repeat, breaches, FindingsTable(report, culture)];
    }

    /// <summary>Breach ledger lines as a table in <paramref name="culture"/>: the screen's and the sheet's ledger, and the
    /// printed worst breaches. Waived lines are <see cref="ReportTableRow.Struck"/>; the dispute status is a column.</summary>
    public static ReportTable Ledger(IEnumerable<BreachLine> lines, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string T(string key) => Res.ResourceManager.GetString(key, culture) ?? key;
        return new ReportTable(Breaches, T(nameof(Res.TableBreaches)),
            [T(nameof(Res.ColTicket)), T(nameof(Res.ColSite)), T(nameof(Res.ColCarrier)), T(nameof(Res.ColClass)), T(nameof(Res.ColClock)), T(nameof(Res.ColDeadline)),
             T(nameof(Res.ColStoppedAt)), T(nameof(Res.ColOverdueMinutes)), T(nameof(Res.ColDispute))],
            lines.Select(b => new ReportTableRow(
            [
                b.Number, b.SiteName, b.CarrierName, Labels.LocationClass(b.Class, culture),
                b.Clock == ClockKind.Response ? T(nameof(Res.ClockResponse)) : T(nameof(Res.ClockRepair)),
                Instant(b.Deadline),
                b.StoppedAt is { } s ? Instant(s) + (b.Cancelled ? T(nameof(Res.StoppedCancelled)) : "") : T(nameof(Res.StillOpen)),
                Minutes(b.OverdueSeconds),
                DisputeState(b.DisputeState, culture),
            ], Struck: b.IsWaived, Href: b.Href)).ToList());
    }

    /// <summary>A line's dispute status in <paramref name="culture"/>: none, pending, upheld, waived.</summary>
    public static string DisputeState(BreachDisputeState? state, CultureInfo culture)
    {
        var key = state switch
        {
            null => nameof(DisputeText.State_None),
            BreachDisputeState.Pending => nameof(DisputeText.State_Pending),
            BreachDisputeState.Upheld => nameof(DisputeText.State_Upheld),
            _ => nameof(DisputeText.State_Waived),
        };
        return DisputeText.ResourceManager.GetString(key, culture) ?? key;
    }

    private static string ViolationKey(CarrierViolationKind kind) => kind switch
    {
        CarrierViolationKind.LateNotice => nameof(Res.Violation_LateNotice),
        CarrierViolationKind.StartedWithoutApproval => nameof(Res.Violation_StartedWithoutApproval),
        CarrierViolationKind.StartedEarly => nameof(Res.Violation_StartedEarly),
        CarrierViolationKind.Overrun => nameof(Res.Violation_Overrun),
        _ => nameof(Res.Violation_UnannouncedInterruption),
    };

    /// <summary>A rate as a percentage with one decimal (the number the screen shows and the sheet holds); empty when nothing was decided.</summary>
    public static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;

    public static double Hours(long seconds) => Math.Round(seconds / 3600.0, 2, MidpointRounding.AwayFromZero);

    public static double? Minutes(long? seconds) => seconds is { } s ? Math.Round(s / 60.0, 1, MidpointRounding.AwayFromZero) : null;

    public static string Instant(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a row: subtotal/total emphasis, a waived line struck through.</summary>
    public static string? RowClass(ReportTableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Emphasis ? "report-emphasis" : row.Struck ? "report-waived" : null;
    }

    /// <summary>How the screen shows a cell: numbers in the invariant format with their decimals, empty as "—".</summary>
    public static string Display(object? cell) => cell switch
    {
        null => "—",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
