using System.Linq.Expressions;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>
/// The one set of query filters over the ticket projection that every list, queue, board aggregate, escalation
/// query and report uses. Each mirrors one Domain rule, written here once: open (<see cref="FaultTicket.IsOpen"/>),
/// carrier clocks (<see cref="FaultTicket.HasCarrierClocks"/>, Article 11), visible to an actor (a carrier sees only
/// its own tickets), and breached / met / decided at an instant (<see cref="ClockSignal"/>, interpretation 6).
/// </summary>
public static class TicketFilters
{
    /// <summary>Not closed or cancelled.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> Open { get; } = t => t.IsOpen;

    /// <summary>Backbone scope: the carrier's Article 12 clocks apply. LAN faults are the unit's own (Article 11).</summary>
    public static Expression<Func<FaultTicketRecord, bool>> HasCarrierClocks { get; } = t => t.Scope == FaultScope.Backbone;

    /// <summary>Open faults with carrier clocks: what the board shows and the escalation engine watches.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> OpenWithClocks { get; } = Open.And(HasCarrierClocks);

    /// <summary>Open and waiting for Ops to decide a complex-fault or suspension request.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> AwaitingOpsDecision { get; } =
        t => t.IsOpen && (t.Complex == ComplexStatus.Requested || t.SuspendRequested);

    /// <summary>The governing deadline (<see cref="ClockSignal.Governing"/>): the deadline of the running clock that runs out
    /// first; null when no clock runs (stopped, suspended, LAN). The list sorts "least time left" by it.</summary>
    public static Expression<Func<FaultTicketRecord, DateTimeOffset?>> GoverningDeadline { get; } =
        t => t.ResponseRunning && (!t.RepairRunning || t.ResponseDeadline <= t.RepairDeadline) ? t.ResponseDeadline
            : t.RepairRunning ? t.RepairDeadline
            : null;

