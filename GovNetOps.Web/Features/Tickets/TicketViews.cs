using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>A site as the intake picker shows it.</summary>
public sealed record SiteOption(int Id, string Name, string PinyinInitials, LocationClass LocationClass, int CarrierId, string CarrierName)
{
    public override string ToString() => Name;
}

/// <summary>One line of the ticket list or a queue.</summary>
public sealed record TicketRow(
    Guid Id, string Number, string SiteName, LocationClass LocationClass, FaultScope Scope, int CarrierId, string CarrierName,
    TicketState State, ComplexStatus Complex, bool SuspendRequested, DateTimeOffset ReportedAt,
    DateTimeOffset? ResponseDeadline, DateTimeOffset? RepairDeadline, DateTimeOffset? AcknowledgedAt, DateTimeOffset? RepairedAt,
    bool ResponseBreached, bool RepairBreached, string Symptoms, int Version)
{
    /// <summary>The deadline that matters now: response until acknowledged, then repair.</summary>
    public DateTimeOffset? NextDeadline => State switch
    {
        TicketState.Reported => ResponseDeadline,
        TicketState.Acknowledged => RepairDeadline,
        _ => null,
    };

    public bool IsBreachedAt(DateTimeOffset now) =>
        ResponseBreached || RepairBreached
        || (State == TicketState.Reported && ResponseDeadline < now)
        || (State is TicketState.Reported or TicketState.Acknowledged && RepairDeadline < now);
}

public sealed record TicketResults(IReadOnlyList<TicketRow> Items, int Total);

/// <summary>Filters of the ticket list (all optional).</summary>
public sealed record TicketQuery
{
    public TicketState? State { get; init; }
    public bool OpenOnly { get; init; }
    public int? CarrierId { get; init; }
    public LocationClass? LocationClass { get; init; }
    public bool? Breached { get; init; }
    public DateOnly? ReportedFrom { get; init; }
    public DateOnly? ReportedTo { get; init; }
    public string? Search { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

/// <summary>Everything the ticket page shows, computed for one viewer at one instant.</summary>
public sealed record TicketDetails(
    FaultTicket Ticket, TicketRow Row, string SiteAddress, string SiteContact,
    IReadOnlyList<ClockSnapshot> Clocks, IReadOnlyList<TicketTrigger> Actions, DateTimeOffset At)
{
    /// <summary>Warnings and breaches the escalation engine recorded for this ticket, oldest first.</summary>
    public IReadOnlyList<Infrastructure.Data.EscalationRecord> Escalations { get; init; } = [];
}
