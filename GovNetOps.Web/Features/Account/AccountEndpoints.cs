using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();

        // The page's idle warning ran out (wwwroot/js/idle.js): sign out if the server has not already, and say why.
        endpoints.MapPost("/account/idle-signout", async (HttpContext http, SignInManager<ApplicationUser> signIn) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await ((AppSignInManager)signIn).SignOutIdleAsync();
            }
            return Results.LocalRedirect("/account/login?idle=1");
        }).AllowAnonymous();

        // Keyboard, mouse or touch in an open page, reported at most every few seconds: the session lives on and the
        // page learns how long it has. 401 once the session has ended or idled out.
        endpoints.MapPost("/account/activity", async (HttpContext http, IdleSessions sessions, AccountPolicyStore policies) =>
        {
            if (await sessions.TouchAsync(http.User, http.RequestAborted) is { } left)
            {
                return Results.Json(new { remainingSeconds = (int)left.TotalSeconds, warningSeconds = (int)(await policies.CurrentAsync(http.RequestAborted)).IdleWarning.TotalSeconds });
            }
            // A bare 401 for the page's script, not the not-found page the status-code pages would render.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }
}