    /// <summary>What <paramref name="actor"/> may see: Ops and leadership everything, a carrier its own tickets, anyone else nothing.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> VisibleTo(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var carrierId = actor.CarrierId;
        return actor.Role switch
        {
            Role.Ops or Role.Leader => t => true,
            Role.Carrier when carrierId is not null => t => t.CarrierId == carrierId,
            _ => t => false,
        };
    }

    /// <summary>The in-memory twin of <see cref="VisibleTo"/>, for a single loaded ticket.</summary>
    public static bool CanSee(Actor actor, int ticketCarrierId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Role.Ops or Role.Leader => true,
            Role.Carrier => actor.CarrierId == ticketCarrierId,
            _ => false,
        };
    }

    /// <summary>A carrier's queue: its own open faults that carry its clocks (a LAN fault is no carrier's work).</summary>
    public static Expression<Func<FaultTicketRecord, bool>> InCarrierQueue(int carrierId) =>
        OpenWithClocks.And(t => t.CarrierId == carrierId);

    /// <summary>Either clock breached at <paramref name="at"/> (<see cref="ClockSignal.IsBreachedAt"/>).</summary>
    public static Expression<Func<FaultTicketRecord, bool>> BreachedAt(DateTimeOffset at) =>
        BreachedAt(ClockKind.Response, at).Or(BreachedAt(ClockKind.Repair, at));

    /// <summary>Neither clock breached at <paramref name="at"/>.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> NotBreachedAt(DateTimeOffset at) => BreachedAt(at).Not();

    /// <summary>One clock breached at <paramref name="at"/>: a known breach before it, or still running past the deadline.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> BreachedAt(ClockKind clock, DateTimeOffset at) => clock == ClockKind.Response
        ? t => t.ResponseBreachedDeadline < at || (t.ResponseRunning && t.ResponseDeadline < at)
        : t => t.RepairBreachedDeadline < at || (t.RepairRunning && t.RepairDeadline < at);

    /// <summary>One clock whose breach (the deadline it passed) falls in [<paramref name="from"/>, <paramref name="to"/>)
    /// and is a breach at <paramref name="to"/>: "breached today" is <c>BreachedBetween(clock, midnight, now)</c>.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> BreachedBetween(ClockKind clock, DateTimeOffset from, DateTimeOffset to) =>
        clock == ClockKind.Response
            ? t => (t.ResponseBreachedDeadline >= from && t.ResponseBreachedDeadline < to)
                   || (t.ResponseBreachedDeadline == null && t.ResponseRunning && t.ResponseDeadline >= from && t.ResponseDeadline < to)
            : t => (t.RepairBreachedDeadline >= from && t.RepairBreachedDeadline < to)
                   || (t.RepairBreachedDeadline == null && t.RepairRunning && t.RepairDeadline >= from && t.RepairDeadline < to);

    /// <summary>One clock met by <paramref name="at"/>: stopped in time by its own stop event (<see cref="ClockSignal.IsMetBy"/>).</summary>
    public static Expression<Func<FaultTicketRecord, bool>> MetBy(ClockKind clock, DateTimeOffset at) => clock == ClockKind.Response
        ? t => t.ResponseMetAt <= at
        : t => t.RepairMetAt <= at;

    /// <summary>One clock with its compliance verdict at <paramref name="at"/>: met or breached (<see cref="ClockSignal.IsDecidedBy"/>).
    /// A clock still running in time, suspended, or cancelled in time has no verdict and is not counted.</summary>
    public static Expression<Func<FaultTicketRecord, bool>> DecidedBy(ClockKind clock, DateTimeOffset at) =>
        MetBy(clock, at).Or(BreachedAt(clock, at));

    /// <summary>Per ticket, its compliance verdicts at <paramref name="at"/> as one SQL projection (for GROUP BY tallies).</summary>
    public static Expression<Func<FaultTicketRecord, TicketVerdicts>> Verdicts(DateTimeOffset at)
    {
        var t = Expression.Parameter(typeof(FaultTicketRecord), "t");
        Expression Inline(Expression<Func<FaultTicketRecord, bool>> filter) => new Rebind(filter.Parameters[0], t).Visit(filter.Body);
        var body = Expression.MemberInit(
            Expression.New(typeof(TicketVerdicts)),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.CarrierId))!, Expression.Property(t, nameof(FaultTicketRecord.CarrierId))),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.LocationClass))!, Expression.Property(t, nameof(FaultTicketRecord.LocationClass))),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.ResponseMet))!, Inline(MetBy(ClockKind.Response, at))),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.ResponseBreached))!, Inline(BreachedAt(ClockKind.Response, at))),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.RepairMet))!, Inline(MetBy(ClockKind.Repair, at))),
            Expression.Bind(typeof(TicketVerdicts).GetProperty(nameof(TicketVerdicts.RepairBreached))!, Inline(BreachedAt(ClockKind.Repair, at))));
        return Expression.Lambda<Func<FaultTicketRecord, TicketVerdicts>>(body, t);
    }

    /// <summary><c>a AND b</c> over one parameter, for EF to translate.</summary>
    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Combine(a, b, Expression.AndAlso);

    /// <summary><c>a OR b</c> over one parameter, for EF to translate.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) =>
        Combine(a, b, Expression.OrElse);

    /// <summary><c>value IS NULL</c>, e.g. to sort nulls last.</summary>
    public static Expression<Func<T, bool>> IsNull<T, TValue>(this Expression<Func<T, TValue?>> value) where TValue : struct =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(value.Body, Expression.Constant(null, typeof(TValue?))), value.Parameters);

    /// <summary><c>NOT a</c>.</summary>
    public static Expression<Func<T, bool>> Not<T>(this Expression<Func<T, bool>> a) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(a.Body), a.Parameters);

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> a, Expression<Func<T, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var right = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(join(a.Body, right), a.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>One ticket's compliance verdicts at an instant (see <see cref="TicketFilters.Verdicts"/>).</summary>
public sealed class TicketVerdicts
{
    public int CarrierId { get; init; }
    public LocationClass LocationClass { get; init; }
    public bool ResponseMet { get; init; }
    public bool ResponseBreached { get; init; }
    public bool RepairMet { get; init; }
    public bool RepairBreached { get; init; }
}
