using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Reports;

/// <summary>A China-time calendar month: [first day 00:00, first day of the next month 00:00) in China time, stored as UTC.</summary>
public sealed record ReportMonth(int Year, int Month)
{
    public DateTimeOffset From => ChinaTime.StartOfDayUtc(new DateOnly(Year, Month, 1));
    public DateTimeOffset To => ChinaTime.StartOfDayUtc(new DateOnly(Year, Month, 1).AddMonths(1));
    public ReportMonth Previous => Of(new DateOnly(Year, Month, 1).AddMonths(-1));
    public ReportMonth Next => Of(new DateOnly(Year, Month, 1).AddMonths(1));

    /// <summary>yyyy-MM, as in the address and the file name.</summary>
    public string Key => $"{Year:0000}-{Month:00}";

    public static ReportMonth Containing(DateTimeOffset instant) => Of(ChinaTime.DateOf(instant));

    /// <summary>The month before the one containing <paramref name="instant"/>: the report's default.</summary>
    public static ReportMonth LastBefore(DateTimeOffset instant) => Containing(instant).Previous;

    public static ReportMonth? Parse(string? key)
    {
        if (key is not { Length: 7 } || key[4] != '-'
            || !int.TryParse(key.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(key.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            || year < 2000 || year > 2100 || month < 1 || month > 12)
        {
            return null;
        }

        return new ReportMonth(year, month);
    }

    private static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);
}

/// <summary>One row of the compliance table: one carrier and location class, a carrier's subtotal
/// (<see cref="Class"/> null) or the total (<see cref="CarrierId"/> null too).</summary>
public sealed record ComplianceRow(
    int? CarrierId,
    string CarrierName,
    LocationClass? Class,
    int BackboneFaults,
    int LanRequests,
    int ResponseDecided,
    int ResponseMet,
    int RepairDecided,
    int RepairMet,
    int Suspensions,
    long SuspendedSeconds,
    int ComplexApprovals,
    int Reopens,
    int Cancellations,
    int ResponseWaived = 0,
    int RepairWaived = 0)
{
    /// <summary>As measured: met ÷ decided, or null when nothing was decided (shown as "—", never as 0 % or 100 %).</summary>
    public double? ResponseRate => Rate(ResponseMet, ResponseDecided);
    public double? RepairRate => Rate(RepairMet, RepairDecided);

    /// <summary>After waivers: a waived breach leaves the count, met ÷ (decided − waived).</summary>
    public double? ResponseRateAfterWaivers => Rate(ResponseMet, ResponseDecided - ResponseWaived);
    public double? RepairRateAfterWaivers => Rate(RepairMet, RepairDecided - RepairWaived);
    public int ResponseBreached => ResponseDecided - ResponseMet;
    public int RepairBreached => RepairDecided - RepairMet;
    public bool IsTotal => CarrierId is null;
    public bool IsSubtotal => CarrierId is not null && Class is null;

    public static double? Rate(int met, int decided) => decided == 0 ? null : (double)met / decided;

    public static ComplianceRow Sum(int? carrierId, string name, LocationClass? cls, IEnumerable<ComplianceRow> rows)
    {
        var list = rows.ToList();
        return new ComplianceRow(carrierId, name, cls,
            list.Sum(r => r.BackboneFaults), list.Sum(r => r.LanRequests),
            list.Sum(r => r.ResponseDecided), list.Sum(r => r.ResponseMet),
            list.Sum(r => r.RepairDecided), list.Sum(r => r.RepairMet),
            list.Sum(r => r.Suspensions), list.Sum(r => r.SuspendedSeconds),
            list.Sum(r => r.ComplexApprovals), list.Sum(r => r.Reopens), list.Sum(r => r.Cancellations),
            list.Sum(r => r.ResponseWaived), list.Sum(r => r.RepairWaived));
    }
}

/// <summary>Response or repair durations of one carrier (or all, <see cref="CarrierId"/> null), in seconds.</summary>
public sealed record DurationRow(int? CarrierId, string CarrierName, ClockKind Clock, int Count, long? Median, long? P90, long? Max, IReadOnlyList<int> Histogram)
{
    /// <summary>Histogram bucket upper bounds in minutes (the last bucket is open-ended), per clock.</summary>
    public static IReadOnlyList<int> BucketMinutes(ClockKind clock) => clock == ClockKind.Response
        ? [15, 30, 45, 60, 90, 120]
        : [60, 120, 240, 360, 720, 1440, 2880];

    public static DurationRow From(int? carrierId, string name, ClockKind clock, IReadOnlyList<long> seconds)
    {
        var sorted = seconds.Order().ToList();
        var bounds = BucketMinutes(clock);
        var histogram = new int[bounds.Count + 1];
        foreach (var s in sorted)
        {
            var i = 0;
            while (i < bounds.Count && s > bounds[i] * 60L)
            {
                i++;
            }
            histogram[i]++;
        }

        return new DurationRow(carrierId, name, clock, sorted.Count,
            Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted.Count == 0 ? null : sorted[^1], histogram);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static long? Percentile(IReadOnlyList<long> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

/// <summary>Maintenance violations of one carrier in the month, by kind.</summary>
public sealed record ViolationRow(int CarrierId, string CarrierName, IReadOnlyDictionary<CarrierViolationKind, int> ByKind)
{
    public int Total => ByKind.Values.Sum();
}

/// <summary>A site with at least the threshold's number of faults in the month.</summary>
public sealed record RepeatSiteRow(int SiteId, string SiteName, string CarrierName, int Faults);

/// <summary>One breached clock in the month (a line of the breach ledger), with its dispute when the carrier raised one.</summary>
public sealed record BreachLine(
    Guid TicketId,
    string Number,
    string SiteName,
    int CarrierId,
    string CarrierName,
    LocationClass Class,
    ClockKind Clock,
    DateTimeOffset Deadline,
    DateTimeOffset? StoppedAt,
    bool Cancelled,
    long OverdueSeconds,
    long? DisputeId = null,
    BreachDisputeState? DisputeState = null)
{
    /// <summary>Waived by Ops: struck through, and out of the "after waivers" rates.</summary>
    public bool IsWaived => DisputeState == BreachDisputeState.Waived;

    /// <summary>The line's own page (its dispute, attachments, decision).</summary>
    public string Href => PathOf(Number, Clock);

    public static string PathOf(string number, ClockKind clock) => $"/reports/breaches/{number}/{ClockSegment(clock)}";

    /// <summary>The clock as the address names it.</summary>
    public static string ClockSegment(ClockKind clock) => clock == ClockKind.Response ? "response" : "repair";

    public static ClockKind? ParseClock(string? segment) => segment switch
    {
        "response" => ClockKind.Response,
        "repair" => ClockKind.Repair,
        _ => null,
    };
}

/// <summary>The month's report as one reader sees it (a carrier: its own rows only), as at <see cref="AsOf"/>.</summary>
public sealed record MonthlyReport(
    ReportMonth Month,
    DateTimeOffset AsOf,
    bool MonthToDate,
    int RepeatThreshold,
    IReadOnlyList<ComplianceRow> Compliance,
    IReadOnlyList<DurationRow> Durations,
    IReadOnlyList<ViolationRow> Violations,
    IReadOnlyList<RepeatSiteRow> RepeatSites,
    IReadOnlyList<BreachLine> Breaches)
{
    public ComplianceRow Total => Compliance[^1];

    /// <summary>Security findings and disconnections per carrier, then the total (<see cref="FindingCounts"/>).</summary>
    public IReadOnlyList<FindingRow> Findings { get; init; } = [];
}
