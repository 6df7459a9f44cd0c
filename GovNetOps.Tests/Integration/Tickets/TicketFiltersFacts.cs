using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Each read-model filter (<see cref="TicketFilters"/>), run as SQL against the real SQLite file, gives the
/// same answer as the Domain's <see cref="SlaClocks"/> for a table of tickets in every state, at one tick before,
/// at, and one tick after each deadline still ahead.</summary>
public sealed class TicketFiltersFacts : IAsyncLifetime
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private readonly TicketApp _app = new();
    private readonly List<(string Name, Guid Id)> _tickets = [];
    private DateTimeOffset _settled;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var start = TicketApp.Start;
        await Add("untouched", LocationClass.CountyDirect);
        await Add("acknowledged in time", LocationClass.CountyDirect, (TicketTrigger.Acknowledge, _app.Telecom));
        await Add("acknowledged late", LocationClass.CountyDirect, start - TimeSpan.FromMinutes(90), (TicketTrigger.Acknowledge, _app.Telecom));
        await Add("repaired in time", LocationClass.Township, (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.MarkRepaired, _app.Telecom));
        await Add("suspended", LocationClass.CoreRoom,
            (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.RequestSuspend, _app.Telecom), (TicketTrigger.ApproveSuspend, _app.Ops));
        await Add("resumed", LocationClass.CountyDirect, (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.RequestSuspend, _app.Telecom),
            (TicketTrigger.ApproveSuspend, _app.Ops), (TicketTrigger.Resume, _app.Ops));
        await Add("cancelled in time", LocationClass.CountyDirect, (TicketTrigger.Cancel, _app.Ops));
        await Add("complex approved", LocationClass.CountyDirect,
            (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.RequestComplex, _app.Telecom), (TicketTrigger.ApproveComplex, _app.Ops));
        await Add("repair breached, still open", LocationClass.Township, start - TimeSpan.FromHours(7), (TicketTrigger.Acknowledge, _app.Telecom));
        await Add("repaired late, closed", LocationClass.CountyDirect, start - TimeSpan.FromHours(3),
            (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.MarkRepaired, _app.Telecom), (TicketTrigger.ConfirmClosed, _app.Ops));
        await Add("reopened", LocationClass.CountyDirect,
            (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.MarkRepaired, _app.Telecom), (TicketTrigger.Reopen, _app.Ops));
        var lan = await _app.NewTicketAsync(IntakeFormBuilder.At(await _app.SiteAsync(LocationClass.Township), _app.Clock.GetUtcNow()).Lan().Build());
        _tickets.Add(("LAN", lan.Id));
        var unicom = await _app.NewTicketAsync(LocationClass.CountyDirect, TicketApp.UnicomId);
        _tickets.Add(("other carrier", unicom.Id));
        _settled = _app.Clock.GetUtcNow();
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task BreachedAt_AgreesWithSlaClocks_AroundEveryDeadline()
    {
        foreach (var at in await InstantsAsync())
        {
            var expected = await ExpectedAsync(at, clocks => clocks.Any(c => c.IsBreached));
            Assert.Equal(expected, await SelectAsync(TicketFilters.BreachedAt(at)));
            Assert.Equal(All.Except(expected).Order(), await SelectAsync(TicketFilters.NotBreachedAt(at)));
            foreach (var kind in Enum.GetValues<ClockKind>())
            {
                Assert.Equal(await ExpectedAsync(at, clocks => clocks.Any(c => c.Kind == kind && c.IsBreached)),
                    await SelectAsync(TicketFilters.BreachedAt(kind, at)));
            }
        }
    }

    [Fact]
    public async Task MetBy_AndDecidedBy_AgreeWithSlaClocks_AroundEveryDeadline()
    {
        foreach (var at in await InstantsAsync())
        {
            foreach (var kind in Enum.GetValues<ClockKind>())
            {
                Assert.Equal(await ExpectedAsync(at, clocks => clocks.Any(c => c.Kind == kind && c.State == ClockState.Met)),
                    await SelectAsync(TicketFilters.MetBy(kind, at)));
                Assert.Equal(await ExpectedAsync(at, clocks => clocks.Any(c => c.Kind == kind && (c.State == ClockState.Met || c.IsBreached))),
                    await SelectAsync(TicketFilters.DecidedBy(kind, at)));
            }
        }
    }

    [Fact]
    public async Task Verdicts_CountWhatTheFiltersSelect()
    {
        var at = _settled + TimeSpan.FromHours(3);
        await using var db = _app.NewDbContext();
        var verdicts = await db.FaultTickets.AsNoTracking().Select(TicketFilters.Verdicts(at)).ToListAsync();

        Assert.Equal((await SelectAsync(TicketFilters.MetBy(ClockKind.Response, at))).Count, verdicts.Count(v => v.ResponseMet));
        Assert.Equal((await SelectAsync(TicketFilters.BreachedAt(ClockKind.Response, at))).Count, verdicts.Count(v => v.ResponseBreached));
        Assert.Equal((await SelectAsync(TicketFilters.MetBy(ClockKind.Repair, at))).Count, verdicts.Count(v => v.RepairMet));
        Assert.Equal((await SelectAsync(TicketFilters.BreachedAt(ClockKind.Repair, at))).Count, verdicts.Count(v => v.RepairBreached));
    }

    [Fact]
    public async Task Open_AndOpenWithClocks_AgreeWithTheDomain()
    {
        var tickets = await TicketsAsync();
        Assert.Equal(Ids(tickets.Where(t => t.IsOpen)), await SelectAsync(TicketFilters.Open));
        Assert.Equal(Ids(tickets.Where(t => t.HasCarrierClocks)), await SelectAsync(TicketFilters.HasCarrierClocks));
        Assert.Equal(Ids(tickets.Where(t => t.IsOpen && t.HasCarrierClocks)), await SelectAsync(TicketFilters.OpenWithClocks));
    }

    [Fact]
    public async Task VisibleTo_AgreesWithCanSee_ForEveryRole()
    {
        var tickets = await TicketsAsync();
        foreach (var actor in new[]
        {
            new Actor("o", "o", Role.Ops, null), new Actor("l", "l", Role.Leader, null), new Actor("t", "t", Role.Carrier, TicketApp.TelecomId),
            new Actor("u", "u", Role.Carrier, TicketApp.UnicomId), new Actor("x", "x", Role.Carrier, null), new Actor("a", "a", Role.SystemAdmin, null),
        })
        {
            Assert.Equal(Ids(tickets.Where(t => TicketFilters.CanSee(actor, t.CarrierId))), await SelectAsync(TicketFilters.VisibleTo(actor)));
        }
    }

    [Fact]
    public async Task InCarrierQueue_HoldsOnlyTheCarriersOpenBackboneFaults()
    {
        var queue = await SelectAsync(TicketFilters.InCarrierQueue(TicketApp.TelecomId));
        var tickets = await TicketsAsync();

        Assert.Equal(Ids(tickets.Where(t => t.IsOpen && t.HasCarrierClocks && t.CarrierId == TicketApp.TelecomId)), queue);
        Assert.DoesNotContain(Id("LAN"), queue);               // Article 11: the unit's own fault
        Assert.DoesNotContain(Id("other carrier"), queue);
        Assert.DoesNotContain(Id("cancelled in time"), queue);
    }

    [Fact]
    public async Task BreachedBetween_CountsEachBreachOnTheDayItsDeadlinePassed()
    {
        var dayStart = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(_settled));
        var at = _settled + TimeSpan.FromHours(3);
        foreach (var kind in Enum.GetValues<ClockKind>())
        {
            var expected = new List<Guid>();
            foreach (var (_, id) in _tickets)
            {
                var ticket = (await _app.LoadAsync(id)).Rehydrated;
                var clock = SlaClocks.Compute(ticket, Book, at).FirstOrDefault(c => c.Kind == kind);
                if (clock is { BreachedDeadline: { } d } && d >= dayStart && d < at)
                {
                    expected.Add(id);
                }
            }
            Assert.Equal(expected.Order(), await SelectAsync(TicketFilters.BreachedBetween(kind, dayStart, at)));
        }
    }

    private SlaPolicyBook Book => _app.Services.GetRequiredService<SlaPolicyBook>();

    private IEnumerable<Guid> All => _tickets.Select(t => t.Id).Order();

    private Guid Id(string name) => _tickets.Single(t => t.Name == name).Id;

    private static List<Guid> Ids(IEnumerable<FaultTicket> tickets) => tickets.Select(t => t.Id).Order().ToList();

    private async Task Add(string name, LocationClass cls, params (TicketTrigger, System.Security.Claims.ClaimsPrincipal)[] moves) =>
        await Add(name, cls, null, moves);

    private async Task Add(string name, LocationClass cls, DateTimeOffset? reportedAt, params (TicketTrigger, System.Security.Claims.ClaimsPrincipal)[] moves)
    {
        var form = IntakeFormBuilder.At(await _app.SiteAsync(cls), _app.Clock.GetUtcNow());
        if (reportedAt is { } r)
        {
            form = form.ReportedAt(r, "电话申告后补录");
        }

        var ticket = await _app.NewTicketAsync(form.Build());
        await _app.MoveAsync(ticket, moves);
        _tickets.Add((name, ticket.Id));
    }

    private async Task<List<FaultTicket>> TicketsAsync()
    {
        var list = new List<FaultTicket>();
        foreach (var (_, id) in _tickets)
        {
            list.Add((await _app.LoadAsync(id)).Rehydrated);
        }

        return list;
    }

    /// <summary>Every deadline still ahead of the last event, each one tick before, at and one tick after; and a few later instants.</summary>
    private async Task<List<DateTimeOffset>> InstantsAsync()
    {
        var instants = new SortedSet<DateTimeOffset> { _settled, _settled + TimeSpan.FromHours(3), _settled + TimeSpan.FromHours(49) };
        foreach (var ticket in await TicketsAsync())
        {
            foreach (var clock in SlaClocks.Compute(ticket, Book, _settled).Where(c => c.IsRunning && c.Deadline > _settled + Tick))
            {
                instants.UnionWith([clock.Deadline - Tick, clock.Deadline, clock.Deadline + Tick]);
            }
        }
        return instants.ToList();
    }

    private async Task<List<Guid>> ExpectedAsync(DateTimeOffset at, Func<IReadOnlyList<ClockSnapshot>, bool> holds)
    {
        var ids = new List<Guid>();
        foreach (var ticket in await TicketsAsync())
        {
            if (holds(SlaClocks.Compute(ticket, Book, at)))
            {
                ids.Add(ticket.Id);
            }
        }
        return ids.Order().ToList();
    }

    private async Task<List<Guid>> SelectAsync(System.Linq.Expressions.Expression<Func<GovNetOps.Web.Infrastructure.Data.FaultTicketRecord, bool>> filter)
    {
        await using var db = _app.NewDbContext();
        return (await db.FaultTickets.AsNoTracking().Where(filter).Select(t => t.Id).ToListAsync()).Order().ToList();
    }
}
