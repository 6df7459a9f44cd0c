using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Web.Features.Tickets.Detail;

/// <summary>Everything the ticket page shows, computed for one viewer at one instant.</summary>
public sealed record TicketDetails(
    FaultTicket Ticket, TicketRow Row, string SiteAddress, string SiteContact, string ReporterMobile,
    IReadOnlyList<ClockSnapshot> Clocks, IReadOnlyList<TicketTrigger> Actions, DateTimeOffset At)
{
    /// <summary>Warnings and breaches the escalation engine recorded for this ticket, oldest first.</summary>
    public IReadOnlyList<EscalationRecord> Escalations { get; init; } = [];

    /// <summary>The tickets of the same incident the viewer may see, this one included, by number; empty for a single report.</summary>
    public IReadOnlyList<IncidentTicket> Incident { get; init; } = [];
}

/// <summary>One ticket of an incident, as the ticket page links it.</summary>
public sealed record IncidentTicket(string Number, string SiteName, TicketState State);
