using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity's sign-in with one more refusal: a disabled account (<see cref="ApplicationUser.IsDisabled"/>)
/// cannot sign in (the result is <see cref="SignInResult.NotAllowed"/>), whatever its password. Every password sign-in
/// (success, or failure with its reason), every lockout it causes and every sign-out goes to the security log.</summary>
internal sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SecurityEvents securityLog,
    IdleSessions sessions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The authenticator code after the password: success and failure go to the security log.</summary>
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await LogSecondFactorAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient), SignInReasons.SecondFactor);

    /// <summary>A recovery code instead of the authenticator code: logged the same way.</summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await LogSecondFactorAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode), SignInReasons.RecoveryCode);

    private async Task<SignInResult> LogSecondFactorAsync(ApplicationUser? user, SignInResult result, string how)
    {
        if (user is null)
        {
            return result;
        }
        var roles = string.Join(',', await UserManager.GetRolesAsync(user));
        await securityLog.RecordAsync(result.Succeeded ? SecurityEventKind.SignIn : SecurityEventKind.SignInFailed,
            result.Succeeded ? SecurityOutcome.Success : SecurityOutcome.Failure, user.Id, user.UserName ?? "", roles, "/account/login-mfa",
            result.Succeeded ? how : result.IsLockedOut ? SignInReasons.LockedOut : SignInReasons.WrongSecondFactor);
        return result;
    }

    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            var unknown = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
            await securityLog.RecordAsync(SecurityEventKind.SignInFailed, SecurityOutcome.Failure, "", userName, "", "/account/login", SignInReasons.UnknownUser);
            return unknown;
        }

        var lockedBefore = await UserManager.IsLockedOutAsync(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var roles = string.Join(',', await UserManager.GetRolesAsync(user));
        var name = user.UserName ?? userName;
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await securityLog.RecordAsync(SecurityEventKind.SignIn, SecurityOutcome.Success, user.Id, name, roles, "/account/login",
                result.RequiresTwoFactor ? SignInReasons.SecondFactorRequired : "");
            return result;
        }

        var reason = result.IsNotAllowed ? SignInReasons.Disabled : result.IsLockedOut && lockedBefore ? SignInReasons.LockedOut : SignInReasons.WrongPassword;
        await securityLog.RecordAsync(SecurityEventKind.SignInFailed, SecurityOutcome.Failure, user.Id, name, roles, "/account/login", reason);
        if (result.IsLockedOut && !lockedBefore)
        {
            // This failure locked the account.
            var until = await UserManager.GetLockoutEndDateAsync(user);
            await securityLog.RecordAsync(SecurityEventKind.Lockout, SecurityOutcome.Denied, user.Id, name, roles, "/account/login",
                until is { } end ? GovNetOps.Domain.Common.ChinaTime.Format(end) : "");
        }
        return result;
    }

    /// <summary>Every cookie belongs to a session (<see cref="IdleSessions"/>): a sign-in starts one; re-issuing the
    /// cookie of the same user (after a password change) keeps the one it had.</summary>
    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var current = Context.User;
        var session = current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id ? current.GetSessionId() : null;
        session ??= await sessions.StartAsync(user.Id);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims.Where(c => c.Type != AppClaims.SessionId), new Claim(AppClaims.SessionId, session)]);
    }

    /// <summary>The page's idle warning ran out (<c>wwwroot/js/idle.js</c>): the session ends as timed out, and the
    /// security log says so (等保 8.1.4.1 b) rather than recording a sign-out the person did not make.</summary>
    public async Task SignOutIdleAsync()
    {
        var user = Context.User;
        await sessions.EndAsync(user, "idle");
        await base.SignOutAsync();
        if (user.Identity?.IsAuthenticated == true)
        {
            await securityLog.RecordAsync(SecurityEventKind.SessionExpired, SecurityOutcome.Success, user, "/account/idle-signout", IdleSessions.IdleDetail);
        }
    }

    /// <summary>Signing out ends the session, so a copy of the cookie opens nothing either; it goes to the security log.</summary>
    public override async Task SignOutAsync()
    {
        var user = Context.User;
        await sessions.EndAsync(user, "signed out");
        await base.SignOutAsync();
        if (user.Identity?.IsAuthenticated == true)
        {
            await securityLog.RecordAsync(SecurityEventKind.SignOut, SecurityOutcome.Success, user, "/account/logout");
        }
    }
}
