using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Board;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Integration;

/// <summary>The shared snapshot over the real app and a real SQLite file, on a fake clock.</summary>
public sealed class BoardSnapshotServiceFacts : IAsyncLifetime
{
    /// <summary>Tuesday 2026-03-03 09:00 CST.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly GovNetOpsFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Time = _time;
        _factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private BoardSnapshotService Board => _factory.Services.GetRequiredService<BoardSnapshotService>();

    /// <summary>Runs <paramref name="act"/> and waits for the snapshot it causes.</summary>
    private async Task<BoardSnapshot> After(Func<TicketUseCases, Task> act, Func<BoardSnapshot, bool> until)
    {
        var published = new TaskCompletionSource<BoardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(BoardSnapshot s) { if (until(s)) { published.TrySetResult(s); } }
        Board.SnapshotChanged += OnChanged;
        try
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            await act(TicketUseCases.From(scope.ServiceProvider));
            return await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Board.SnapshotChanged -= OnChanged;
        }
    }

    private async Task<(Guid Id, int CarrierId)> ReportAsync(TicketUseCases tickets, int siteId)
    {
        var ops = await tickets.UserAsync("ops");
        var number = await tickets.ReportAsync(BoardActors.Fault(siteId, _time.GetUtcNow()), ops);
        Assert.True(number.IsSuccess, number.Error);
        var details = await tickets.FindAsync(number.Value!, ops);
        return (details!.Ticket.Id, details.Ticket.CarrierId);
    }

    [Fact]
    public async Task Report_PublishesASnapshotWithTheNewRow()
    {
        var before = await Board.CurrentAsync();
        Assert.Empty(before.Rows);

        var snapshot = await After(t => ReportAsync(t, 2), s => s.Rows.Count == 1);

        var row = Assert.Single(snapshot.Rows);
        Assert.Equal(TicketState.Reported, row.State);
        Assert.Equal(ClockKind.Response, row.Clock);
        Assert.Equal(Start.AddHours(1), row.Deadline);
        Assert.True(snapshot.Version > before.Version);
    }

    [Fact]
    public async Task Report_IsInTheFirstSnapshotPublishedAfterIt()
    {
        await Board.CurrentAsync();
        var first = new TaskCompletionSource<BoardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(BoardSnapshot s) => first.TrySetResult(s);
        await using var scope = _factory.Services.CreateAsyncScope();
        var tickets = TicketUseCases.From(scope.ServiceProvider);
        var ops = await tickets.UserAsync("ops");
        var form = BoardActors.Fault(2, _time.GetUtcNow());
        Board.SnapshotChanged += OnChanged;
        try
        {
            var number = await tickets.ReportAsync(form, ops);
            Assert.True(number.IsSuccess, number.Error);

            // Not a later one: a board must not wait for the next change to show this one.
            var snapshot = await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Contains(snapshot.Rows, r => r.Number == number.Value);
        }
        finally
        {
            Board.SnapshotChanged -= OnChanged;
        }
    }

    [Fact]
    public async Task Acknowledge_MovesTheRowToTheRepairClock_AndCountsTheResponseAsMet()
    {
        (Guid Id, int CarrierId) ticket = default;
        await After(async t => ticket = await ReportAsync(t, 2), s => s.Rows.Count == 1);
        _time.Advance(TimeSpan.FromMinutes(20));

        var snapshot = await After(async t =>
        {
            var applied = await t.ApplyAsync(ticket.Id, 1, new TicketCommand(TicketTrigger.Acknowledge), await t.CarrierUserAsync(ticket.CarrierId));
            Assert.True(applied.IsSuccess, applied.Error);
        }, s => s.Rows.Count == 1 && s.Rows[0].State == TicketState.Acknowledged);

        Assert.Equal(ClockKind.Repair, snapshot.Rows[0].Clock);
        var carrier = Assert.Single(snapshot.ByCarrier, g => g.ResponseDecided > 0);
        Assert.Equal((1, 1, 0, 0), (carrier.ResponseMet, carrier.ResponseDecided, carrier.RepairMet, carrier.RepairDecided));
        Assert.Equal(100, carrier.ResponseRate);
        Assert.Null(carrier.RepairRate); // the repair clock runs in time: no verdict yet
    }

    [Fact]
    public async Task Deadline_ReTakesTheSnapshot_WithoutAnyTicketChange()
    {
        await After(t => ReportAsync(t, 2), s => s.Rows.Count == 1);
        var published = new TaskCompletionSource<BoardSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first re-take may run at the warning instant; the one that matters comes past the deadline.
        Board.SnapshotChanged += s => { if (s.BreachedToday > 0) { published.TrySetResult(s); } };

        // Past the response deadline: the service's one timer fires, nobody polls.
        _time.Advance(TimeSpan.FromMinutes(61));
        var snapshot = await published.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, snapshot.BreachedToday);
        Assert.True(Assert.Single(snapshot.Rows).ResponseBreached);
        var carrier = Assert.Single(snapshot.ByCarrier, g => g.ResponseDecided > 0);
        Assert.Equal(0, carrier.ResponseRate); // overdue and still running counts as a breach
    }

    [Fact]
    public async Task ABoardThatThrows_IsLogged_AndTheOthersStillGetTheSnapshot()
    {
        // Boards take a snapshot on their own thread-pool work items: an exception there would take the process down.
        void Broken(BoardSnapshot _) => throw new InvalidOperationException("broken board");
        Board.SnapshotChanged += Broken;
        try
        {
            var snapshot = await After(t => ReportAsync(t, 2), s => s.Rows.Count == 1);

            Assert.Single(snapshot.Rows);
            var logged = await TicketDriver.EventuallyAsync(
                () => Task.FromResult(_factory.Logs.Lines.Where(l => l.Exception?.Contains("broken board") == true).ToList()),
                lines => lines.Count > 0, TimeSpan.FromSeconds(10), "the broken board's exception in the log");
            Assert.Contains(logged, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains($"snapshot {snapshot.Version}"));
        }
        finally
        {
            Board.SnapshotChanged -= Broken;
        }
    }

    [Fact]
    public async Task LanFaults_AreNotOnTheBoard()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var tickets = TicketUseCases.From(scope.ServiceProvider);
        var form = BoardActors.Fault(2, _time.GetUtcNow());
        form.Scope = FaultScope.Lan;

        var snapshot = await After(async t => Assert.True((await t.ReportAsync(form, await t.UserAsync("ops"))).IsSuccess), _ => true);

        Assert.Empty(snapshot.Rows);
    }
}
