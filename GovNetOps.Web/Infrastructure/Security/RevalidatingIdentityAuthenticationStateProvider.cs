using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Re-checks a signed-in circuit against the account every 2 s (by default), so a removed role, a changed
/// carrier, a lockout or a changed security stamp signs its open pages out (they then go to the sign-in page).
/// The handlers refuse such a session's actions on their own already (<see cref="CurrentActors"/>); this makes
/// the page follow.</summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    CurrentActors actors,
    IOptions<SecurityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary><see cref="SecurityOptions.CircuitRevalidationInterval"/>: with <see cref="CurrentActors.CacheWindow"/>
    /// a revocation reaches an open page within their sum.</summary>
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await actors.StandingAsync(authenticationState.User, cancellationToken) != PrincipalStanding.Revoked;
}
