using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Where a carrier's dispute of one breach stands.</summary>
public enum BreachDisputeState
{
    /// <summary>Raised by the carrier, waiting for Ops.</summary>
    Pending = 0,

    /// <summary>Ops upheld the breach: it stands, in both figures of the report.</summary>
    Upheld = 1,

    /// <summary>Ops waived the breach: shown struck through and left out of the "after waivers" rates.</summary>
    Waived = 2,
}

/// <summary>
/// A carrier's dispute of one line of the breach ledger: one breached clock (response or repair) of one ticket.
/// A clock breaches at most once (the breach is permanent), so the line is (ticket, clock) and the unique index on
/// it makes "disputed once" hold even when two people press at once. One cycle: raised (Pending), then decided once
/// (Upheld or Waived, guarded by <see cref="State"/> as concurrency token). Both steps also write a ChangeRecord.
/// </summary>
public sealed class BreachDisputeRecord
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public FaultTicketRecord? Ticket { get; set; }
    public ClockKind Clock { get; set; }

    /// <summary>The ticket's carrier when raised (the ticket's carrier never changes): who may see the dispute.</summary>
    public int CarrierId { get; set; }

    /// <summary>The deadline the clock passed, as the ledger showed it when the dispute was raised.</summary>
    public DateTimeOffset Deadline { get; set; }

    public BreachDisputeState State { get; set; }
    public string Reason { get; set; } = "";
    public string RaisedById { get; set; } = "";
    public string RaisedByName { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }

    public string DecisionReason { get; set; } = "";
    public string DecidedById { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }

    public List<BreachDisputeAttachmentRecord> Attachments { get; set; } = [];
}

/// <summary>
/// One file attached to a dispute (photo, PDF, office document). Kept IN the database, in its own table: it is saved
/// in the same transaction as the dispute and its audit record (nothing half-saved, no orphan files), it is in the
/// database's backups, and both engines store <c>byte[]</c> natively (SQLite BLOB, PostgreSQL bytea) with no folder to
/// configure, share between instances or protect. The volume is small: at most 5 files of 5 MB per dispute, and a
/// handful of disputes a month. Listings never select <see cref="Content"/>.
/// </summary>
public sealed class BreachDisputeAttachmentRecord
{
    public long Id { get; set; }
    public long DisputeId { get; set; }
    public BreachDisputeRecord? Dispute { get; set; }

    /// <summary>The name the uploader's file had (shown, and offered when downloading).</summary>
    public string FileName { get; set; } = "";

    /// <summary>From the allow-list by extension, never the browser's claim.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex; also in the audit record.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}
