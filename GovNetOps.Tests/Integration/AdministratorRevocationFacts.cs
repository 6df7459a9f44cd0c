using System.Net;
using System.Security.Claims;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

/// <summary>Issue 14: the revocation of issue 12 holds for the three administrators too. An administrator whose role is
/// removed, whose account is disabled or whose security stamp changes is refused by <see cref="CurrentActors"/> (which
/// every handler and the circuits ask) and sent to the sign-in page on its next request, once
/// <see cref="CurrentActors.CacheWindow"/> has passed.</summary>
public sealed class AdministratorRevocationFacts(TicketApp app) : IClassFixture<TicketApp>
{
    public enum Change { RoleRemoved, Disabled, StampChanged }

    [Theory]
    [InlineData(AppRoles.SystemAdmin, AppPolicies.Admin, "/admin", Change.RoleRemoved)]
    [InlineData(AppRoles.SystemAdmin, AppPolicies.Admin, "/admin", Change.Disabled)]
    [InlineData(AppRoles.SystemAdmin, AppPolicies.JobDashboard, "/admin", Change.StampChanged)]
    [InlineData(AppRoles.SecurityAdmin, AppPolicies.SecurityPolicy, "/admin/users", Change.RoleRemoved)]
    [InlineData(AppRoles.SecurityAdmin, AppPolicies.Users, "/admin/users", Change.Disabled)]
    [InlineData(AppRoles.AuditAdmin, AppPolicies.ChainAudit, "/admin/audit", Change.RoleRemoved)]
    [InlineData(AppRoles.AuditAdmin, AppPolicies.SecurityLog, "/admin/audit", Change.Disabled)]
    public async Task Session_IsRefused_WhenTheAdministratorsAccountChanges(string role, string policy, string? page, Change change)
    {
        var userName = $"{role}-{change}".ToLowerInvariant();
        await NewAccountAsync(userName, role);
        var cookie = await CookieOfAsync(userName);
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(client, userName, DemoData.Password)).StatusCode);
        if (page is not null)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }
        var actors = app.Services.GetRequiredService<CurrentActors>();
        Assert.True(await actors.AllowsAsync(cookie, policy));

        await ChangeAsync(userName, role, change);
        app.Clock.Advance(CurrentActors.CacheWindow);

        Assert.False(await actors.AllowsAsync(cookie, policy));
        Assert.Equal(PrincipalStanding.Revoked, await actors.StandingAsync(cookie));
        Assert.Null(await actors.ResolveAsync(cookie));
        if (page is not null)
        {
            HttpAssert.RedirectsTo(client, await client.GetAsync(page), "/account/login");
        }
    }

    // 三员分立 in CurrentActors, the check every handler makes: each administrator passes its own policies only (and
    // PolicyRead, the SLA policy page every role may read). The registry, calendar and policy editing are the system
    // administrator's.
    [Theory]
    [InlineData(AppRoles.SystemAdmin, new[]
    {
        AppPolicies.Admin, AppPolicies.JobDashboard, AppPolicies.Users, AppPolicies.Registry, AppPolicies.RegistryRead,
        AppPolicies.CalendarAdmin, AppPolicies.PolicyAdmin, AppPolicies.ContactsAdmin, AppPolicies.PolicyRead,
    })]
    [InlineData(AppRoles.SecurityAdmin, new[] { AppPolicies.SecurityPolicy, AppPolicies.Users, AppPolicies.PolicyRead })]
    [InlineData(AppRoles.AuditAdmin, new[] { AppPolicies.SecurityLog, AppPolicies.ChainAudit, AppPolicies.PolicyRead })]
    public async Task AllowsAsync_GrantsEachAdministratorOnlyItsOwnPolicies(string role, string[] own)
    {
        var userName = $"{role}-policies".ToLowerInvariant();
        await NewAccountAsync(userName, role);
        var cookie = await CookieOfAsync(userName);
        var actors = app.Services.GetRequiredService<CurrentActors>();

        var allowed = new List<string>();
        foreach (var policy in AppPolicies.Roles.Keys)
        {
            if (await actors.AllowsAsync(cookie, policy))
            {
                allowed.Add(policy);
            }
        }

        Assert.Equal(own.Order(), allowed.Order());
    }

    private async Task NewAccountAsync(string userName, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = "测试管理员" };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private async Task<ClaimsPrincipal> CookieOfAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user!);
    }

    private async Task ChangeAsync(string userName, string role, Change change)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        if (change == Change.Disabled)
        {
            user.IsDisabled = true;
        }
        var result = change switch
        {
            Change.RoleRemoved => await users.RemoveFromRoleAsync(user, role),
            Change.Disabled => await users.UpdateAsync(user),
            _ => await users.UpdateSecurityStampAsync(user),
        };
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
