using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Issue 4 §7: every action authorised on the server by role and ownership, whatever the browser sends.</summary>
public sealed class TicketAuthorizationFacts(TicketApp app) : IClassFixture<TicketApp>
{
    public enum Who { Ops, CarrierOwn, CarrierOther, Leader, Admin, SecurityAdmin, AuditAdmin }

    public enum Outcome
    {
        /// <summary>Applied and stored.</summary>
        Done,

        /// <summary>Refused by the lifecycle rules with a message naming who may do it.</summary>
        Refused,

        /// <summary>Refused as if the ticket did not exist (工单不存在，或您无权查看该工单), and logged as a warning.</summary>
        Hidden,
    }

    private const Outcome D = Outcome.Done, R = Outcome.Refused, H = Outcome.Hidden;

    // The matrix, written out by hand (not derived from TransitionTable) so that a change of the rules fails here.
    // Columns:                                              Ops  CarrierOwn  CarrierOther  Leader  Admin  SecurityAdmin  AuditAdmin
    private static readonly Dictionary<TicketTrigger, Outcome[]> Expected = new()
    {
        [TicketTrigger.Acknowledge] =                        [R,   D,          H,            R,      H,             H,             H],
        [TicketTrigger.PostProgress] =                       [D,   D,          H,            R,      H,             H,             H],
        [TicketTrigger.RequestComplex] =                     [R,   D,          H,            R,      H,             H,             H],
        [TicketTrigger.ApproveComplex] =                     [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.RejectComplex] =                      [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.RequestSuspend] =                     [R,   D,          H,            R,      H,             H,             H],
        [TicketTrigger.ApproveSuspend] =                     [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.RejectSuspend] =                      [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.Resume] =                             [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.MarkRepaired] =                       [R,   D,          H,            R,      H,             H,             H],
        [TicketTrigger.ConfirmClosed] =                      [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.Reopen] =                             [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.Cancel] =                             [D,   R,          H,            R,      H,             H,             H],
        [TicketTrigger.RecordAcknowledgement] =              [D,   R,          H,            R,      H,             H,             H], // interpretation 9: ops, for the carrier
    };

