using System.Security.Claims;
using Microsoft.Extensions.Options;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Re-checks every open page (Blazor circuit) against its account on ONE timer, every
/// <see cref="SecurityOptions.CircuitRevalidationInterval"/>: the accounts of all open pages are read in one query
/// (<see cref="CurrentActors.StandingsAsync"/>) and each revoked page is signed out. An idle page then costs the
/// server nothing of its own between two checks (a timer and a task per page, as the framework's per-circuit loop
/// has, woke the server for every open board every interval), and a revocation still reaches every open page within
/// the interval plus <see cref="CurrentActors.CacheWindow"/>.</summary>
public sealed class CircuitRevalidator : IDisposable
{
    private readonly CurrentActors _actors;
    private readonly ILogger<CircuitRevalidator> _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly HashSet<Watched> _watched = [];
    private int _running;

    public CircuitRevalidator(CurrentActors actors, TimeProvider time, IOptions<SecurityOptions> options, ILogger<CircuitRevalidator> logger)
    {
        _actors = actors;
        _logger = logger;
        var interval = options.Value.CircuitRevalidationInterval;
        _timer = time.Every(interval, () => _ = CheckAllAsync());
    }

    /// <summary>How many open pages are watched (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _watched.Count;
            }
        }
    }

    /// <summary>Watches the page signed in as <paramref name="user"/> until the returned handle is disposed;
    /// <paramref name="signOut"/> runs once, on a thread-pool thread, when the account no longer stands behind it.</summary>
    public IDisposable Watch(ClaimsPrincipal user, Action signOut)
    {
        var watch = new Watched(this, user, signOut);
        lock (_gate)
        {
            _watched.Add(watch);
        }
        return watch;
    }

    /// <summary>One round: every watched page against its account. A round still running when the timer fires again
    /// is not doubled.</summary>
    public async Task CheckAllAsync()
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            Watched[] watched;
            lock (_gate)
            {
                watched = [.. _watched];
            }
            if (watched.Length == 0)
            {
                return;
            }

            IReadOnlyList<PrincipalStanding> standings;
            try
            {
                standings = await _actors.StandingsAsync([.. watched.Select(w => w.User)]);
            }
            catch (Exception ex)
            {
                // As the framework's own re-check does: a page whose account cannot be checked is signed out.
                _logger.LogError(ex, "Could not re-check {Count} open pages against their accounts; signing them out", watched.Length);
                standings = [.. watched.Select(_ => PrincipalStanding.Revoked)];
            }

            for (var i = 0; i < watched.Length; i++)
            {
                if (standings[i] == PrincipalStanding.Revoked)
                {
                    watched[i].Revoke();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private void Remove(Watched watch)
    {
        lock (_gate)
        {
            _watched.Remove(watch);
        }
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Watched(CircuitRevalidator owner, ClaimsPrincipal user, Action signOut) : IDisposable
    {
        private int _done;

        public ClaimsPrincipal User => user;

        public void Revoke()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Remove(this);
                signOut();
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _done, 1);
            owner.Remove(this);
        }
    }
}
