using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Board;

/// <summary>One open backbone fault on the board. The browser ticks the governing clock's <see cref="Deadline"/> and flips
/// the colour at <see cref="WarningAt"/> and <see cref="BreachesFrom"/> itself; the server only sends a new row when the
/// ticket changes. Colour and breach come from the clocks' <see cref="ClockSignal"/>s, the one colour rule.</summary>
/// <param name="Response">The response clock's signal.</param>
/// <param name="Repair">The repair clock's signal.</param>
/// <param name="PausedLeft">Time left on the suspended repair clock (frozen while suspended), else null.</param>
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
    ClockSignal? Response,
    ClockSignal? Repair,
    TimeSpan? PausedLeft)
{
    /// <summary>The running clock that runs out first; null when none runs.</summary>
    public ClockSignal? Governing => ClockSignal.Governing([Response, Repair]);

    /// <summary>Which clock the countdown shows.</summary>
    public ClockKind? Clock => Governing?.Kind;

    /// <summary>Deadline of the governing clock; null when none runs.</summary>
    public DateTimeOffset? Deadline => Governing?.Deadline;

    /// <summary>When the governing clock reaches the Warning rung.</summary>
    public DateTimeOffset? WarningAt => Governing?.WarningFrom;

    /// <summary>The first instant the row is breached: a breach already known, or the first running clock to run out.</summary>
    public DateTimeOffset? BreachesFrom =>
        new[] { Response, Repair }.OfType<ClockSignal>()
            .Select(c => c.BreachedDeadline is { } d ? d + TimeSpan.FromTicks(1) : c.IsRunning ? c.BreachesFrom : (DateTimeOffset?)null)
            .Min();

    /// <summary>The response clock was breached when the row was taken.</summary>
    public bool ResponseBreached => Response?.BreachedDeadline is not null;

    /// <summary>The repair clock was breached when the row was taken.</summary>
    public bool RepairBreached => Repair?.BreachedDeadline is not null;

    public bool HasRecordedBreach => ResponseBreached || RepairBreached;

    /// <summary>The row's colour at <paramref name="at"/> (<see cref="ClockSignal.RowColourAt"/>).</summary>
    public ClockColour ColourAt(DateTimeOffset at) => ClockSignal.RowColourAt([Response, Repair], at);
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
