using System.Linq.Expressions;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>One ticket as a list, a queue or a page header shows it, with its clocks as <see cref="ClockSignal"/>s
/// (null for LAN faults): colour, time left and breach come from them, never from the row's own fields.</summary>
public sealed record TicketRow(
    Guid Id, string Number, string SiteName, LocationClass LocationClass, FaultScope Scope, int CarrierId, string CarrierName,
    string CarrierShortName, TicketState State, ComplexStatus Complex, bool SuspendRequested, DateTimeOffset ReportedAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? RepairedAt, ClockSignal? Response, ClockSignal? Repair, string Symptoms, int Version)
{
    /// <summary>The incident (one outage, many sites) the ticket was reported with, SJ-yyyyMMdd-nn; null for a single report.</summary>
    public string? IncidentNumber { get; init; }

    /// <summary>The running clock that runs out first (response until acknowledged, then repair); null when none runs.</summary>
    public ClockSignal? Governing => ClockSignal.Governing([Response, Repair]);

    /// <summary>The deadline that matters now; null when no clock runs.</summary>
    public DateTimeOffset? NextDeadline => Governing?.Deadline;

    /// <summary>Either clock breached at <paramref name="at"/>.</summary>
    public bool IsBreachedAt(DateTimeOffset at) => (Response?.IsBreachedAt(at) ?? false) || (Repair?.IsBreachedAt(at) ?? false);

    /// <summary>The row's colour at <paramref name="at"/> (<see cref="ClockSignal.RowColourAt"/>).</summary>
    public ClockColour ColourAt(DateTimeOffset at) => ClockSignal.RowColourAt([Response, Repair], at);

    /// <summary>The one mapping from the projection to a row; the Warning rung of the ladder of the ticket's own policy
    /// version places each clock's warning (a later version's ladder never recolours it).</summary>
    public static Expression<Func<FaultTicketRecord, TicketRow>> Projection(SlaPolicyBook policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return t => new TicketRow(
            t.Id, t.Number, t.Site!.Name, t.LocationClass, t.Scope, t.CarrierId, t.Carrier!.Name, t.Carrier!.ShortName, t.State, t.Complex,
            t.SuspendRequested, t.ReportedAt, t.AcknowledgedAt, t.RepairedAt,
            Signal(ClockKind.Response, t.ResponseDeadline, t.ResponseAllowance, WarningFraction(policies, t.PolicyVersion), t.ResponseRunning, false,
                t.ResponseBreachedDeadline, t.ResponseMetAt),
            Signal(ClockKind.Repair, t.RepairDeadline, t.RepairAllowance, WarningFraction(policies, t.PolicyVersion), t.RepairRunning, t.RepairSuspended,
                t.RepairBreachedDeadline, t.RepairMetAt),
            t.Symptoms, t.Version)
        {
            IncidentNumber = t.IncidentNumber,
        };
    }

    // Runs on the client, in the query's final projection (the book is a query parameter, read per row).
    private static double WarningFraction(SlaPolicyBook policies, int version) => policies.ForVersion(version).Escalation.WarningFraction;

    // Runs on the client, in the query's final projection.
    private static ClockSignal? Signal(
        ClockKind kind, DateTimeOffset? deadline, TimeSpan? allowance, double warningFraction, bool running, bool suspended,
        DateTimeOffset? breachedDeadline, DateTimeOffset? metAt) =>
        deadline is { } d && allowance is { } a
            ? ClockSignal.Create(kind, d, a, warningFraction, running, suspended, breachedDeadline, metAt)
            : null;
}
