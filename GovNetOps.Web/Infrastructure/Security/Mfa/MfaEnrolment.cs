using System.Globalization;
using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.SecurityLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace GovNetOps.Web.Infrastructure.Security.Mfa;

/// <summary>Enrolling the authenticator app (<c>/account/mfa</c>): a key is made once and kept until the code typed back
/// from the app proves the app holds it; then two-factor sign-in is on and ten recovery codes are shown once. Enabling
/// and renewing the codes go to the security log. The key is set through the store, not Identity's reset (which would
/// change the security stamp and so sign the person out in the middle of enrolling); enabling changes the stamp, and the
/// page's own cookie is re-issued with it.</summary>
public sealed class MfaEnrolment(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IUserStore<ApplicationUser> store,
    CurrentActors actors,
    SecurityEvents securityLog,
    AccountPolicyStore policies,
    IOptions<SecurityOptions> options)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>What the page shows.</summary>
    public sealed record State(bool Enabled, bool Required, string GroupedKey, string QrDataUri, int RecoveryCodesLeft, string Landing);

    public async Task<State?> StateAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        var landing = AppClaims.LandingPage(roles.Contains);
        var required = (await policies.CurrentAsync()).MfaRequiredForAdministrators && roles.Any(AppRoles.Administrators.Contains);
        if (user.TwoFactorEnabled)
        {
            return new State(true, required, "", "", await users.CountRecoveryCodesAsync(user), landing);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }
        var issuer = options.Value.Mfa.Issuer;
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new State(false, required, Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png), 0, landing);
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="typed"/> is the app's current code; the recovery codes,
    /// or the message to show.</summary>
    public async Task<(IReadOnlyList<string>? Codes, string? Error)> EnableAsync(ClaimsPrincipal principal, string typed)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return (null, Resources.Accounts.MfaWrongCode);
        }
        if (TotpTokenProvider.Normalise(typed) is not { } code
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return (null, Resources.Accounts.MfaWrongCode);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        actors.Forget(user.Id);
        await signIn.RefreshSignInAsync(user);
        await securityLog.RecordAsync(SecurityEventKind.UserChange, SecurityOutcome.Success, user.Id, user.UserName ?? "",
            string.Join(',', await users.GetRolesAsync(user)), "/account/mfa", SignInReasons.MfaEnabled);
        return (codes, null);
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>?> RenewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { TwoFactorEnabled: true } user)
        {
            return null;
        }
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await securityLog.RecordAsync(SecurityEventKind.UserChange, SecurityOutcome.Success, user.Id, user.UserName ?? "",
            string.Join(',', await users.GetRolesAsync(user)), "/account/mfa", SignInReasons.RecoveryCodesRenewed);
        return codes;
    }

    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
