namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>A signed-in user with a temporary password (new account, reset by an administrator) is sent to the
/// change-password page by every page request until it chooses its own; the handlers refuse its actions meanwhile
/// (<see cref="CurrentActors.ResolveAsync"/>). An administrator the policy requires to use a second factor is sent to
/// its enrolment the same way.</summary>
public static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";
    public const string MfaPath = "/account/mfa";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.Identity?.IsAuthenticated == true
                && HttpMethods.IsGet(context.Request.Method)
                && !path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                && !Path.HasExtension(path.Value))
            {
                var actors = context.RequestServices.GetRequiredService<CurrentActors>();
                if (await actors.MustChangePasswordAsync(context.User, context.RequestAborted))
                {
                    context.Response.Redirect(ChangePasswordPath);
                    return;
                }
                // An administrator without the second factor the policy requires enrols it first.
                if (await actors.MustEnrolMfaAsync(context.User, context.RequestAborted))
                {
                    context.Response.Redirect(MfaPath);
                    return;
                }
            }
            await next(context);
        });

    /// <summary>A page request by a signed-in person is activity of its session (<see cref="IdleSessions"/>); the
    /// circuit's own traffic and static files are not.</summary>
    public static IApplicationBuilder UseSessionActivity(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.Identity?.IsAuthenticated == true
                && HttpMethods.IsGet(context.Request.Method)
                && !path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                && !Path.HasExtension(path.Value))
            {
                await context.RequestServices.GetRequiredService<IdleSessions>().TouchAsync(context.User, context.RequestAborted);
            }
            await next(context);
        });
}
