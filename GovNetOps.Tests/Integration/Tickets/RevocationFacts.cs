using System.Net;
using System.Security.Claims;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Issue 12 item 1: a session whose account lost its role or carrier, was locked out or had its security
/// stamp changed is refused — by every handler, for the principal its open page still holds, and on the next
/// request — once <see cref="CurrentActors.CacheWindow"/> has passed (stepped on the app's fake clock).</summary>
public sealed class RevocationFacts(TicketApp app) : IClassFixture<TicketApp>
{
    public enum Change { RoleRemoved, CarrierChanged, LockedOut, StampChanged }

    // The bound the issue sets: the handlers' cache window, and it plus the circuits' revalidation interval (by default).
    [Fact]
    public void CacheWindowAndRevalidation_StayWithinFiveSeconds()
    {
        Assert.True(CurrentActors.CacheWindow <= TimeSpan.FromSeconds(5));
        Assert.True(CurrentActors.CacheWindow + new SecurityOptions().CircuitRevalidationInterval <= TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(Change.RoleRemoved, "role Carrier removed")]
    [InlineData(Change.CarrierChanged, "carrier changed from 1 to 2")]
    [InlineData(Change.LockedOut, "locked out")]
    [InlineData(Change.StampChanged, "security stamp changed")]
    public async Task ApplyAsync_IsRefusedAndNothingIsAppended_WhenTheAccountChangedAfterSignIn(Change change, string logged)
    {
        var userName = $"revoked-{change}".ToLowerInvariant();
        await NewEngineerAsync(userName);
        var principal = await CookieOfAsync(userName); // what the open ticket page holds
        var ticket = await app.NewTicketAsync();
        Assert.Contains(await QueueAsync(principal), r => r.Id == ticket.Id);

        await ChangeAsync(userName, change);
        app.Clock.Advance(CurrentActors.CacheWindow);
        var applied = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), principal);

