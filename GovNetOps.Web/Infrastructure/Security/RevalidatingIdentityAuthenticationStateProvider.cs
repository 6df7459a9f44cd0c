using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Re-checks a signed-in circuit against the account every 2 s (by default), so a removed role, a changed
/// carrier, a lockout or a changed security stamp signs its open pages out (they then go to the sign-in page).
/// The handlers refuse such a session's actions on their own already (<see cref="CurrentActors"/>); this makes
/// the page follow. The re-check runs on the one shared timer of <see cref="CircuitRevalidator"/>, for all open
/// pages in one query, not on a loop of each circuit's own.</summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly CircuitRevalidator _revalidator;
    private readonly Lock _gate = new();
    private IDisposable? _watch;
    private long _version;

    public RevalidatingIdentityAuthenticationStateProvider(CircuitRevalidator revalidator)
    {
        _revalidator = revalidator;
        AuthenticationStateChanged += state => _ = WatchAsync(state, Interlocked.Increment(ref _version));
    }

    // The newest state is watched; a state replaced while it was still being resolved is not.
    private async Task WatchAsync(Task<AuthenticationState> state, long version)
    {
        ClaimsPrincipal user;
        try
        {
            user = (await state).User;
        }
        catch (Exception)
        {
            user = new ClaimsPrincipal(new ClaimsIdentity());
        }

        lock (_gate)
        {
            if (version != Interlocked.Read(ref _version))
            {
                return;
            }

            _watch?.Dispose();
            _watch = user.Identity?.IsAuthenticated == true ? _revalidator.Watch(user, SignOut) : null;
        }
    }

    private void SignOut() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    public void Dispose()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            _watch?.Dispose();
            _watch = null;
        }
    }
}
