using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;

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
    public void Find_ReturnsRow_ForAllowedMove(TicketState? from, TicketTrigger trigger, Role role, TicketState to) =>
        Assert.Equal(to, TransitionTable.Find(from, trigger, role)!.To);

    [Theory]
    [InlineData(TicketState.Reported, TicketTrigger.MarkRepaired, Role.Carrier)] // acknowledge first
    [InlineData(TicketState.Repaired, TicketTrigger.Cancel, Role.Carrier)]       // cancel is ops only
    [InlineData(TicketState.Closed, TicketTrigger.Reopen, Role.Ops)]             // only Repaired reopens
    [InlineData(TicketState.Acknowledged, TicketTrigger.RequestSuspend, Role.Ops)] // carrier requests, ops approves
    public void Find_ReturnsNull_ForForbiddenMove(TicketState from, TicketTrigger trigger, Role role) =>
        Assert.Null(TransitionTable.Find(from, trigger, role));

    [Fact]
    public void Rows_GiveLeaderAndAdminNothing_AndFinalStatesNoExit()
    {
        Assert.DoesNotContain(TransitionTable.Rows, r => r.Role is Role.Leader or Role.Admin);
        Assert.DoesNotContain(TransitionTable.Rows, r => r.From is TicketState.Closed or TicketState.Cancelled);
        Assert.Equal(TransitionTable.Rows.Count, TransitionTable.Rows.Distinct().Count());
        Assert.All(Enum.GetValues<TicketTrigger>(), t => Assert.Contains(TransitionTable.Rows, r => r.Trigger == t));
    }
}