        Assert.False(applied.IsSuccess);
        Assert.Equal(GovNetOps.Web.Resources.TicketText.SessionRevoked, applied.Error);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Single(stored.Events);
        Assert.Equal(TicketState.Reported, stored.Record.State);
        Assert.Empty(await QueueAsync(principal));
        Assert.Equal(0, (await app.WithServiceAsync<ListTicketsHandler, TicketResults>(h => h.ListAsync(new TicketQuery(), principal))).Total);
        Assert.Null(await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(h => h.FindAsync(ticket.Number, principal)));
        var refusal = $"({await UserIdAsync(userName)}): {logged}";
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains(refusal, StringComparison.Ordinal));
    }

    // The control: the same steps without the change are applied, so the refusals above come from the change.
    [Fact]
    public async Task ApplyAsync_IsApplied_WhenTheAccountIsUnchanged()
    {
        await NewEngineerAsync("unchanged-engineer");
        var principal = await CookieOfAsync("unchanged-engineer");
        var ticket = await app.NewTicketAsync();

        app.Clock.Advance(CurrentActors.CacheWindow);
        var applied = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), principal);

        Assert.True(applied.IsSuccess, applied.Error);
        Assert.Equal(TicketState.Acknowledged, (await app.LoadAsync(ticket.Id)).Record.State);
    }

    // The cookie validator: the next page load of a revoked session is signed out and sent to the sign-in page.
    [Theory]
    [InlineData(Change.RoleRemoved)]
    [InlineData(Change.CarrierChanged)]
    [InlineData(Change.LockedOut)]
    [InlineData(Change.StampChanged)]
    public async Task NextRequest_GoesToSignIn_WhenTheAccountChangedAfterSignIn(Change change)
    {
        var userName = $"http-{change}".ToLowerInvariant();
        await NewEngineerAsync(userName);
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(client, userName, DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/carrier")).StatusCode);

        await ChangeAsync(userName, change);
        app.Clock.Advance(CurrentActors.CacheWindow);
        var next = await client.GetAsync("/carrier");
        var after = await client.GetAsync("/carrier"); // the cookie is gone, not merely ignored once

        HttpAssert.RedirectsTo(client, next, "/account/login");
        HttpAssert.RedirectsTo(client, after, "/account/login");
    }

    // Issue 19: open pages are re-checked on ONE shared timer (all their accounts in one round), not on a loop per page.
    // Stepped on the app's fake clock: the page of the changed account is signed out on the round after the cache
    // window, both of its pages, and no other; a closed page is not checked at all.
    [Fact]
    public async Task SharedRecheck_SignsOutEveryPageOfTheChangedAccountAndNoOther_WithinCacheWindowAndInterval()
    {
        await NewEngineerAsync("watched-revoked");
        await NewEngineerAsync("watched-kept");
        var revoked = await CookieOfAsync("watched-revoked");
        var kept = await CookieOfAsync("watched-kept");
        var revalidator = app.Services.GetRequiredService<CircuitRevalidator>();
        var signedOut = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var wall = revalidator.Watch(revoked, () => signedOut.Enqueue("wall"));
        using var desk = revalidator.Watch(revoked, () => signedOut.Enqueue("desk"));
        using var other = revalidator.Watch(kept, () => signedOut.Enqueue("other"));
        var closed = revalidator.Watch(revoked, () => signedOut.Enqueue("closed"));
        closed.Dispose();
        await revalidator.CheckAllAsync();
        Assert.Empty(signedOut);

        await ChangeAsync("watched-revoked", Change.RoleRemoved);
        app.Clock.Advance(CurrentActors.CacheWindow);
        var interval = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.CircuitRevalidationInterval;
        app.Clock.Advance(interval); // the shared timer's round
        await TicketDriver.EventuallyAsync(() => Task.FromResult(signedOut.Count), n => n >= 2, TimeSpan.FromSeconds(5), "both pages signed out");

        Assert.Equal(["desk", "wall"], signedOut.Order(StringComparer.Ordinal));
        await revalidator.CheckAllAsync();
        Assert.Equal(2, signedOut.Count); // once each, and the other account's page stays
    }

    // A role granted after sign-in is not a revocation: the cookie is re-issued and the page policies see the new role.
    [Fact]
    public async Task NextRequest_SeesARoleGrantedAfterSignIn()
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "promoted-leader", DisplayName = "升任值班员" };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, AppRoles.Leader)).Succeeded);
        }
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.PostLoginAsync(client, "promoted-leader", DemoData.Password);
        HttpAssert.ServedOrRefused(client, await client.GetAsync("/tickets/new"), allowed: false);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync("promoted-leader"))!, AppRoles.Ops)).Succeeded);
        }
        app.Clock.Advance(CurrentActors.CacheWindow);

        HttpAssert.ServedOrRefused(client, await client.GetAsync("/tickets/new"), allowed: true);
        HttpAssert.ServedOrRefused(client, await client.GetAsync("/board"), allowed: true);
    }

    private Task<IReadOnlyList<TicketRow>> QueueAsync(ClaimsPrincipal principal) =>
        app.WithServiceAsync<CarrierQueueHandler, IReadOnlyList<TicketRow>>(h => h.QueueAsync(principal));

    /// <summary>A China Telecom engineer of its own, so changing the account touches no other test.</summary>
    private async Task NewEngineerAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = "测试工程师", CarrierId = TicketApp.TelecomId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Carrier)).Succeeded);
    }

    /// <summary>The principal the sign-in cookie carries, made by the app's own factory.</summary>
    private async Task<ClaimsPrincipal> CookieOfAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user!);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }

    /// <summary>What an administrator does to the account, through Identity's own UserManager.</summary>
    private async Task ChangeAsync(string userName, Change change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var result = change switch
        {
            Change.RoleRemoved => await users.RemoveFromRoleAsync(user, AppRoles.Carrier),
            Change.CarrierChanged => await MoveToUnicomAsync(users, user),
            Change.LockedOut => await users.SetLockoutEndDateAsync(user, app.Clock.GetUtcNow().AddHours(1)),
            _ => await users.UpdateSecurityStampAsync(user),
        };
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static Task<IdentityResult> MoveToUnicomAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        user.CarrierId = TicketApp.UnicomId;
        return users.UpdateAsync(user);
    }
}
