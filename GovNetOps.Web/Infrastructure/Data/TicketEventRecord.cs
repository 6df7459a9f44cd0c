using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One row of the append-only event log. Rows are chained: each stores the SHA-256 of
/// the one before (in Id order, across all tickets), so an edited, inserted or deleted row
/// breaks the chain (see <c>EventChain</c>).</summary>
public sealed class TicketEventRecord
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public int Sequence { get; set; }
    public TicketTrigger Trigger { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public Role ActorRole { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    public string DataJson { get; set; } = "{}";
    /// <summary>0: unkeyed SHA-256 (events written before the chain was keyed); 1: HMAC-SHA256 under the ticket chain's
    /// key. Which rule applies is fixed by the signed switch-over point (<see cref="ChainHeadRecord.KeyedFromId"/>),
    /// not by this column alone.</summary>
    public int ChainVersion { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
