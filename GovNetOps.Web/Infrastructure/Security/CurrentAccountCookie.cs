using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Checks the sign-in cookie against the account on every request (through <see cref="CurrentActors"/>'
/// short cache) instead of Identity's 30-minute security-stamp check: a revoked cookie is rejected and signed out,
/// so the next page load goes to the sign-in page; a cookie that lacks a role granted since is re-issued, so page
/// policies (<see cref="AppPolicies"/>) see the roles as they are now.</summary>
internal static class CurrentAccountCookie
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        // Every cookie the app issues names its session (AppSignInManager); one without is from before sessions.
        if (principal.GetSessionId() is not { } session)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        var standing = await services.GetRequiredService<CurrentActors>().StandingAsync(principal, context.HttpContext.RequestAborted);
        if (standing == PrincipalStanding.Current)
        {
            return;
        }

        var user = standing == PrincipalStanding.Outdated
            ? await services.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(principal)
            : null;
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        var renewed = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)renewed.Identity!).AddClaim(new Claim(AppClaims.SessionId, session));
        context.ReplacePrincipal(renewed);
        context.ShouldRenew = true;
    }
}
