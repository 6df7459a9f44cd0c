using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The queryable projection of a <see cref="FaultTicket"/>; the events are the truth and
/// this row is rewritten from the rehydrated ticket on every event, in the same transaction.</summary>
public sealed class FaultTicketRecord
{
    public Guid Id { get; set; }

    /// <summary>GZ-yyyyMMdd-nnnn, counted per China-time day of logging.</summary>
    public string Number { get; set; } = "";
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public int CarrierId { get; set; }
    public Carrier? Carrier { get; set; }
    public LocationClass LocationClass { get; set; }
    public FaultScope Scope { get; set; }
    public string Symptoms { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public string ReporterMobile { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
    public int PolicyVersion { get; set; }
    public TicketState State { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? RepairedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public ComplexStatus Complex { get; set; }
    public bool SuspendRequested { get; set; }

    /// <summary>Null for LAN-scope faults (no carrier clocks, Article 11).</summary>
    public DateTimeOffset? ResponseDeadline { get; set; }

    /// <summary>Effective repair deadline (complex fault and past suspensions applied); null for LAN.</summary>
    public DateTimeOffset? RepairDeadline { get; set; }
    public bool ResponseBreached { get; set; }
    public bool RepairBreached { get; set; }
    public DateTimeOffset LastEventAt { get; set; }

    /// <summary>Event count: the optimistic concurrency token (SQLite has no rowversion).</summary>
    public int Version { get; set; }
}
