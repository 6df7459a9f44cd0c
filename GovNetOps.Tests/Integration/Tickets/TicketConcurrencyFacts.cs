using System.Security.Claims;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Optimistic concurrency: two people act on one ticket from the same (soon stale) view.
/// Exactly one wins; the other is told to refresh; the log holds only the winner's event.</summary>
public sealed class TicketConcurrencyFacts(TicketApp app) : IClassFixture<TicketApp>
{
    [Fact]
    public async Task ApplyAsync_SecondWriterFromStaleViewGetsConflict_AndOnlyFirstEventIsStored()
    {
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));
        var seen = ticket.Version;

        var carrier = await app.ApplyAsync(ticket.Id, seen, new TicketCommand(TicketTrigger.MarkRepaired, "已更换光模块"), app.Telecom);
        var ops = await app.ApplyAsync(ticket.Id, seen, new TicketCommand(TicketTrigger.Cancel, "重复申告"), app.Ops);

        Assert.True(carrier.IsSuccess, carrier.Error);
        Assert.Equal(TicketStore.ConflictMessage, ops.Error);
        Assert.Equal("工单已被他人更新，请刷新后重试", ops.Error);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(seen + 1, stored.Events.Count);
        Assert.Equal(TicketTrigger.MarkRepaired, stored.Events[^1].Trigger);
        Assert.Equal((TicketState.Repaired, seen + 1), (stored.Record.State, stored.Record.Version));
    }

    // Ops armed 撤销工单 on version v; before confirming, the carrier marked the ticket repaired (v + 1). The confirm
    // carries v, the version Ops decided on: refused, and the repaired ticket is not cancelled.
    [Fact]
    public async Task ApplyAsync_RefusesADecisionArmedOnAnOlderVersion_AndAppendsNothing()
    {
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));
        var armed = ticket.Version;
        var repaired = await app.ApplyAsync(ticket.Id, armed, new TicketCommand(TicketTrigger.MarkRepaired, "已更换光模块"), app.Telecom);
        Assert.True(repaired.IsSuccess, repaired.Error);

        var cancel = await app.ApplyAsync(ticket.Id, armed, new TicketCommand(TicketTrigger.Cancel, "重复申告"), app.Ops);

        Assert.Equal("工单已被他人更新，请刷新后重试", cancel.Error);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(armed + 1, stored.Events.Count);
        Assert.Equal((TicketState.Repaired, armed + 1), (stored.Record.State, stored.Record.Version));
    }

    // The tester's race with ordinary mouse timing: the carrier's repair and Ops's cancel, both from version v,
    // in flight together. Exactly one is appended, whichever the store saw first.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ApplyAsync_RepairAndCancelFromTheSameVersionTogether_AppendExactlyOneEvent(int round)
    {
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));
        var commands = new (TicketCommand Command, ClaimsPrincipal By)[]
        {
            (new TicketCommand(TicketTrigger.MarkRepaired, $"第 {round} 轮：已更换光模块"), app.Telecom),
            (new TicketCommand(TicketTrigger.Cancel, $"第 {round} 轮：重复申告"), app.Ops),
        };

        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => app.ApplyAsync(ticket.Id, ticket.Version, c.Command, c.By))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Error == TicketStore.ConflictMessage);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(ticket.Version + 1, stored.Events.Count);
        var winner = commands[Array.FindIndex(results, r => r.IsSuccess)].Command;
        Assert.Equal(winner.Trigger, stored.Events[^1].Trigger);
        Assert.Equal(winner.Trigger == TicketTrigger.Cancel ? TicketState.Cancelled : TicketState.Repaired, stored.Record.State);
    }

    [Fact]
    public async Task ApplyAsync_TwoEngineersOfOneCarrier_OnlyOneAcknowledges()
    {
        var colleague = await SecondTelecomEngineerAsync();
        var ticket = await app.NewTicketAsync();

        var first = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), app.Telecom);
        var second = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), colleague);

        Assert.True(first.IsSuccess, first.Error);
        Assert.Equal(TicketStore.ConflictMessage, second.Error);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(2, stored.Events.Count);
        Assert.Equal(app.Telecom.FindFirstValue(ClaimTypes.NameIdentifier), stored.Events[^1].ActorId);
    }

    // Truly simultaneous: both calls in flight at once, from the same version. The store's version
    // check inside its write transaction decides; which one wins is up to the scheduler.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ApplyAsync_ExactlyOneOfTwoSimultaneousCallsSucceeds(int round)
    {
        var colleague = await SecondTelecomEngineerAsync();
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));
        var commands = new (TicketCommand Command, ClaimsPrincipal By)[]
        {
            (new TicketCommand(TicketTrigger.PostProgress, $"第 {round} 轮：已到达现场"), app.Telecom),
            (new TicketCommand(TicketTrigger.PostProgress, $"第 {round} 轮：正在排查光缆"), colleague),
        };

        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => app.ApplyAsync(ticket.Id, ticket.Version, c.Command, c.By))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.Error == TicketStore.ConflictMessage);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(ticket.Version + 1, stored.Events.Count);
        Assert.Equal(ticket.Version + 1, stored.Record.Version);
        var winner = commands[Array.FindIndex(results, r => r.IsSuccess)].Command.Reason;
        Assert.Equal(winner, stored.Events[^1].Reason);
    }

    [Fact]
    public async Task ApplyAsync_RefusesAStaleView_EvenWhenTheMoveIsStillLegal()
    {
        var ticket = await app.MoveAsync(await app.NewTicketAsync(), (TicketTrigger.Acknowledge, app.Telecom));
        await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.PostProgress, "第一条进展"), app.Ops);

        var stale = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.PostProgress, "第二条进展"), app.Telecom);

        Assert.Equal(TicketStore.ConflictMessage, stale.Error);
        Assert.Equal(ticket.Version + 1, (await app.LoadAsync(ticket.Id)).Events.Count);
    }

    private async Task<ClaimsPrincipal> SecondTelecomEngineerAsync()
    {
        var userName = "telecom-" + Guid.NewGuid().ToString("N")[..8];
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = userName, DisplayName = "孙磊（电信维护工程师）", CarrierId = TicketApp.TelecomId };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, AppRoles.Carrier)).Succeeded);
        }
        return await app.PrincipalAsync(userName, AppRoles.Carrier);
    }
}
