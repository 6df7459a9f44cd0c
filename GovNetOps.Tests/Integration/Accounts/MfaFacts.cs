using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Security.Mfa;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace GovNetOps.Tests.Integration.Accounts;

/// <summary>Issue 14 item 5 on the server, with the production policy: an administrator without the second factor
/// is refused every action (not only sent to the enrolment page), a non-administrator is not; the authenticator codes
/// are checked against the app's clock, one step either side, each step once.</summary>
public sealed class MfaFacts : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly GovNetOpsFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Time = _time;
        _app.Settings["Security:Mfa:RequiredForAdministrators"] = "true";
        _app.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Administrator_WithoutASecondFactor_IsRefusedEveryAction_UntilEnrolled_AndOpsIsNot()
    {
        var actors = _app.Services.GetRequiredService<CurrentActors>();
        var secadmin = await PrincipalAsync("secadmin");
        var ops = await PrincipalAsync("ops");

        Assert.True(await actors.MustEnrolMfaAsync(secadmin));
        Assert.Null(await actors.ResolveAsync(secadmin));
        Assert.False(await actors.HoldsAsync(secadmin, AppPolicies.SecurityPolicy));
        Assert.NotNull(await actors.ResolveAsync(ops));
        Assert.False(await actors.MustEnrolMfaAsync(ops));

        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync("secadmin"))!;
            user.TwoFactorEnabled = true;
            await users.UpdateAsync(user);
        });
        actors.Forget(secadmin.FindFirstValue(ClaimTypes.NameIdentifier)!);

        Assert.False(await actors.MustEnrolMfaAsync(secadmin));
        Assert.NotNull(await actors.ResolveAsync(secadmin));
    }

    [Fact]
    public async Task AuthenticatorCode_IsAcceptedOneStepEitherSide_AndEachStepOnlyOnce()
    {
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync("auditor"))!;
            var key = users.GenerateNewAuthenticatorKey();
            // As the enrolment page keeps it: through the manager's own store, saved by the manager.
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)_scope!.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>())
                .SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
            var app = new Totp(Base32Encoding.ToBytes(key));
            var now = _time.GetUtcNow().UtcDateTime;
            Task<bool> Verify(string code) => users.VerifyTwoFactorTokenAsync(user, TotpTokenProvider.Name, code);

            Assert.False(await Verify(app.ComputeTotp(now.AddSeconds(-90)))); // three steps old
            Assert.False(await Verify("12 34"));                                // not six digits
            Assert.True(await Verify(app.ComputeTotp(now.AddSeconds(-30))));   // the phone a step behind
            Assert.True(await Verify(app.ComputeTotp(now)));
            Assert.False(await Verify(app.ComputeTotp(now)));                   // the same code again: replay
            Assert.False(await Verify(app.ComputeTotp(now.AddSeconds(-30))));  // an earlier step: replay
            var next = app.ComputeTotp(now.AddSeconds(30));
            Assert.True(await Verify(next[..3] + " " + next[3..]));             // as the app groups it
        });
    }

    [Fact]
    public async Task SecurityAdministrator_ResetsSomeoneElsesSecondFactor_WhoMustEnrolAgain_AndNobodyElseMay()
    {
        await WithUsersAsync(async users =>
        {
            foreach (var name in new[] { "secadmin", "auditor", "admin" })
            {
                var user = (await users.FindByNameAsync(name))!;
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
                await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            }
        });
        var secadmin = await PrincipalAsync("secadmin");
        var admin = await PrincipalAsync("admin");
        var auditor = await PrincipalAsync("auditor");
        var auditorId = auditor.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Task<Result> ResetAsync(ClaimsPrincipal by, string id) =>
            WithHandlerAsync(h => h.ResetSecondFactorAsync(id, by));

        Assert.False((await ResetAsync(admin, auditorId)).IsSuccess);                                         // the system administrator: not its job
        Assert.False((await ResetAsync(secadmin, secadmin.FindFirstValue(ClaimTypes.NameIdentifier)!)).IsSuccess); // not one's own
        Assert.True((await ResetAsync(secadmin, auditorId)).IsSuccess);
        Assert.Equal("该用户未启用双因素认证，无需重置。", (await ResetAsync(secadmin, auditorId)).Error);

        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(auditorId))!;
            Assert.False(user.TwoFactorEnabled);
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
        });
        var actors = _app.Services.GetRequiredService<CurrentActors>();
        Assert.Equal(PrincipalStanding.Revoked, await actors.StandingAsync(auditor)); // its open sessions end
        Assert.True(await actors.MustEnrolMfaAsync(await PrincipalAsync("auditor")));
        await using var db = _app.NewDbContext();
        Assert.Single(db.ChangeRecords.Where(c => c.EntityId == auditorId && c.Action == "ResetMfa"));
    }

    [Fact]
    public async Task SecurityAdministrator_SetsTheRequirementOnThePolicyPage_AndItBitesAtOnce()
    {
        var actors = _app.Services.GetRequiredService<CurrentActors>();
        var admin = await PrincipalAsync("admin");
        Assert.True(await actors.MustEnrolMfaAsync(admin));
        // The security administrator itself must have enrolled to act at all.
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync("secadmin"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        });
        var secadmin = await PrincipalAsync("secadmin");
        var input = GovNetOps.Web.Features.Admin.Security.SecurityPolicyInput.From(_app.Services.GetRequiredService<AccountPolicyStore>().Defaults);
        Assert.True(input.MfaRequiredForAdministrators);
        input.MfaRequiredForAdministrators = false;

        Assert.True((await WithPolicyAsync(h => h.SaveAsync(input, secadmin))).IsSuccess);

        Assert.False(await actors.MustEnrolMfaAsync(admin));
        Assert.NotNull(await actors.ResolveAsync(admin));
        await using var db = _app.NewDbContext();
        var record = db.ChangeRecords.Single(c => c.EntityType == GovNetOps.Web.Features.Admin.Security.SecurityPolicyHandler.EntityType);
        Assert.Contains("\"MfaRequiredForAdministrators\":\"false\"", record.After, StringComparison.Ordinal);
        Assert.False((await WithPolicyAsync(h => h.SaveAsync(input, admin))).IsSuccess); // not the system administrator's
    }

    private async Task<Result> WithPolicyAsync(Func<GovNetOps.Web.Features.Admin.Security.SecurityPolicyHandler, Task<Result>> action)
    {
        using var scope = _app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<GovNetOps.Web.Features.Admin.Security.SecurityPolicyHandler>());
    }

    private async Task<Result> WithHandlerAsync(Func<GovNetOps.Web.Features.Admin.Users.UserAdminHandler, Task<Result>> action)
    {
        using var scope = _app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<GovNetOps.Web.Features.Admin.Users.UserAdminHandler>());
    }

    private IServiceScope? _scope;

    private async Task WithUsersAsync(Func<UserManager<ApplicationUser>, Task> action)
    {
        using var scope = _scope = _app.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private Task<ClaimsPrincipal> PrincipalAsync(string userName) => _app.SessionPrincipalAsync(userName);
}
