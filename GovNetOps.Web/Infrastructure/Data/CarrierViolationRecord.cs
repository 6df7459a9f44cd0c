using GovNetOps.Domain.Maintenance;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>
/// One violation on a carrier's record (Article 12): permanent, never edited or deleted. Written by the
/// maintenance workflow; read by the monthly report, which counts them per carrier, kind and month.
/// </summary>
public sealed class CarrierViolationRecord
{
    public long Id { get; set; }
    public int CarrierId { get; set; }
    public CarrierViolationKind Kind { get; set; }

    /// <summary>When the violation happened (UTC), e.g. the filing instant of a late notice.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The sites affected, comma-separated ids.</summary>
    public string SiteIds { get; set; } = "";

    /// <summary>The maintenance notice involved, if any.</summary>
    public long? NoticeId { get; set; }

    /// <summary>The fault ticket involved (unannounced interruption), if any.</summary>
    public Guid? TicketId { get; set; }

    /// <summary>What happened, in Chinese, as shown on the record.</summary>
    public string Detail { get; set; } = "";

    /// <summary>The user name of whoever recorded it (or "system" for a job).</summary>
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    public Carrier? Carrier { get; set; }
}
