using System.Globalization;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace GovNetOps.Web.Infrastructure.Security.Mfa;

/// <summary>The authenticator app's six-digit codes (TOTP, RFC 6238, 30 s steps; 等保 8.1.4.1 d: two factors for the
/// administrators). Otp.NET computes the codes against the injected clock (Identity's own provider reads the system
/// clock); the shared key is Identity's authenticator key (AspNetUserTokens). A code is accepted one step either side
/// of now (a phone's clock a little off) and only once: the step it matched is kept, and a code of that step or an
/// earlier one is refused, so a code seen over someone's shoulder cannot be replayed.</summary>
public sealed class TotpTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "GovNetOpsTotp";
    private const string LoginProvider = "[GovNetOpsTotp]";
    private const string LastStepToken = "LastStep";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        HasKeyAsync(manager, user);

    /// <summary>Codes come from the person's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var code = Normalise(token);
        if (code is null || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key), step: 30, mode: OtpHashMode.Sha1, totpSize: 6);
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            return false;
        }

        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The six digits of what was typed (spaces and dashes as the app groups them are ignored); null otherwise.</summary>
    public static string? Normalise(string? typed)
    {
        var digits = new string((typed ?? "").Where(c => c is not (' ' or '-' or '\u3000')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static async Task<bool> HasKeyAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user)) && await manager.GetTwoFactorEnabledAsync(user);
}
