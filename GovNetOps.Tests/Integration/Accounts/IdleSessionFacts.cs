using System.Net;
using System.Security.Claims;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration.Accounts;

/// <summary>Issue 14 item 4: the server signs an idle session out after 30 minutes whatever the page does — the next
/// request goes to sign-in, the activity report is refused, the open page's circuit and its actions are refused —
/// and activity (page requests, the browser's reports) keeps it alive. The session clock is faked.</summary>
public sealed class IdleSessionFacts : IAsyncLifetime
{
    private readonly FakeTimeProvider _sessionTime = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly GovNetOpsFactory _app = new();

    public Task InitializeAsync()
    {
        _app.SessionTime = _sessionTime;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NextRequest_GoesToSignIn_WhenIdleFor30Minutes()
    {
        using var client = await SignedInAsync("ops");

        _sessionTime.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets")).StatusCode); // a page request is activity
        _sessionTime.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets")).StatusCode);
        _sessionTime.Advance(TimeSpan.FromMinutes(30) + CurrentActors.CacheWindow);

        HttpAssert.RedirectsTo(client, await client.GetAsync("/tickets"), "/account/login");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/account/activity", null)).StatusCode); // not revived
    }

    [Fact]
    public async Task ActivityReport_KeepsTheSessionAlive_AndSaysHowLongItHas()
    {
        using var client = await SignedInAsync("leader");

        for (var i = 0; i < 3; i++)
        {
            _sessionTime.Advance(TimeSpan.FromMinutes(20));
            var report = await client.PostAsync("/account/activity", null);
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.Equal("{\"remainingSeconds\":1800,\"warningSeconds\":60}", await report.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/board")).StatusCode); // an hour on, still signed in
    }

    // The open page's circuit (CircuitRevalidator) and every handler ask CurrentActors: an idle session is revoked there.
    [Fact]
    public async Task OpenPage_IsRevokedAndItsActionsRefused_WhenIdle()
    {
        var principal = await SessionPrincipalAsync("ops");
        var actors = _app.Services.GetRequiredService<CurrentActors>();
        Assert.NotNull(await actors.ResolveAsync(principal));

        _sessionTime.Advance(TimeSpan.FromMinutes(30));
        actors.Forget(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);

        Assert.Equal(PrincipalStanding.Revoked, await actors.StandingAsync(principal));
        Assert.Null(await actors.ResolveAsync(principal));
    }

    [Fact]
    public async Task SignOut_EndsTheSession_SoTheSameCookieOpensNothing()
    {
        var principal = await SessionPrincipalAsync("ops");
        var actors = _app.Services.GetRequiredService<CurrentActors>();

        await _app.Services.GetRequiredService<IdleSessions>().EndAsync(principal, "signed out");

        Assert.Equal(PrincipalStanding.Revoked, await actors.StandingAsync(principal));
    }

    // 等保 8.1.4.1 b and the security log (issue 14 item 3): a session that times out is recorded as timed out, once,
    // whether the page signed it out (the warning ran out) or nobody did (a closed browser: the minute's sweep).
    [Fact]
    public async Task IdleSession_NobodySignedOut_IsEndedByTheSweep_AndLoggedAsTimedOut_Once()
    {
        var principal = await SessionPrincipalAsync("ops");
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var sessions = _app.Services.GetRequiredService<IdleSessions>();
        _sessionTime.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await sessions.ExpireIdleAsync());

        // The app's own sweep ticks within this minute as well: whichever deletes the session logs it.
        _sessionTime.Advance(TimeSpan.FromMinutes(1));
        await sessions.ExpireIdleAsync();
        var logged = await TimedOutAsync(userId);
        for (var i = 0; i < 200 && logged.Count == 0; i++)
        {
            await Task.Delay(50); // the sweep's entry, if the sweep won the delete
            logged = await TimedOutAsync(userId);
        }
        Assert.Equal(0, await sessions.ExpireIdleAsync());

        var entry = Assert.Single(logged);
        Assert.Equal((SecurityOutcome.Success, "ops", "Ops", IdleSessions.IdleDetail), (entry.Outcome, entry.UserName, entry.Roles, entry.Detail));
        Assert.Equal(PrincipalStanding.Revoked, await _app.Services.GetRequiredService<CurrentActors>().StandingAsync(principal));
        Assert.Single(await TimedOutAsync(userId));
    }

    [Fact]
    public async Task PageSigningOutAnIdleSession_IsLoggedAsTimedOut_NotAsASignOut()
    {
        using var client = await SignedInAsync("leader");
        _sessionTime.Advance(TimeSpan.FromMinutes(29));

        HttpAssert.RedirectsTo(client, await client.PostAsync("/account/idle-signout", null), "/account/login");

        await using var db = _app.NewDbContext();
        var kinds = await db.SecurityLog.AsNoTracking().Where(e => e.UserName == "leader" && e.Kind != SecurityEventKind.SignIn)
            .Select(e => e.Kind).ToListAsync();
        Assert.Equal([SecurityEventKind.SessionExpired], kinds);
    }

    private async Task<List<SecurityLogEntry>> TimedOutAsync(string userId)
    {
        await using var db = _app.NewDbContext();
        return await db.SecurityLog.AsNoTracking().Where(e => e.UserId == userId && e.Kind == SecurityEventKind.SessionExpired).ToListAsync();
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(client, userName, DemoData.Password)).StatusCode);
        return client;
    }

    private Task<ClaimsPrincipal> SessionPrincipalAsync(string userName) => _app.SessionPrincipalAsync(userName);
}
