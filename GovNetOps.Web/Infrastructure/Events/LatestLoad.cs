namespace GovNetOps.Web.Infrastructure.Events;

/// <summary>
/// For a live component that reloads on a <see cref="Notifier{T}"/>: reloads can overlap (the first load with a
/// fact that arrives during it, or two facts), and their results can come back in either order. Each load takes a
/// number when it starts; only the newest started load may apply its result, so a slow older read never overwrites
/// a newer one. A component subscribes <em>before</em> its first load, so a fact committed while that load runs is
/// never missed: either the first load reads it, or the reload it triggers does.
/// </summary>
public sealed class LatestLoad
{
    private long _started;

    /// <summary>Starts a load: the number to pass to <see cref="IsNewest"/> when its result is back.</summary>
    public long Begin() => Interlocked.Increment(ref _started);

    /// <summary>True when no load started after <paramref name="load"/>: its result may be shown.</summary>
    public bool IsNewest(long load) => Interlocked.Read(ref _started) == load;
}
