using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Tests.Domain;

/// <summary>Builds fault tickets from a report and a script of moves at offsets from the report time.</summary>
internal sealed class TicketBuilder
{
    private readonly List<(TicketTrigger Trigger, TimeSpan After, string? Reason, TimeSpan? OccurredAfter)> _moves = [];
    private LocationClass _class = LocationClass.CountyDirect;
    private FaultScope _scope = FaultScope.Backbone;
    private DateTimeOffset _reportedAt = Fixtures.T0;
    private TimeSpan _loggedAfter = TimeSpan.Zero;
    private int _policyVersion = 1;
    private Guid _id = new("11111111-2222-3333-4444-555555555555");

    public static TicketBuilder Backbone(LocationClass locationClass = LocationClass.CountyDirect) =>
        new TicketBuilder().In(locationClass);

    public TicketBuilder In(LocationClass locationClass)
    {
        _class = locationClass;
        return this;
    }

    public TicketBuilder Lan()
    {
        _scope = FaultScope.Lan;
        return this;
    }

    public TicketBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public TicketBuilder Policy(int version)
    {
        _policyVersion = version;
        return this;
    }

    /// <summary>Reported at <paramref name="at"/> instead of <see cref="Fixtures.T0"/>.</summary>
    public TicketBuilder ReportedAt(DateTimeOffset at)
    {
        _reportedAt = at;
        return this;
    }

    /// <summary>Back-dated report: logged <paramref name="loggedAfter"/> after the report time.</summary>
    public TicketBuilder LoggedAfter(TimeSpan loggedAfter)
    {
        _loggedAfter = loggedAfter;
        return this;
    }

    public TicketBuilder Then(TicketTrigger trigger, TimeSpan after, string? reason = "说明")
    {
        _moves.Add((trigger, after, reason, null));
        return this;
    }

    /// <summary>Ops records, at <paramref name="loggedAfter"/>, the carrier's phone call made at <paramref name="callAfter"/> (interpretation 9).</summary>
    public TicketBuilder PhonedAcknowledgement(TimeSpan callAfter, TimeSpan loggedAfter)
    {
        _moves.Add((TicketTrigger.RecordAcknowledgement, loggedAfter, "电信李工来电确认已接单", callAfter));
        return this;
    }

    public TicketBuilder Acknowledged(TimeSpan after) => Then(TicketTrigger.Acknowledge, after, null);

    public TicketBuilder Repaired(TimeSpan after) => Then(TicketTrigger.MarkRepaired, after);

    public TicketBuilder Suspended(TimeSpan from, TimeSpan? until = null)
    {
        Then(TicketTrigger.RequestSuspend, from, "机房锁门");
        Then(TicketTrigger.ApproveSuspend, from, null);
        return until is { } u ? Then(TicketTrigger.Resume, u, null) : this;
    }

    public TicketBuilder ComplexApproved(TimeSpan requested, TimeSpan approved) =>
        Then(TicketTrigger.RequestComplex, requested, "光缆被挖断").Then(TicketTrigger.ApproveComplex, approved, null);

    public ReportFault Command() => new(
        _id, 12, Fixtures.CarrierId, _class, _scope, "网络中断", "县财政局 赵会计", "13800000000",
        _reportedAt, _loggedAfter > FaultTicket.BackdateTolerance ? "电话申告后补录" : null, _policyVersion);

    public FaultTicket Build()
    {
        var reported = FaultTicket.Report(Command(), Fixtures.Ops, _reportedAt + _loggedAfter);
        Assert.True(reported.IsSuccess, reported.Error);
        var ticket = reported.Value!;
        foreach (var (trigger, after, reason, occurredAfter) in _moves)
        {
            var command = new TicketCommand(trigger, reason, _reportedAt + occurredAfter);
            var applied = ticket.Apply(command, Fixtures.ActorFor(trigger), _reportedAt + after);
            Assert.True(applied.IsSuccess, $"{trigger} at +{after}: {applied.Error}");
        }

        return ticket;
    }
}
