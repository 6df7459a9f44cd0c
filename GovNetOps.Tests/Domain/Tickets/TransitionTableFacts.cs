using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Tickets;

public class TransitionTableFacts
{
    [Theory]
    [InlineData(null, TicketTrigger.Report, Role.Ops, TicketState.Reported)]                                   // interpretation 1
    [InlineData(TicketState.Reported, TicketTrigger.Acknowledge, Role.Carrier, TicketState.Acknowledged)]      // interpretation 2
    [InlineData(TicketState.Acknowledged, TicketTrigger.MarkRepaired, Role.Carrier, TicketState.Repaired)]     // Article 12 repair
    [InlineData(TicketState.Acknowledged, TicketTrigger.ApproveSuspend, Role.Ops, TicketState.Suspended)]     // interpretation 5
    [InlineData(TicketState.Suspended, TicketTrigger.Resume, Role.Ops, TicketState.Acknowledged)]              // interpretation 5
    [InlineData(TicketState.Repaired, TicketTrigger.ConfirmClosed, Role.Ops, TicketState.Closed)]              // interpretation 7
    [InlineData(TicketState.Repaired, TicketTrigger.Reopen, Role.Ops, TicketState.Acknowledged)]               // interpretation 7
    [InlineData(TicketState.Suspended, TicketTrigger.Cancel, Role.Ops, TicketState.Cancelled)]
    [InlineData(TicketState.Suspended, TicketTrigger.RequestComplex, Role.Carrier, TicketState.Suspended)]     // interpretation 4
    [InlineData(TicketState.Reported, TicketTrigger.RecordAcknowledgement, Role.Ops, TicketState.Acknowledged)] // interpretation 9
    public void Find_ReturnsRow_ForAllowedMove(TicketState? from, TicketTrigger trigger, Role role, TicketState to) =>
        Assert.Equal(to, TransitionTable.Find(from, trigger, role)!.To);

    [Theory]
    [InlineData(TicketState.Reported, TicketTrigger.MarkRepaired, Role.Carrier)] // acknowledge first
    [InlineData(TicketState.Repaired, TicketTrigger.Cancel, Role.Carrier)]       // cancel is ops only
    [InlineData(TicketState.Closed, TicketTrigger.Reopen, Role.Ops)]             // only Repaired reopens
    [InlineData(TicketState.Acknowledged, TicketTrigger.RequestSuspend, Role.Ops)] // carrier requests, ops approves
    [InlineData(TicketState.Reported, TicketTrigger.RecordAcknowledgement, Role.Carrier)] // a carrier acknowledges itself
    [InlineData(TicketState.Acknowledged, TicketTrigger.RecordAcknowledgement, Role.Ops)] // only the first acknowledgement
    public void Find_ReturnsNull_ForForbiddenMove(TicketState from, TicketTrigger trigger, Role role) =>
        Assert.Null(TransitionTable.Find(from, trigger, role));

    [Fact]
    public void Rows_GiveLeaderAndAdminNothing_AndFinalStatesNoExit()
    {
        Assert.DoesNotContain(TransitionTable.Rows, r => r.Role is Role.Leader or Role.SystemAdmin or Role.SecurityAdmin or Role.AuditAdmin);
        Assert.DoesNotContain(TransitionTable.Rows, r => r.From is TicketState.Closed or TicketState.Cancelled);
        Assert.Equal(TransitionTable.Rows.Count, TransitionTable.Rows.Distinct().Count());
        Assert.All(Enum.GetValues<TicketTrigger>(), t => Assert.Contains(TransitionTable.Rows, r => r.Trigger == t));
    }

    public static TheoryData<TicketState, TicketTrigger, Role> RowsNeedingReason() => RowsWhere(r => r.ReasonRequired);

    public static TheoryData<TicketState, TicketTrigger, Role> RowsWithoutReason() => RowsWhere(r => !r.ReasonRequired);

    [Theory]
    [MemberData(nameof(RowsNeedingReason))]
    public void Apply_RefusesWithTheRowsMessage_WhenTheRowNeedsAReasonAndNoneIsGiven(TicketState from, TicketTrigger trigger, Role role)
    {
        var row = TransitionTable.Find(from, trigger, role)!;
        var ticket = TicketFor(from, trigger);
        var version = ticket.Version;

        var result = ticket.Apply(new TicketCommand(trigger, "  ", T0 + M(10)), ActorOf(role), T0 + M(10));

        Assert.False(result.IsSuccess);
        Assert.Equal(row.MissingReasonMessage, result.Error);
        Assert.Equal(version, ticket.Version); // nothing recorded
    }

