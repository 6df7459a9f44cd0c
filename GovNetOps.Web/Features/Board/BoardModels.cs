using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Board;

/// <summary>How a board row is coloured at a given instant.</summary>
public enum BoardRowState
{
    /// <summary>正常: the governing clock is below the Warning rung.</summary>
    OnTrack = 1,

    /// <summary>预警: the governing clock reached the Warning rung (default 80 %) and is not overdue.</summary>
    Warning = 2,

    /// <summary>超时: a clock is past its deadline, or a breach is already recorded (permanent, interpretation 6).</summary>
    Breached = 3,

    /// <summary>挂起: no clock runs because the repair clock is suspended (interpretation 5).</summary>
    Paused = 4,

    /// <summary>已修复待回访: both clocks stopped in time; the ticket waits for ops to confirm.</summary>
    Stopped = 5,
}

/// <summary>One open backbone fault on the board. The browser ticks <see cref="Deadline"/> and
/// <see cref="WarningAt"/> itself; the server only sends a new row when the ticket changes.</summary>
/// <param name="Deadline">Deadline of the governing clock: the running clock that runs out first; null when none runs.</param>
/// <param name="WarningAt">When the governing clock reaches the Warning rung.</param>
/// <param name="PausedLeft">Time left on the suspended repair clock (frozen while suspended), else null.</param>
/// <param name="ResponseBreached">The response clock is breached (recorded, or running past its deadline at the snapshot).</param>
/// <param name="RepairBreached">The repair clock is breached (recorded, or running past its deadline at the snapshot).</param>
public sealed record BoardRow(
    Guid TicketId,
    string Number,
    string SiteName,
    LocationClass LocationClass,
    int CarrierId,
    string CarrierName,
    TicketState State,
    ComplexStatus Complex,
    bool SuspendRequested,
    DateTimeOffset ReportedAt,
    ClockKind? Clock,
    DateTimeOffset? Deadline,
    DateTimeOffset? WarningAt,
    TimeSpan? PausedLeft,
    bool ResponseBreached,
    bool RepairBreached)
{
    public bool HasRecordedBreach => ResponseBreached || RepairBreached;
}

/// <summary>Month-to-date compliance of one group (a carrier or a location class): clocks met over clocks decided.</summary>
/// <param name="Label">The carrier's short name, or empty for a location class (labelled in the viewer's language).</param>
public sealed record ComplianceGroup(string Label, LocationClass? Class, int ResponseMet, int ResponseDecided, int RepairMet, int RepairDecided)
{
    /// <summary>Percentage of decided response clocks that were met; null when none was decided yet.</summary>
    public double? ResponseRate => ResponseDecided == 0 ? null : 100.0 * ResponseMet / ResponseDecided;

    public double? RepairRate => RepairDecided == 0 ? null : 100.0 * RepairMet / RepairDecided;
}

/// <summary>Headline numbers at one instant.</summary>
public sealed record BoardCounts(int Open, int InWarning, int BreachedNow, int BreachedToday);

/// <summary>The one shared picture every open board renders: open backbone faults, breaches
/// today and month-to-date compliance, taken at <see cref="TakenAt"/>.</summary>
public sealed record BoardSnapshot(
    long Version,
    DateTimeOffset TakenAt,
    IReadOnlyList<BoardRow> Rows,
    int BreachedToday,
    IReadOnlyList<ComplianceGroup> ByCarrier,
    IReadOnlyList<ComplianceGroup> ByLocationClass)
{
    public static BoardSnapshot Empty(DateTimeOffset at) => new(0, at, [], 0, [], []);
}