    // Where each trigger is legal for the role that owns it (a telecom ticket; "own carrier" is telecom).
    private static readonly Dictionary<TicketTrigger, (TicketTrigger Move, Who By)[]> Setup = new()
    {
        [TicketTrigger.Acknowledge] = [],
        [TicketTrigger.PostProgress] = [(TicketTrigger.Acknowledge, Who.CarrierOwn)],
        [TicketTrigger.RequestComplex] = [(TicketTrigger.Acknowledge, Who.CarrierOwn)],
        [TicketTrigger.ApproveComplex] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.RequestComplex, Who.CarrierOwn)],
        [TicketTrigger.RejectComplex] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.RequestComplex, Who.CarrierOwn)],
        [TicketTrigger.RequestSuspend] = [(TicketTrigger.Acknowledge, Who.CarrierOwn)],
        [TicketTrigger.ApproveSuspend] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.RequestSuspend, Who.CarrierOwn)],
        [TicketTrigger.RejectSuspend] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.RequestSuspend, Who.CarrierOwn)],
        [TicketTrigger.Resume] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.RequestSuspend, Who.CarrierOwn), (TicketTrigger.ApproveSuspend, Who.Ops)],
        [TicketTrigger.MarkRepaired] = [(TicketTrigger.Acknowledge, Who.CarrierOwn)],
        [TicketTrigger.ConfirmClosed] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.MarkRepaired, Who.CarrierOwn)],
        [TicketTrigger.Reopen] = [(TicketTrigger.Acknowledge, Who.CarrierOwn), (TicketTrigger.MarkRepaired, Who.CarrierOwn)],
        [TicketTrigger.Cancel] = [],
        [TicketTrigger.RecordAcknowledgement] = [],
    };

    public static TheoryData<Who, TicketTrigger> Matrix()
    {
        var data = new TheoryData<Who, TicketTrigger>();
        foreach (var trigger in Enum.GetValues<TicketTrigger>().Where(t => t != TicketTrigger.Report))
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(who, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task ApplyAsync_FollowsTheAuthorisationMatrix(Who who, TicketTrigger trigger)
    {
        var expected = Expected[trigger][(int)who];
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), Setup[trigger].Select(m => (m.Move, User(m.By))).ToArray());
        var before = await app.LoadAsync(ticket.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(trigger, "授权矩阵测试", app.Clock.GetUtcNow()), User(who));

        var after = await app.LoadAsync(ticket.Id);
        switch (expected)
        {
            case Outcome.Done:
                Assert.True(result.IsSuccess, result.Error);
                Assert.Equal(before.Events.Count + 1, after.Events.Count);
                Assert.Equal(trigger, after.Events[^1].Trigger);
                Assert.Equal(after.Events.Count, after.Record.Version);
                break;
            case Outcome.Refused:
                Assert.False(result.IsSuccess);
                Assert.StartsWith("只有", result.Error);
                Assert.Contains(Labels.Action(trigger, CultureInfo.GetCultureInfo("zh-CN")), result.Error);
                Assert.Equal(before.Events.Count, after.Events.Count);
                Assert.Equal(before.Record.Version, after.Record.Version);
                break;
            case Outcome.Hidden:
                Assert.Equal(TicketDetailsHandler.NotFoundMessage, result.Error);
                Assert.Equal(before.Events.Count, after.Events.Count);
                Assert.Equal(before.Record.Version, after.Record.Version);
                Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(ticket.Id.ToString()) && l.Message.Contains(trigger.ToString()));
                break;
        }
    }

    // The ticket page's data: visible to ops, the owning carrier and leaders; to nobody else, even by typing the number.
    [Theory]
    [InlineData(Who.Ops, true)]
    [InlineData(Who.CarrierOwn, true)]
    [InlineData(Who.CarrierOther, false)]
    [InlineData(Who.Leader, true)]
    [InlineData(Who.Admin, false)]
    [InlineData(Who.SecurityAdmin, false)]
    [InlineData(Who.AuditAdmin, false)]
    public async Task FindAsync_ReturnsTicketOnlyToThoseWhoMaySeeIt(Who who, bool visible)
    {
        var ticket = await app.NewTicketAsync();

        var details = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(s => s.FindAsync(ticket.Number, User(who)));

        Assert.Equal(visible, details is not null);
        if (visible)
        {
            Assert.Equal(ticket.Id, details!.Ticket.Id);
        }
        else
        {
            Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(ticket.Number) && l.Message.StartsWith("Refused"));
        }
    }

    [Fact]
    public async Task FindAsync_OffersEachRoleOnlyItsOwnActions()
    {
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));

        var forCarrier = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(s => s.FindAsync(ticket.Number, app.Telecom));
        var forOps = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(s => s.FindAsync(ticket.Number, app.Ops));
        var forLeader = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(s => s.FindAsync(ticket.Number, app.Leader));

        Assert.Equal([TicketTrigger.PostProgress, TicketTrigger.RequestComplex, TicketTrigger.RequestSuspend, TicketTrigger.MarkRepaired], forCarrier!.Actions);
        Assert.Equal([TicketTrigger.PostProgress, TicketTrigger.Cancel], forOps!.Actions);
        Assert.Empty(forLeader!.Actions);
    }

    [Fact]
    public async Task ListAsync_NeverShowsACarrierAnotherCarriersTickets()
    {
        var own = await app.NewTicketAsync(carrierId: TicketApp.TelecomId);
        var other = await app.NewTicketAsync(carrierId: TicketApp.UnicomId);
        await app.NewTicketAsync(carrierId: 3);

        var all = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery { PageSize = 200 }, app.Telecom));
        var crafted = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery { CarrierId = TicketApp.UnicomId, PageSize = 200 }, app.Telecom));
        var searched = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery { Search = other.Number }, app.Telecom));
        var queue = await app.WithServiceAsync<CarrierQueueHandler, IReadOnlyList<TicketRow>>(s => s.QueueAsync(app.Telecom));

        Assert.Contains(all.Items, r => r.Id == own.Id);
        Assert.All(all.Items, r => Assert.Equal(TicketApp.TelecomId, r.CarrierId));
        Assert.Equal(all.Items.Count, all.Total);
        Assert.Equal(0, crafted.Total);
        Assert.Empty(searched.Items);
        Assert.Contains(queue, r => r.Id == own.Id);
        Assert.All(queue, r => Assert.Equal(TicketApp.TelecomId, r.CarrierId));
    }

    [Fact]
    public async Task ListAsync_ShowsAdminAndAnonymousNothing_AndOpsAndLeaderEverything()
    {
        var other = await app.NewTicketAsync(carrierId: TicketApp.UnicomId);

        var admin = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery(), app.Admin));
        var anonymous = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery(), PrincipalBuilder.Anonymous()));
        var ops = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery { Search = other.Number }, app.Ops));
        var leader = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery { Search = other.Number }, app.Leader));

        Assert.Equal(0, admin.Total);
        Assert.Equal(0, anonymous.Total);
        Assert.Equal(other.Id, Assert.Single(ops.Items).Id);
        Assert.Equal(other.Id, Assert.Single(leader.Items).Id);
    }

    // A carrier principal whose cookie lost its carrier claim must see nothing rather than everything.
    [Fact]
    public async Task ListAsync_ShowsNothing_WhenCarrierUserHasNoCarrier()
    {
        await app.NewTicketAsync();
        var orphan = new PrincipalBuilder().InRole(GovNetOps.Web.Infrastructure.Security.AppRoles.Carrier).OfCarrier(null).Build();

        var page = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(s => s.ListAsync(new TicketQuery(), orphan));
        var queue = await app.WithServiceAsync<CarrierQueueHandler, IReadOnlyList<TicketRow>>(s => s.QueueAsync(orphan));

        Assert.Equal(0, page.Total);
        Assert.Empty(queue);
    }

    private ClaimsPrincipal User(Who who) => who switch
    {
        Who.Ops => app.Ops,
        Who.CarrierOwn => app.Telecom,
        Who.CarrierOther => app.Unicom,
        Who.Leader => app.Leader,
        Who.SecurityAdmin => app.SecurityAdmin,
        Who.AuditAdmin => app.AuditAdmin,
        _ => app.Admin,
    };
}