    [Theory]
    [MemberData(nameof(RowsWithoutReason))]
    public void Apply_Succeeds_WhenTheRowNeedsNoReasonAndNoneIsGiven(TicketState from, TicketTrigger trigger, Role role)
    {
        var row = TransitionTable.Find(from, trigger, role)!;

        var result = TicketFor(from, trigger).Apply(new TicketCommand(trigger, null, T0 + M(10)), ActorOf(role), T0 + M(10));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(row.To.ToString(), result.Value!.Data["state"]);
    }

    // The refusal texts are part of the UI (and asserted by the integration tests): they must not drift.
    [Theory]
    [InlineData(TicketTrigger.PostProgress, "请填写进展内容")]
    [InlineData(TicketTrigger.MarkRepaired, "请填写修复说明")]
    [InlineData(TicketTrigger.ConfirmClosed, "请填写回访情况")]                         // interpretation 7: 回访
    [InlineData(TicketTrigger.RequestComplex, "请填写原因")]                            // interpretation 4
    [InlineData(TicketTrigger.RejectComplex, "请填写原因")]
    [InlineData(TicketTrigger.RequestSuspend, "请填写原因")]                            // interpretation 5
    [InlineData(TicketTrigger.RejectSuspend, "请填写原因")]
    [InlineData(TicketTrigger.Reopen, "请填写原因")]
    [InlineData(TicketTrigger.Cancel, "请填写原因")]
    [InlineData(TicketTrigger.RecordAcknowledgement, "请填写电话响应情况（如：联系人、通话内容）")] // interpretation 9
    public void Rows_CarryTheMissingReasonMessage_ForEveryRowOfTheTrigger(TicketTrigger trigger, string message) =>
        Assert.All(TransitionTable.Rows.Where(r => r.Trigger == trigger), r => Assert.Equal(message, r.MissingReasonMessage));

    [Fact]
    public void Rows_MarkOnlyOpsRecordingThePhonedAcknowledgement_AsOnBehalf()
    {
        // Interpretation 9: the carrier's own acknowledgement is its own; ops recording one acts for the carrier.
        var onBehalf = Assert.Single(TransitionTable.Rows, r => r.IsOnBehalf);
        var own = TransitionTable.Find(TicketState.Reported, TicketTrigger.Acknowledge, Role.Carrier)!;

        Assert.Equal((TicketState.Reported, TicketTrigger.RecordAcknowledgement, Role.Ops), (onBehalf.From, onBehalf.Trigger, onBehalf.Role));
        Assert.Equal(own.To, onBehalf.To);
        Assert.True(onBehalf.OccurredAtRequired && onBehalf.ReasonRequired);
        Assert.False(own.IsOnBehalf || own.OccurredAtRequired || own.ReasonRequired);
        Assert.Equal([onBehalf], TransitionTable.Rows.Where(r => r.OccurredAtRequired));
    }

    private static TheoryData<TicketState, TicketTrigger, Role> RowsWhere(Func<Transition, bool> predicate)
    {
        var data = new TheoryData<TicketState, TicketTrigger, Role>();
        foreach (var row in TransitionTable.Rows.Where(r => r.From is not null && predicate(r)))
        {
            data.Add(row.From!.Value, row.Trigger, row.Role);
        }

        return data;
    }

    private static Actor ActorOf(Role role) => role == Role.Carrier ? Carrier : Ops;

    /// <summary>A ticket in <paramref name="state"/> with the pending request <paramref name="next"/> needs.</summary>
    private static FaultTicket TicketFor(TicketState state, TicketTrigger next)
    {
        var builder = TicketBuilder.Backbone();
        if (state == TicketState.Reported)
        {
            return builder.Build();
        }

        builder.Acknowledged(M(1));
        if (next is TicketTrigger.ApproveComplex or TicketTrigger.RejectComplex)
        {
            builder.Then(TicketTrigger.RequestComplex, M(2), "光缆被挖断");
        }

        if (next is TicketTrigger.ApproveSuspend or TicketTrigger.RejectSuspend)
        {
            builder.Then(TicketTrigger.RequestSuspend, M(3), "机房锁门");
        }

        if (state == TicketState.Suspended)
        {
            builder.Suspended(M(4));
        }

        if (state == TicketState.Repaired)
        {
            builder.Repaired(M(5));
        }

        return builder.Build();
    }
}
