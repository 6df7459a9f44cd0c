using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Admin.Users;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using A = GovNetOps.Web.Resources.Accounts;

namespace GovNetOps.Tests.Integration.Accounts;

/// <summary>Issue 14 item 1: user administration through <see cref="UserAdminHandler"/>, as the users page calls it,
/// with 三员分立 decided on the server and every change taking effect on open sessions within the cache window.</summary>
public sealed partial class UserAdminFacts(TicketApp app) : IClassFixture<TicketApp>
{
    private Task<TResult> Admin<TResult>(Func<UserAdminHandler, Task<TResult>> action) => app.WithServiceAsync(action);

    [Fact]
    public async Task CreateAsync_CreatesACarrierUserWhoMustChangeTheTemporaryPassword_WhenTheSystemAdministratorAsks()
    {
        var created = await Admin(h => h.CreateAsync(
            new NewUser { DisplayName = "吴工", UserName = "wu.telecom", Mobile = "139 3770 0101", Role = AppRoles.Carrier, CarrierId = TicketApp.TelecomId }, app.Admin));

        Assert.True(created.IsSuccess, created.Error);
        Assert.Equal(16, created.Value!.Password.Length);
        await using var db = app.NewDbContext();
        var account = await db.Users.SingleAsync(u => u.UserName == "wu.telecom");
        Assert.Equal((TicketApp.TelecomId, "13937700101", true, false), (account.CarrierId!.Value, account.PhoneNumber!, account.MustChangePassword, account.IsDisabled));
        var audit = await db.ChangeRecords.SingleAsync(r => r.EntityType == "User" && r.EntityId == account.Id);
        Assert.Equal(("Create", "王磊"), (audit.Action, audit.UserName));
        Assert.DoesNotContain("13937700101", audit.After); // the audit copy is masked

        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await HttpSignIn.PostLoginAsync(client, "wu.telecom", created.Value.Password);
        HttpAssert.RedirectsTo(client, login, PasswordChangeGate.ChangePasswordPath);
        HttpAssert.RedirectsTo(client, await client.GetAsync("/carrier"), PasswordChangeGate.ChangePasswordPath); // nothing else opens
        Assert.Equal(HttpStatusCode.Redirect, (await PostChangePasswordAsync(client, created.Value.Password, "Wu#Telecom2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/carrier")).StatusCode);
    }

    // Each refusal names the field a person must correct; nothing is created.
    [Theory]
    [InlineData("", "n.one", "13800000001", AppRoles.Ops, null, nameof(A.DisplayNameInvalid))]
    [InlineData("某人", "N", "13800000002", AppRoles.Ops, null, nameof(A.UserNameInvalid))]           // too short, upper case
    [InlineData("某人", "n.three", "0377-66123456", AppRoles.Ops, null, nameof(A.MobileInvalid))]   // a landline is not a mobile
    [InlineData("某人", "n.four", "12345", AppRoles.Ops, null, nameof(A.MobileInvalid))]
    [InlineData("某人", "n.five", "13800000005", null, null, nameof(A.RoleRequired))]
    [InlineData("某人", "n.six", "13800000006", AppRoles.Carrier, null, nameof(A.CarrierRequired))]   // exactly one carrier
    [InlineData("某人", "n.seven", "13800000007", AppRoles.Carrier, 99, nameof(A.CarrierRequired))]   // an unknown carrier
    [InlineData("某人", "ops", "13800000008", AppRoles.Ops, null, nameof(A.UserNameTaken))]
    public async Task CreateAsync_RefusesNamingTheField_WhenTheInputIsWrong(string name, string userName, string mobile, string? role, int? carrier, string message)
    {
        var created = await Admin(h => h.CreateAsync(new NewUser { DisplayName = name, UserName = userName, Mobile = mobile, Role = role, CarrierId = carrier }, app.Admin));

        Assert.False(created.IsSuccess);
        Assert.Equal(string.Format(A.ResourceManager.GetString(message)!, userName), created.Error);
        await using var db = app.NewDbContext();
        Assert.Equal(userName == "ops" ? 1 : 0, await db.Users.CountAsync(u => u.UserName == userName));
    }

    // 三员分立 on creation: who may give which role (the bootstrap is complete in the demo data).
    [Theory]
    [InlineData("SystemAdmin", AppRoles.Ops, true)]
    [InlineData("SystemAdmin", AppRoles.Leader, true)]
    [InlineData("SystemAdmin", AppRoles.SecurityAdmin, false)]  // administrator grants are the security administrator's
    [InlineData("SystemAdmin", AppRoles.AuditAdmin, false)]
    [InlineData("SecurityAdmin", AppRoles.AuditAdmin, true)]
    [InlineData("SecurityAdmin", AppRoles.Ops, false)]          // ordinary accounts are the system administrator's
    [InlineData("AuditAdmin", AppRoles.Ops, false)]             // the auditor changes nothing
    [InlineData("Ops", AppRoles.Ops, false)]
    public async Task CreateAsync_FollowsTheSeparationOfDuties(string by, string role, bool allowed)
    {
        var userName = $"sep.{by}.{role}".ToLowerInvariant();
        var created = await Admin(h => h.CreateAsync(new NewUser { DisplayName = "分立", UserName = userName, Mobile = "13800001111", Role = role }, Principal(by)));

        Assert.Equal(allowed, created.IsSuccess);
        await using var db = app.NewDbContext();
        Assert.Equal(allowed ? 1 : 0, await db.Users.CountAsync(u => u.UserName == userName));
    }

