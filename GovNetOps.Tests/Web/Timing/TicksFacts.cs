using GovNetOps.Web.Infrastructure.Timing;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Web.Timing;

public sealed class TicksFacts
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_TicksOnce_WhenTheClockJumpsAMonth()
    {
        var time = new FakeTimeProvider(Start);
        var ticks = 0;
        using var timer = time.Every(TimeSpan.FromSeconds(30), () => ticks++);

        time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(1, ticks);
    }

    [Fact]
    public void Every_TicksOncePerInterval_OnASteadyClock_AndNotBeforeTheFirstInterval()
    {
        var time = new FakeTimeProvider(Start);
        var ticks = 0;
        using var timer = time.Every(TimeSpan.FromSeconds(30), () => ticks++);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, ticks);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(10, ticks);
    }

    [Fact]
    public void Every_Stops_WhenDisposed()
    {
        var time = new FakeTimeProvider(Start);
        var ticks = 0;
        var timer = time.Every(TimeSpan.FromSeconds(1), () => ticks++);

        time.Advance(TimeSpan.FromSeconds(1));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, ticks);
    }

    [Fact]
    public async Task NextTickAsync_ReturnsOnce_WhenTheClockJumpsAMonth_ThenWaitsAFullInterval_AndIsFalse_WhenStopped()
    {
        var time = new FakeTimeProvider(Start);
        using var stopping = new CancellationTokenSource();
        var interval = TimeSpan.FromSeconds(30);

        // The wait is armed on the fake clock before NextTickAsync returns its task.
        var first = time.NextTickAsync(interval, stopping.Token);
        time.Advance(TimeSpan.FromDays(30));
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));

        var second = time.NextTickAsync(interval, stopping.Token);
        time.Advance(interval - TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(10)));

        var third = time.NextTickAsync(interval, stopping.Token);
        await stopping.CancelAsync();
        Assert.False(await third.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
