namespace GovNetOps.Domain.Tickets;

/// <summary>Lifecycle state of a fault ticket (Article 12; PRODUCT.md interpretations 2-7).</summary>
public enum TicketState
{
    /// <summary>待响应: reported, waiting for the carrier's acknowledgement.</summary>
    Reported = 1,

    /// <summary>处理中: acknowledged by the carrier, repair under way.</summary>
    Acknowledged = 2,

    /// <summary>挂起: approved suspension; the repair clock is paused (interpretation 5).</summary>
    Suspended = 3,

    /// <summary>已修复待回访: the carrier marked it repaired; ops confirms with the unit (interpretation 7).</summary>
    Repaired = 4,

    /// <summary>已关闭: ops confirmed the repair with the unit. Final.</summary>
    Closed = 5,

    /// <summary>已撤销: cancelled by ops with a reason (e.g. duplicate report). Final.</summary>
    Cancelled = 6,
}
