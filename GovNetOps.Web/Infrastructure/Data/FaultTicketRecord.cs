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

    /// <summary>The incident (one outage, many sites) the ticket was reported with; null for a single report.</summary>
    public Guid? IncidentId { get; set; }

    /// <summary>SJ-yyyyMMdd-nn, counted per China-time day of logging; the same on every ticket of the incident.</summary>
    public string? IncidentNumber { get; set; }
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

    /// <summary>Not closed or cancelled (the Domain's <see cref="FaultTicket.IsOpen"/>).</summary>
    public bool IsOpen { get; set; }

    // Each clock as a ClockSignal needs it (Infrastructure/Tickets/TicketProjection); all null/false for LAN
    // faults, which have no carrier clocks (Article 11).

    /// <summary>Response deadline (report + 1 h).</summary>
    public DateTimeOffset? ResponseDeadline { get; set; }
    public TimeSpan? ResponseAllowance { get; set; }
    public bool ResponseRunning { get; set; }

    /// <summary>The deadline whose passing breached the response clock, once known (permanent).</summary>
    public DateTimeOffset? ResponseBreachedDeadline { get; set; }

    /// <summary>The acknowledgement, when it came in time.</summary>
    public DateTimeOffset? ResponseMetAt { get; set; }

    /// <summary>Effective repair deadline (complex fault and past suspensions applied; provisional while suspended).</summary>
    public DateTimeOffset? RepairDeadline { get; set; }
    public TimeSpan? RepairAllowance { get; set; }
    public bool RepairRunning { get; set; }
    public bool RepairSuspended { get; set; }

    /// <summary>The deadline whose passing breached the repair clock, once known (permanent).</summary>
    public DateTimeOffset? RepairBreachedDeadline { get; set; }

    /// <summary>The repair stamp, when it came in time (cleared by reopening).</summary>
    public DateTimeOffset? RepairMetAt { get; set; }

    public DateTimeOffset LastEventAt { get; set; }

    /// <summary>Event count: the optimistic concurrency token (SQLite has no rowversion).</summary>
    public int Version { get; set; }

    /// <summary>The projection's layout version (<c>TicketProjection.CurrentVersion</c>): rows written by an older
    /// one are rebuilt from their events at start-up.</summary>
    public int ProjectionVersion { get; set; }
}
