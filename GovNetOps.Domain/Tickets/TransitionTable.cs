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
