using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Tests.Domain;

/// <summary>Fixed instants and actors for the domain tests; nothing here reads the real clock.</summary>
internal static class Fixtures
{
    /// <summary>Monday 2026-03-02 09:00 CST.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public const int CarrierId = 7;

    public static readonly Actor Ops = new("ops-1", "张值班", Role.Ops);
    public static readonly Actor Carrier = new("tel-1", "电信李工", Role.Carrier, CarrierId);
    public static readonly Actor OtherCarrier = new("uni-1", "联通王工", Role.Carrier, 8);
    public static readonly Actor Leader = new("lead-1", "刘局长", Role.Leader);
    public static readonly Actor Admin = new("adm-1", "管理员", Role.Admin);

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>The actor who normally fires a trigger (carrier for carrier moves, ops otherwise).</summary>
    public static Actor ActorFor(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.Acknowledge or TicketTrigger.RequestComplex or TicketTrigger.RequestSuspend
            or TicketTrigger.MarkRepaired or TicketTrigger.PostProgress => Carrier,
        _ => Ops,
    };
}

/// <summary>Builds fault tickets from a report and a script of moves at offsets from the report time.</summary>
internal sealed class TicketBuilder
{
    private readonly List<(TicketTrigger Trigger, TimeSpan After, string? Reason)> _moves = [];
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

    /// <summary>Back-dated report: logged <paramref name="loggedAfter"/> after the report time.</summary>
    public TicketBuilder LoggedAfter(TimeSpan loggedAfter)
    {
        _loggedAfter = loggedAfter;
        return this;
    }

    public TicketBuilder Then(TicketTrigger trigger, TimeSpan after, string? reason = "说明")
    {
        _moves.Add((trigger, after, reason));
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
        foreach (var (trigger, after, reason) in _moves)
        {
            var applied = ticket.Apply(new TicketCommand(trigger, reason), Fixtures.ActorFor(trigger), _reportedAt + after);
            Assert.True(applied.IsSuccess, $"{trigger} at +{after}: {applied.Error}");
        }

        return ticket;
    }
}
