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

    // What the monthly report reads (Features/Reports), maintained here so no reader goes back to the events.

    /// <summary>Seconds from the report to the first acknowledgement (interpretations 1, 2, 9); null until acknowledged or for LAN.</summary>
    public long? ResponseSeconds { get; set; }

    /// <summary>Repair clock time counted up to the repair stamp, approved suspensions excluded (interpretation 5); null until
    /// repaired (or after a reopen) and for LAN.</summary>
    public long? RepairSeconds { get; set; }

    /// <summary>Approved suspensions (interpretation 5).</summary>
    public int SuspensionCount { get; set; }

    /// <summary>Seconds of the ended suspensions; an ongoing one counts from <see cref="SuspendedSince"/>.</summary>
    public long SuspendedSeconds { get; set; }

    /// <summary>Start of the suspension still in force, if any.</summary>
    public DateTimeOffset? SuspendedSince { get; set; }

    /// <summary>When Ops approved the ticket as a complex fault (interpretation 4).</summary>
    public DateTimeOffset? ComplexApprovedAt { get; set; }

    /// <summary>How often Ops reopened the ticket after the unit refused the repair (interpretation 7).</summary>
    public int ReopenCount { get; set; }

    public DateTimeOffset LastEventAt { get; set; }

    /// <summary>Event count: the optimistic concurrency token (SQLite has no rowversion).</summary>
    public int Version { get; set; }

    /// <summary>The projection's layout version (<c>TicketProjection.CurrentVersion</c>): rows written by an older
    /// one are rebuilt from their events at start-up.</summary>
    public int ProjectionVersion { get; set; }
}
