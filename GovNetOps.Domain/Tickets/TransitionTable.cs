using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Tickets;

/// <summary>
/// The single lifecycle table (state × trigger × role → state) of a fault ticket, from Article 12 and
/// PRODUCT.md interpretations 2-9. Each row also carries the facts of its move: whether a reason is required
/// (and the refusal without one), whether the role acts on another party's behalf, whether the command must
/// say when the move really happened. Guards that depend on more than the state (pending complex or
/// suspension requests, carrier ownership) are checked by <see cref="FaultTicket.CanApply"/>.
/// </summary>
/// <remarks>Leader and Admin have no rows: they only read tickets.</remarks>
public static class TransitionTable
{
    private const string AnyReason = "请填写原因";
    private const string ProgressNote = "请填写进展内容";
    private const string RepairNote = "请填写修复说明";
    private const string CallBackNote = "请填写回访情况";
    private const string PhoneCallNote = "请填写电话响应情况（如：联系人、通话内容）";

    private static readonly TicketState[] Open =
        [TicketState.Reported, TicketState.Acknowledged, TicketState.Suspended, TicketState.Repaired];

    /// <summary>Every allowed move, as data (for rendering and tests).</summary>
    public static IReadOnlyList<Transition> Rows { get; } = BuildRows();

    /// <summary>The row for (state, trigger, role), or null when the move is not allowed.</summary>
    public static Transition? Find(TicketState? from, TicketTrigger trigger, Role role) =>
        Rows.FirstOrDefault(r => r.From == from && r.Trigger == trigger && r.Role == role);

    /// <summary>The roles that may fire <paramref name="trigger"/> in some state.</summary>
    public static IReadOnlyList<Role> RolesFor(TicketTrigger trigger) =>
        Rows.Where(r => r.Trigger == trigger).Select(r => r.Role).Distinct().Order().ToList();

    /// <summary>True for the states from which nothing more can happen (Closed, Cancelled).</summary>
    public static bool IsFinal(TicketState state) => state is TicketState.Closed or TicketState.Cancelled;

    /// <summary>The Chinese name of an action, as used in messages (e.g. "响应接单").</summary>
    public static string ActionName(TicketTrigger trigger) => trigger switch
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
    public static string StateName(TicketState state) => state switch
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
    public static string RoleName(Role role) => role switch
    {
        Role.Ops => "运维值班员",
        Role.Carrier => "运营商",
        Role.Leader => "局领导",
        Role.Admin => "系统管理员",
        _ => role.ToString(),
    };

    private static List<Transition> BuildRows()
    {
        var rows = new List<Transition>
        {
            new(null, TicketTrigger.Report, Role.Ops, TicketState.Reported),
            new(TicketState.Reported, TicketTrigger.Acknowledge, Role.Carrier, TicketState.Acknowledged),

            // Interpretation 9: the carrier acknowledged by phone; Ops records it at the real time of the call.
            new(TicketState.Reported, TicketTrigger.RecordAcknowledgement, Role.Ops, TicketState.Acknowledged)
            {
                MissingReasonMessage = PhoneCallNote, IsOnBehalf = true, OccurredAtRequired = true,
            },
            new(TicketState.Acknowledged, TicketTrigger.ApproveSuspend, Role.Ops, TicketState.Suspended),
            new(TicketState.Acknowledged, TicketTrigger.RejectSuspend, Role.Ops, TicketState.Acknowledged) { MissingReasonMessage = AnyReason },
            new(TicketState.Acknowledged, TicketTrigger.RequestSuspend, Role.Carrier, TicketState.Acknowledged) { MissingReasonMessage = AnyReason },
            new(TicketState.Suspended, TicketTrigger.Resume, Role.Ops, TicketState.Acknowledged),
            new(TicketState.Acknowledged, TicketTrigger.MarkRepaired, Role.Carrier, TicketState.Repaired) { MissingReasonMessage = RepairNote },
            new(TicketState.Repaired, TicketTrigger.ConfirmClosed, Role.Ops, TicketState.Closed) { MissingReasonMessage = CallBackNote },
            new(TicketState.Repaired, TicketTrigger.Reopen, Role.Ops, TicketState.Acknowledged) { MissingReasonMessage = AnyReason },
        };

        foreach (var state in Open)
        {
            rows.Add(new(state, TicketTrigger.PostProgress, Role.Ops, state) { MissingReasonMessage = ProgressNote });
            rows.Add(new(state, TicketTrigger.Cancel, Role.Ops, TicketState.Cancelled) { MissingReasonMessage = AnyReason });
            if (state != TicketState.Reported)
            {
                rows.Add(new(state, TicketTrigger.PostProgress, Role.Carrier, state) { MissingReasonMessage = ProgressNote });
                rows.Add(new(state, TicketTrigger.ApproveComplex, Role.Ops, state));
                rows.Add(new(state, TicketTrigger.RejectComplex, Role.Ops, state) { MissingReasonMessage = AnyReason });
            }

            if (state is TicketState.Acknowledged or TicketState.Suspended)
            {
                rows.Add(new(state, TicketTrigger.RequestComplex, Role.Carrier, state) { MissingReasonMessage = AnyReason });
            }
        }

        return rows;
    }
}