    [Theory]
    [InlineData("SystemAdmin", false)]
    [InlineData("SecurityAdmin", true)]
    [InlineData("AuditAdmin", false)]
    public async Task UnlockAsync_IsTheSecurityAdministratorsJob(string by, bool allowed)
    {
        var id = await NewUserAsync($"locked.{by}".ToLowerInvariant(), AppRoles.Ops);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, app.Clock.GetUtcNow().AddMinutes(15));
        }

        var unlocked = await Admin(h => h.UnlockAsync(id, Principal(by)));

        Assert.Equal(allowed, unlocked.IsSuccess);
        await using var db = app.NewDbContext();
        Assert.Equal(allowed, (await db.Users.SingleAsync(u => u.Id == id)).LockoutEnd is null);
    }

    // The case at the service level: the disabled engineer's open ticket page acts with the principal it
    // holds; once the cache window has passed, the action is refused and nothing is appended; its next request
    // goes to sign-in and a new sign-in is refused naming the reason. Re-enabled, it signs in again.
    [Fact]
    public async Task DisableAsync_RefusesTheOpenSessionAndTheNextSignIn_AndEnableAsyncLetsItBackIn()
    {
        var id = await NewUserAsync("disable.me", AppRoles.Carrier, TicketApp.TelecomId);
        var cookie = await CookieOfAsync("disable.me");
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.PostLoginAsync(client, "disable.me", DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/carrier")).StatusCode);
        var ticket = await app.NewTicketAsync();

        var disabled = await Admin(h => h.DisableAsync(id, app.Admin));
        app.Clock.Advance(CurrentActors.CacheWindow);

        Assert.True(disabled.IsSuccess, disabled.Error);
        var applied = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), cookie);
        Assert.Equal(GovNetOps.Web.Resources.TicketText.SessionRevoked, applied.Error);
        Assert.Single((await app.LoadAsync(ticket.Id)).Events);
        HttpAssert.RedirectsTo(client, await client.GetAsync("/carrier"), "/account/login");
        var again = await HttpSignIn.PostLoginAsync(client, "disable.me", DemoData.Password);
        Assert.Contains(A.LoginDisabled, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        Assert.True((await Admin(h => h.EnableAsync(id, app.Admin))).IsSuccess);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(client, "disable.me", DemoData.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/carrier")).StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(["Disable", "Enable"], await db.ChangeRecords.Where(r => r.EntityId == id).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());
    }

    // Moving an engineer to another carrier revokes what its open page holds; the account then sees the new carrier.
    [Fact]
    public async Task ChangeRoleAsync_RevokesTheOpenSession_WhenTheCarrierChanges()
    {
        var id = await NewUserAsync("move.me", AppRoles.Carrier, TicketApp.TelecomId);
        var cookie = await CookieOfAsync("move.me");

        var moved = await Admin(h => h.ChangeRoleAsync(id, AppRoles.Carrier, TicketApp.UnicomId, app.Admin));
        app.Clock.Advance(CurrentActors.CacheWindow);

        Assert.True(moved.IsSuccess, moved.Error);
        Assert.Null(await app.Services.GetRequiredService<CurrentActors>().ResolveAsync(cookie));
        var fresh = await CookieOfAsync("move.me");
        Assert.Equal(new Actor(id, "测试用户", Role.Carrier, TicketApp.UnicomId), await app.Services.GetRequiredService<CurrentActors>().ResolveAsync(fresh));
    }

    [Fact]
    public async Task ChangeRoleAsync_DropsTheCarrier_WhenTheEngineerBecomesOps()
    {
        var id = await NewUserAsync("to.ops", AppRoles.Carrier, TicketApp.TelecomId);

        Assert.True((await Admin(h => h.ChangeRoleAsync(id, AppRoles.Ops, TicketApp.TelecomId, app.Admin))).IsSuccess);

        var actor = await app.Services.GetRequiredService<CurrentActors>().ResolveAsync(await CookieOfAsync("to.ops"));
        Assert.Equal((Role.Ops, (int?)null), (actor!.Role, actor.CarrierId));
    }

    // The security administrator may not disable or demote the last enabled system administrator (demo: admin).
    [Fact]
    public async Task DisableAndChangeRole_AreRefused_ForTheLastSystemAdministrator()
    {
        var adminId = await UserIdAsync("admin");

        var disabled = await Admin(h => h.DisableAsync(adminId, app.SecurityAdmin));
        var demoted = await Admin(h => h.ChangeRoleAsync(adminId, AppRoles.Leader, null, app.SecurityAdmin));

        Assert.Equal(A.LastSystemAdmin, disabled.Error);
        Assert.Equal(A.LastSystemAdmin, demoted.Error);
        await using var db = app.NewDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Id == adminId)).IsDisabled);
    }

    // 三员分立 on existing accounts: the system administrator cannot touch the auditor's account; nobody their own.
    [Fact]
    public async Task Changes_AreRefused_OnAccountsOfAnotherAdministratorsDuty_AndOnOnesOwn()
    {
        var auditorId = await UserIdAsync("auditor");
        var opsId = await UserIdAsync("ops");
        var secId = await UserIdAsync("secadmin");

        Assert.Equal(A.AdminRolesAreSecurityAdmins, (await Admin(h => h.DisableAsync(auditorId, app.Admin))).Error);
        Assert.Equal(A.AdminRolesAreSecurityAdmins, (await Admin(h => h.ResetPasswordAsync(auditorId, app.Admin))).Error);
        Assert.Equal(A.OrdinaryAccountsAreSystemAdmins, (await Admin(h => h.DisableAsync(opsId, app.SecurityAdmin))).Error);
        Assert.Equal(A.AdminRolesAreSecurityAdmins, (await Admin(h => h.ChangeRoleAsync(opsId, AppRoles.AuditAdmin, null, app.Admin))).Error);
        Assert.Equal(A.NotYourself, (await Admin(h => h.DisableAsync(secId, app.SecurityAdmin))).Error);
        Assert.Equal(A.NotAllowed, (await Admin(h => h.DisableAsync(opsId, app.AuditAdmin))).Error);
        Assert.Null(await Admin(h => h.ListAsync(app.AuditAdmin)));
    }

    // A reset ends open sessions, the old password stops working and the new one opens only the change-password page.
    [Fact]
    public async Task ResetPasswordAsync_RevokesSessions_AndForcesAChangeAtNextSignIn()
    {
        var id = await NewUserAsync("reset.me", AppRoles.Leader);
        var cookie = await CookieOfAsync("reset.me");

        var reset = await Admin(h => h.ResetPasswordAsync(id, app.Admin));
        app.Clock.Advance(CurrentActors.CacheWindow);

        Assert.True(reset.IsSuccess, reset.Error);
        Assert.Equal(PrincipalStanding.Revoked, await app.Services.GetRequiredService<CurrentActors>().StandingAsync(cookie));
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await HttpSignIn.PostLoginAsync(client, "reset.me", DemoData.Password)).StatusCode); // the old one: refused
        HttpAssert.RedirectsTo(client, await HttpSignIn.PostLoginAsync(client, "reset.me", reset.Value!.Password), PasswordChangeGate.ChangePasswordPath);
        Assert.Null(await app.Services.GetRequiredService<CurrentActors>().ResolveAsync(await CookieOfAsync("reset.me"))); // handlers refuse meanwhile
        var weak = await PostChangePasswordAsync(client, reset.Value.Password, "short");
        var refusal = WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync());
        Assert.Contains("新密码：至少 8 个字符。", refusal); // the policy's own messages (PasswordPolicyFacts has the rest)
        Assert.Contains("新密码：须包含大写字母、小写字母、数字、符号四类中的至少 3 类。", refusal);
        HttpAssert.RedirectsTo(client, await PostChangePasswordAsync(client, reset.Value.Password, "Leader#2026new"), "/board");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/board")).StatusCode);
    }

    [Fact]
    public async Task ListAsync_ShowsMasked_MobileNumbers()
    {
        await Admin(h => h.CreateAsync(new NewUser { DisplayName = "掩码", UserName = "mask.me", Mobile = "13812340015", Role = AppRoles.Ops }, app.Admin));

        var rows = await Admin(h => h.ListAsync(app.Admin));

        Assert.Equal("138****0015", rows!.Single(r => r.UserName == "mask.me").MaskedMobile);
    }

    private ClaimsPrincipal Principal(string by) => by switch
    {
        "SystemAdmin" => app.Admin,
        "SecurityAdmin" => app.SecurityAdmin,
        "AuditAdmin" => app.AuditAdmin,
        _ => app.Ops,
    };

    private async Task<string> NewUserAsync(string userName, string role, int? carrierId = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = "测试用户", CarrierId = carrierId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<ClaimsPrincipal> CookieOfAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user!);
    }

    private static async Task<HttpResponseMessage> PostChangePasswordAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetStringAsync(PasswordChangeGate.ChangePasswordPath);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync(PasswordChangeGate.ChangePasswordPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = next,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
