namespace GovNetOps.Web.Infrastructure.Timing;

/// <summary>Periodic work that never catches up. A periodic timer fires once for every period its clock passed, so a
/// clock that jumps — a test's fake clock moved on by a month, a host resumed after a suspend — fired a 30 s sweep
/// 86,400 times in a row (each one queueing a job) and a 2 s check over a million times. Every tick here is armed
/// one interval after the previous tick fired, on the injected clock: a jump of any length gives one tick, and
/// on a steady clock nothing changes. Every periodic timer and sweep loop in the app goes through this class.</summary>
public static class Ticks
{
    /// <summary>Calls <paramref name="tick"/> every <paramref name="interval"/> (first one interval from now) until
    /// the returned timer is disposed; a tick that falls behind is not repeated. Like any timer callback,
    /// <paramref name="tick"/> must not throw: hand work that can fail to the page or service that reports it.</summary>
    public static ITimer Every(this TimeProvider time, TimeSpan interval, Action tick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var rearming = new Rearming(interval, tick);
        // Armed only once the timer is known to its callback, so that the first tick can re-arm it.
        rearming.Timer = time.CreateTimer(static state => ((Rearming)state!).Fire(), rearming, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        rearming.Timer.Change(interval, Timeout.InfiniteTimeSpan);
        return rearming.Timer;
    }

    /// <summary>Waits one <paramref name="interval"/> on the injected clock; false once <paramref name="stoppingToken"/>
    /// is cancelled. The loop <c>while (await time.NextTickAsync(interval, token)) { … }</c> ticks once per interval
    /// after its body, however far the clock jumps meanwhile.</summary>
    public static async Task<bool> NextTickAsync(this TimeProvider time, TimeSpan interval, CancellationToken stoppingToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        try
        {
            await Task.Delay(interval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed class Rearming(TimeSpan interval, Action tick)
    {
        public ITimer? Timer { get; set; }

        public void Fire()
        {
            tick();
            // Armed after the tick, relative to the clock's now.
            try { Timer?.Change(interval, Timeout.InfiniteTimeSpan); }
            catch (ObjectDisposedException) { }
        }
    }
}
