using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Features.Account;

/// <summary>Where a person goes once the sign-in is complete — after the password, or after the password and the
/// authenticator code: refused (and signed out again) before the security and audit administrators exist unless an
/// administrator; to the password change when the password is temporary or too old; else to the page asked for or the
/// role's landing page. One place for both sign-in pages.</summary>
public sealed class SignInLanding(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AdministratorSeparation separation,
    AccountPolicyStore policies,
    TimeProvider time,
    ILogger<SignInLanding> logger)
{
    /// <summary>The path to go to, or the error to show (the person is signed out again).</summary>
    public async Task<(string? Path, string? Error)> NextAsync(string userName, string? returnUrl)
    {
        var user = await users.FindByNameAsync(userName);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        if (!roles.Any(AppRoles.Administrators.Contains) && !await separation.IsCompleteAsync())
        {
            await signIn.SignOutAsync();
            logger.LogWarning("Sign-in refused: {User} before the security and audit administrators exist", userName);
            return (null, Resources.Accounts.LoginSeparationIncomplete);
        }
        logger.LogInformation("{User} signed in", userName);
        if (user is { PasswordChangedAt: null })
        {
            // A password from before ages were kept starts its age now (Security:Passwords:MaxAgeDays).
            user.PasswordChangedAt = time.GetUtcNow();
            await users.UpdateAsync(user);
        }
        if (user is not null && (user.MustChangePassword || (await policies.CurrentAsync()).IsExpired(user.PasswordChangedAt, time.GetUtcNow())))
        {
            return (PasswordChangeGate.ChangePasswordPath, null);
        }
        return (IsLocal(returnUrl) ? returnUrl! : AppClaims.LandingPage(roles.Contains), null);
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
        && !url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase);
}
