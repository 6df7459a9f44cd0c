using GovNetOps.Domain.Maintenance;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>割接（维护）报备 as stored: one carrier's work at one or more of its sites (Article 12). Every change is
/// audited in <see cref="ChangeRecord"/>; violations go to <see cref="CarrierViolationRecord"/>.</summary>
public sealed class MaintenanceNoticeRecord
{
    public long Id { get; set; }

    /// <summary>WH-yyyyMMdd-nn, counted per China-time day of filing.</summary>
    public string Number { get; set; } = "";
    public int CarrierId { get; set; }
    public Carrier? Carrier { get; set; }
    public List<MaintenanceNoticeSite> Sites { get; set; } = [];

    /// <summary>True when filed for all of the carrier's sites at filing time.</summary>
    public bool AllSites { get; set; }
    public string Work { get; set; } = "";
    public string Impact { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactMobile { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public string FiledBy { get; set; } = "";

    /// <summary>Set when Ops filed on the carrier's behalf.</summary>
    public bool FiledByOps { get; set; }
    public bool IsLate { get; set; }
    public string? LateReason { get; set; }
    public string? LongWindowReason { get; set; }
    public MaintenanceStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two decisions on one notice cannot both win.</summary>
    public int Version { get; set; }

    public MaintenanceNotice ToDomain() =>
        new(Id, CarrierId, Sites.Select(s => s.SiteId).ToList(), StartsAt, EndsAt, Status, StartedAt, FinishedAt);
}

/// <summary>One site affected by a notice.</summary>
public sealed class MaintenanceNoticeSite
{
    public long NoticeId { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
}

/// <summary>What a maintenance alert was about.</summary>
public enum MaintenanceAlertKind
{
    /// <summary>Still undecided 30 min before the planned start: the Ops duty officer is reminded.</summary>
    ApprovalReminder = 1,

    /// <summary>Work running past its planned end: Ops and the carrier's manager are told.</summary>
    Overrun = 2,
}

/// <summary>One maintenance alert sent: stored once per (notice, kind, instant) — the unique key makes a retry,
/// the sweep or the start-up re-plan a no-op.</summary>
public sealed class MaintenanceAlertRecord
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public MaintenanceAlertKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public EscalationSource Source { get; set; }
    public int NotifiedUsers { get; set; }
}

/// <summary>Ops's reading of a fault that may be carrier work.</summary>
public enum InterruptionVerdict
{
    /// <summary>Not decided yet.</summary>
    Undecided = 0,

    /// <summary>计划内中断: the approved work caused it; the ticket is cancelled, no carrier breach.</summary>
    PlannedInterruption = 1,

    /// <summary>真实故障: a fault of its own; the clocks run as normal.</summary>
    RealFault = 2,

    /// <summary>未报备中断: carrier work with no approved notice; a violation on the carrier's record.</summary>
    UnannouncedInterruption = 3,
}

/// <summary>A fault ticket linked to a maintenance notice (reported at an affected site inside an approved window), or
/// marked by Ops as an unannounced interruption; one per ticket.</summary>
public sealed class MaintenanceTicketLink
{
    public Guid TicketId { get; set; }
    public long? NoticeId { get; set; }
    public MaintenanceNoticeRecord? Notice { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public InterruptionVerdict Verdict { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
