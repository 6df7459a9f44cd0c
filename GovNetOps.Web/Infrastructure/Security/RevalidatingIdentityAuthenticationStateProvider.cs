using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Re-checks a signed-in circuit against the account every few seconds, so a removed role, a changed
/// carrier, a lockout or a changed security stamp signs its open pages out (they then go to the sign-in page).
/// The handlers refuse such a session's actions on their own already (<see cref="CurrentActors"/>); this makes
/// the page follow.</summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    CurrentActors actors)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>With <see cref="CurrentActors.CacheWindow"/> (2 s) a revocation reaches an open page within 5 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await actors.StandingAsync(authenticationState.User, cancellationToken) != PrincipalStanding.Revoked;
}
