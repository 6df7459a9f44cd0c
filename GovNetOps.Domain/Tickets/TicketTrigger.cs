namespace GovNetOps.Domain.Tickets;

/// <summary>Everything that can happen to a fault ticket; rows of <see cref="TransitionTable"/>.</summary>
public enum TicketTrigger
{
    /// <summary>申告故障: ops logs the fault; both clocks start at the report time (interpretation 1).</summary>
    Report = 1,

    /// <summary>响应接单: the carrier's first acknowledgement stops the response clock (interpretation 2).</summary>
    Acknowledge = 2,

    /// <summary>填写进展: a progress note; changes no state.</summary>
    PostProgress = 3,

    /// <summary>申请复杂故障: the carrier asks, with a reason; the clock keeps running (interpretation 4).</summary>
    RequestComplex = 4,

    /// <summary>批准复杂故障: repair deadline becomes report + 48 h (Article 12, interpretation 4).</summary>
    ApproveComplex = 5,

    /// <summary>驳回复杂故障: the general limit stands (interpretation 4).</summary>
    RejectComplex = 6,

    /// <summary>申请挂起: the carrier asks, with a reason (interpretation 5).</summary>
    RequestSuspend = 7,

    /// <summary>批准挂起: ops approves; the repair clock pauses (interpretation 5).</summary>
    ApproveSuspend = 8,

    /// <summary>恢复处理: ends the suspension; the repair clock runs again.</summary>
    Resume = 9,

    /// <summary>修复完成: stops the repair clock (Article 12, interpretation 7).</summary>
    MarkRepaired = 10,

    /// <summary>确认关闭: ops confirmed with the unit (回访) (interpretation 7).</summary>
    ConfirmClosed = 11,

    /// <summary>重新打开: not really fixed; the repair stamp is cleared, the original deadline stands (interpretation 7).</summary>
    Reopen = 12,

    /// <summary>撤销工单: ops only, with a reason (e.g. a duplicate report).</summary>
    Cancel = 13,

    /// <summary>驳回挂起: ops refuses a pending suspension request (interpretation 5); the clock never paused.</summary>
    RejectSuspend = 14,

    /// <summary>
    /// 代记电话响应: the carrier acknowledged by phone and ops records it on the carrier's behalf, with the real time of
    /// the call and a reason; the response clock stops at the call time (interpretations 2 and 9).
    /// </summary>
    RecordAcknowledgement = 15,
}
