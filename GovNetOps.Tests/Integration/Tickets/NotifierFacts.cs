using System.Diagnostics;
using System.Globalization;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>A writer returns when its transaction commits: subscribers (pages, the board, the scheduler) take the
/// committed fact on their own time, and a slow or broken one delays and breaks nothing.</summary>
public sealed class NotifierFacts(TicketApp app, ITestOutputHelper output) : IClassFixture<TicketApp>
{
    [Fact]
    public async Task ReportAsync_DoesNotWaitForASubscriberThatSleepsTwoSeconds()
    {
        var finished = new TaskCompletionSource<TicketChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = app.Services.GetRequiredService<Notifier<TicketChanged>>();
        using var slow = notifier.Subscribe(change =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(2)); // a page that blocks its thread: the worst kind
            finished.TrySetResult(change);
            return Task.CompletedTask;
        });

        var watch = Stopwatch.StartNew();
        var ticket = await app.NewTicketAsync(LocationClass.CountyDirect);
        var reportTook = watch.Elapsed;

        Assert.False(finished.Task.IsCompleted, $"ReportAsync returned after {reportTook.TotalMilliseconds:0} ms, only once the 2 s subscriber had finished");
        var delivered = await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"ReportAsync returned after {reportTook.TotalMilliseconds:0} ms; the sleeping subscriber finished after {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal((ticket.Id, ticket.Number, TicketTrigger.Report, 1), (delivered.TicketId, delivered.Number, delivered.Trigger, delivered.Version));
    }

    [Fact]
    public async Task ApplyAsync_Succeeds_WhenASubscriberThrows()
    {
        var notifier = app.Services.GetRequiredService<Notifier<TicketChanged>>();
        var other = new TaskCompletionSource<TicketChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("a broken page"));
        using var healthy = notifier.Subscribe(change =>
        {
            if (change.Trigger == TicketTrigger.Acknowledge)
            {
                other.TrySetResult(change);
            }

            return Task.CompletedTask;
        });
        var ticket = await app.NewTicketAsync(LocationClass.CountyDirect);

        var result = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.Acknowledge), app.Telecom);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(2, (await other.Task.WaitAsync(TimeSpan.FromSeconds(30))).Version);
    }

    // An English page subscribed in its circuit; a Chinese circuit (or a background job) writes: the page's
    // live refresh renders in English.
    [Fact]
    public async Task Publish_RunsEachSubscriberInTheCultureItSubscribedIn()
    {
        var notifier = app.Services.GetRequiredService<Notifier<TicketChanged>>();
        var seen = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        IDisposable english;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            english = notifier.Subscribe(_ =>
            {
                seen.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                return Task.CompletedTask;
            });
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            notifier.Publish(new TicketChanged(Guid.NewGuid(), "GZ-TEST", 1, TicketTrigger.Report, 1));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }

        using (english)
        {
            Assert.Equal(("en", "en"), await seen.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task Subscribe_StopsDelivering_OnceDisposed()
    {
        var notifier = app.Services.GetRequiredService<Notifier<TicketChanged>>();
        var seen = 0;
        var subscription = notifier.Subscribe(_ =>
        {
            Interlocked.Increment(ref seen);
            return Task.CompletedTask;
        });
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var other = notifier.Subscribe(_ =>
        {
            live.TrySetResult();
            return Task.CompletedTask;
        });
        subscription.Dispose();
        subscription.Dispose(); // twice is harmless

        notifier.Publish(new TicketChanged(Guid.NewGuid(), "GZ-TEST", 1, TicketTrigger.Report, 1));
        await live.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // had the disposed one been handed the fact too, it would have run by now

        Assert.Equal(0, Volatile.Read(ref seen));
    }
}
