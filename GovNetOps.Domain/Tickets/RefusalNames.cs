using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Tickets;

/// <summary>
/// The Chinese names that <see cref="FaultTicket"/>'s refusal messages use. Display names for the UI live
/// in the Web's resource files (Labels); this table serves the refusal messages only, so it is not public.
/// </summary>
internal static class RefusalNames
{
    /// <summary>The Chinese name of an action inside a refusal message (e.g. "响应接单").</summary>
    internal static string ActionName(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.Report => "申告故障",
        TicketTrigger.Acknowledge => "响应接单",
        TicketTrigger.PostProgress => "填写进展",
        TicketTrigger.RequestComplex => "申请复杂故障",
        TicketTrigger.ApproveComplex => "批准复杂故障",
        TicketTrigger.RejectComplex => "驳回复杂故障",
        TicketTrigger.RequestSuspend => "申请挂起",
        TicketTrigger.ApproveSuspend => "批准挂起",
        TicketTrigger.Resume => "恢复处理",
        TicketTrigger.MarkRepaired => "标记修复完成",
        TicketTrigger.ConfirmClosed => "确认关闭",
        TicketTrigger.Reopen => "重新打开",
        TicketTrigger.Cancel => "撤销工单",
        TicketTrigger.RejectSuspend => "驳回挂起",
        TicketTrigger.RecordAcknowledgement => "代记电话响应",
        _ => trigger.ToString(),
    };

    /// <summary>The Chinese name of a state (e.g. "待响应").</summary>
    internal static string StateName(TicketState state) => state switch
    {
        TicketState.Reported => "待响应",
        TicketState.Acknowledged => "处理中",
        TicketState.Suspended => "挂起",
        TicketState.Repaired => "已修复待回访",
        TicketState.Closed => "已关闭",
        TicketState.Cancelled => "已撤销",
        _ => state.ToString(),
    };

    /// <summary>The Chinese name of a role (e.g. "运营商").</summary>
    internal static string RoleName(Role role) => role switch
    {
        Role.Ops => "运维值班员",
        Role.Carrier => "运营商",
        Role.Leader => "局领导",
        Role.SystemAdmin => "系统管理员",
        Role.SecurityAdmin => "安全管理员",
        Role.AuditAdmin => "审计管理员",
        Role.Display => "大屏显示",
        _ => role.ToString(),
    };
}
