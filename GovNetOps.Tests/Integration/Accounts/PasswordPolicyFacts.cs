using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Admin.Security;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Accounts;

/// <summary>Issue 14 item 4: password complexity (3 of 4 classes), no reuse of the last 5, expiry after 90 days with
/// the forced change at the next sign-in, and the security administrator's settings page behind them.</summary>
public sealed partial class PasswordPolicyFacts(TicketApp app) : IClassFixture<TicketApp>
{
    [Theory]
    [InlineData("Ab1!xyz", PasswordPolicyValidator.TooShort, "新密码：至少 8 个字符。")]
    [InlineData("abcdefgh", PasswordPolicyValidator.TooFewClasses, "新密码：须包含大写字母、小写字母、数字、符号四类中的至少 3 类。")]
    [InlineData("abcdefg1", PasswordPolicyValidator.TooFewClasses, "新密码：须包含大写字母、小写字母、数字、符号四类中的至少 3 类。")]
    [InlineData("ABCDEFGH", PasswordPolicyValidator.TooFewClasses, "新密码：须包含大写字母、小写字母、数字、符号四类中的至少 3 类。")]
    public async Task ChangePasswordAsync_RefusesInChinese_WhenTooShortOrTooFewClasses(string password, string code, string message)
    {
        using var culture = new UiCulture("zh-CN");
        var (users, user) = await NewUserAsync($"weak.{Math.Abs(password.GetHashCode(StringComparison.Ordinal))}");

        var result = await users.ChangePasswordAsync(user, DemoData.Password, password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, message), (error.Code, error.Description));
    }

    [Theory]
    [InlineData("Abcdefg1")]   // upper, lower, digit
    [InlineData("abcdefg1!")]  // lower, digit, symbol
    [InlineData("ABCD-1234")]  // upper, digit, symbol
    public async Task ChangePasswordAsync_Accepts_WhenThreeClassesAndEightCharacters(string password)
    {
        var (users, user) = await NewUserAsync($"strong.{Math.Abs(password.GetHashCode(StringComparison.Ordinal))}");

        var result = await users.ChangePasswordAsync(user, DemoData.Password, password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    // The current password and the four before it are refused; the sixth back may be chosen again.
    [Fact]
    public async Task ChangePasswordAsync_RefusesTheLastFivePasswords_AndAcceptsTheSixth()
    {
        using var culture = new UiCulture("zh-CN");
        var (users, user) = await NewUserAsync("history.user");
        string[] passwords = ["History#01", "History#02", "History#03", "History#04", "History#05"];
        var current = DemoData.Password;
        foreach (var next in passwords)
        {
            Assert.True((await users.ChangePasswordAsync(user, current, next)).Succeeded);
            current = next;
        }

        foreach (var recent in passwords)
        {
            var refused = await users.ChangePasswordAsync(user, current, recent);
            Assert.Equal("新密码：不能与最近 5 次使用过的密码相同，请换一个。", Assert.Single(refused.Errors).Description);
        }
        Assert.True((await users.ChangePasswordAsync(user, current, DemoData.Password)).Succeeded); // six passwords back
        await using var db = app.NewDbContext();
        Assert.Equal(7, await db.PasswordHistory.CountAsync(h => h.UserId == user.Id)); // creation + 6 changes, as hashes
        Assert.DoesNotContain(await db.PasswordHistory.Where(h => h.UserId == user.Id).Select(h => h.PasswordHash).ToListAsync(),
            h => h.Contains("History", StringComparison.Ordinal));
    }

    // Day 89 signs in to the start page; day 90 is sent to the change-password page, nothing else opens and the
    // handlers refuse the account; a new password opens the console again and restarts the age.
    [Fact]
    public async Task SignIn_ForcesAPasswordChange_WhenThePasswordIs90DaysOld()
    {
        var (_, user) = await NewUserAsync("expiring.ops");
        app.Clock.Advance(TimeSpan.FromDays(89));
        using (var fresh = NewClient())
        {
            HttpAssert.RedirectsTo(fresh, await HttpSignIn.PostLoginAsync(fresh, "expiring.ops", DemoData.Password), "/tickets");
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        using var client = NewClient();
        HttpAssert.RedirectsTo(client, await HttpSignIn.PostLoginAsync(client, "expiring.ops", DemoData.Password), PasswordChangeGate.ChangePasswordPath);
        HttpAssert.RedirectsTo(client, await client.GetAsync("/tickets"), PasswordChangeGate.ChangePasswordPath);
        Assert.Contains("您的密码已使用满 90 天", WebUtility.HtmlDecode(await client.GetStringAsync(PasswordChangeGate.ChangePasswordPath)));
        Assert.Null(await app.WithServiceAsync<CurrentActors, GovNetOps.Domain.Common.Actor?>(async a => await a.ResolveAsync(await CookieOfAsync(user))));

        Assert.Equal(HttpStatusCode.Redirect, (await PostChangePasswordAsync(client, DemoData.Password, "Renewed#2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets")).StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(app.Clock.GetUtcNow(), (await db.Users.SingleAsync(u => u.Id == user.Id)).PasswordChangedAt);
    }

    [Fact]
    public async Task SaveAsync_PutsTheSecurityAdministratorsRulesInForce_AndAuditsThem()
    {
        using var culture = new UiCulture("zh-CN");
        var saved = await Handler(h => h.SaveAsync(new SecurityPolicyInput
        {
            MinimumLength = 12, RequiredClasses = 4, History = 5, MaxAgeDays = 60, IdleTimeoutMinutes = 15, IdleWarningSeconds = 60,
        }, app.SecurityAdmin));
        try
        {
            Assert.True(saved.IsSuccess, saved.Error);
            var (users, user) = await NewUserAsync("twelve.chars");
            var refused = await users.ChangePasswordAsync(user, DemoData.Password, "Abcdefg1!");
            Assert.Equal("新密码：至少 12 个字符。", Assert.Single(refused.Errors).Description);
            Assert.True((await users.ChangePasswordAsync(user, DemoData.Password, "Abcdefgh123!")).Succeeded);

            await using var db = app.NewDbContext();
            var audit = await db.ChangeRecords.SingleAsync(r => r.EntityType == SecurityPolicyHandler.EntityType);
            Assert.Equal(("Updated", "SecurityAdmin"), (audit.Action, audit.Role));
            Assert.Contains("\"MinimumLength\":\"8\"", audit.Before, StringComparison.Ordinal);
            Assert.Contains("\"MinimumLength\":\"12\"", audit.After, StringComparison.Ordinal);
            Assert.Contains("\"IdleTimeout\":\"900\"", audit.After, StringComparison.Ordinal);
            Assert.DoesNotContain("History", audit.After, StringComparison.Ordinal); // unchanged fields are not repeated
            var view = await Handler(h => h.GetAsync(app.SecurityAdmin));
            Assert.Equal((12, 4, 60, TimeSpan.FromMinutes(15), false), (view!.Policy.MinimumLength, view.Policy.RequiredClasses, view.Policy.MaxAgeDays, view.Policy.IdleTimeout, view.IsDefault));
        }
        finally
        {
            await using var db = app.NewDbContext();
            await db.SecuritySettings.ExecuteDeleteAsync();
            app.Services.GetRequiredService<AccountPolicyStore>().Forget();
        }
    }

    // 三员分立: the rules are the security administrator's alone.
    [Theory]
    [InlineData("SystemAdmin")]
    [InlineData("AuditAdmin")]
    [InlineData("Ops")]
    public async Task SaveAsync_Refuses_WhenNotTheSecurityAdministrator(string by)
    {
        var principal = by switch { "SystemAdmin" => app.Admin, "AuditAdmin" => app.AuditAdmin, _ => app.Ops };

        var saved = await Handler(h => h.SaveAsync(new SecurityPolicyInput
        {
            MinimumLength = 8, RequiredClasses = 3, History = 0, MaxAgeDays = 365, IdleTimeoutMinutes = 120, IdleWarningSeconds = 60,
        }, principal));

        Assert.False(saved.IsSuccess);
        Assert.Null(await Handler(h => h.GetAsync(principal)));
        await using var db = app.NewDbContext();
        Assert.False(await db.SecuritySettings.AnyAsync());
    }

    [Theory]
    [InlineData(7, 3, 5, 90, 30, 60, "最短长度：须为 8 至 64 之间的整数。")]
    [InlineData(8, 2, 5, 90, 30, 60, "字符类别：须为 3 或 4。")]
    [InlineData(8, 3, 25, 90, 30, 60, "不得重复的最近密码数：须为 0 至 24。")]
    [InlineData(8, 3, 5, 0, 30, 60, "密码有效期：须为 1 至 365 天。")]
    [InlineData(8, 3, 5, 90, 121, 60, "闲置超时：须为 1 至 120 分钟。")]
    [InlineData(8, 3, 5, 90, 1, 60, "闲置提醒：须至少 10 秒，且短于闲置超时。")]
    public async Task SaveAsync_RefusesNamingTheField_WhenOutOfBounds(int length, int classes, int history, int days, int idle, int warning, string message)
    {
        using var culture = new UiCulture("zh-CN");

        var saved = await Handler(h => h.SaveAsync(new SecurityPolicyInput
        {
            MinimumLength = length, RequiredClasses = classes, History = history, MaxAgeDays = days, IdleTimeoutMinutes = idle, IdleWarningSeconds = warning,
        }, app.SecurityAdmin));

        Assert.Equal(message, saved.Error);
        await using var db = app.NewDbContext();
        Assert.False(await db.SecuritySettings.AnyAsync());
    }

    [Theory]
    [InlineData("Security:Passwords:MinimumLength", "6", "Security:Passwords:MinimumLength is 6; it must be from 8 to 64.")]
    [InlineData("Security:Passwords:RequiredCharacterClasses", "2", "Security:Passwords:RequiredCharacterClasses is 2; it must be 3 or 4")]
    [InlineData("Security:Sessions:IdleWarning", "00:40:00", "Security:Sessions:IdleWarning is 00:40:00; it must be more than 0 and less than Security:Sessions:IdleTimeout (00:30:00).")]
    public async Task Startup_RefusesNamingTheSetting_WhenADefaultIsBelowTheBaseline(string key, string value, string message)
    {
        await using var bad = new GovNetOpsFactory();
        bad.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private Task<TResult> Handler<TResult>(Func<SecurityPolicyHandler, Task<TResult>> action) => app.WithServiceAsync(action);

    private HttpClient NewClient() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(UserManager<ApplicationUser> Users, ApplicationUser User)> NewUserAsync(string userName)
    {
        var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = "测试用户" };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Ops)).Succeeded);
        return (users, user);
    }

    private async Task<ClaimsPrincipal> CookieOfAsync(ApplicationUser user)
    {
        using var scope = app.Services.CreateScope();
        var fresh = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(fresh!);
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

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
