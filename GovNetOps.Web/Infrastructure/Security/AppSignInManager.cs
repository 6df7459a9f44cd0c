using GovNetOps.Web.Infrastructure.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity's sign-in with one more refusal: a disabled account (<see cref="ApplicationUser.IsDisabled"/>)
/// cannot sign in (the result is <see cref="SignInResult.NotAllowed"/>), whatever its password.</summary>
internal sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IdleSessions sessions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

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

    /// <summary>Signing out ends the session, so a copy of the cookie opens nothing either.</summary>
    public override async Task SignOutAsync()
    {
        await sessions.EndAsync(Context.User, "signed out");
        await base.SignOutAsync();
    }
}
