using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>Every request the authorization middleware forbids (a signed-in user asking for a page, an export or the job
/// dashboard its roles do not allow) goes to the security log, then the default handling (the access-denied page).</summary>
internal sealed class DeniedRequestRecorder(SecurityEvents log) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            await log.RecordAsync(SecurityEventKind.AccessDenied, SecurityOutcome.Denied, context.User,
                context.Request.Path + context.Request.QueryString, DenialSources.Request, context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Placed in the router's NotAuthorized branch: a page refused inside an open page (navigation within the
/// circuit, where no request reaches the middleware) goes to the security log. Only when interactive: the same refusal
/// over a request was recorded by <see cref="DeniedRequestRecorder"/>.</summary>
public sealed class DeniedPageRecorder : ComponentBase
{
    [Inject] private SecurityEvents Log { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive || AuthState is null)
        {
            return;
        }

        var user = (await AuthState).User;
        if (user.Identity?.IsAuthenticated == true)
        {
            await Log.RecordAsync(SecurityEventKind.AccessDenied, SecurityOutcome.Denied, user,
                "/" + Navigation.ToBaseRelativePath(Navigation.Uri), DenialSources.Page);
        }
    }
}
