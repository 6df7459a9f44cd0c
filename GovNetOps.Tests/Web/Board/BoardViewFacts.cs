using Bunit;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Domain;
using GovNetOps.Web.Features.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Web.Board;

public sealed class BoardViewFacts : BunitTestContext
{
    private readonly FakeTimeProvider _time = new(T0);

    public BoardViewFacts()
    {
        Services.AddSingleton<TimeProvider>(_time);
        // The maintenance panels have facts of their own (Integration/Maintenance, Browser/MaintenanceBrowserFacts).
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.MaintenanceWindowsPanel>();
        // So has the 断网整改中 panel (Web/Applications/DisconnectedSitesPanelFacts over the real app).
        ComponentFactories.AddStub<GovNetOps.Web.Features.Applications.Findings.DisconnectedSitesPanel>();
    }

    private IRenderedComponent<BoardView> RenderAt(DateTimeOffset now, BoardSnapshot snapshot)
    {
        _time.SetUtcNow(now);
        return Render<BoardView>(p => p.Add(v => v.Snapshot, snapshot));
    }

    /// <summary>The rows as the browser shows them: by their CSS order, then their order in the page.</summary>
    private static string[] Numbers(IRenderedComponent<BoardView> cut) =>
        cut.FindAll("[data-testid=board-row]")
            .Select((r, i) => (Number: r.GetAttribute("data-number")!, Order: int.Parse(r.GetAttribute("style")!.Replace("order:", ""), System.Globalization.CultureInfo.InvariantCulture), Index: i))
            .OrderBy(r => r.Order).ThenBy(r => r.Index).Select(r => r.Number).ToArray();

    [Fact]
    public void Rows_AreOrderedByTimeLeft()
    {
        var now = T0 + M(70);
        var snapshot = BoardSamples.Snapshot(now,
            BoardSamples.Row(TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(5)), "township", now, 1),
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)), "county", now, 2),
            BoardSamples.Row(TicketBuilder.Backbone(), "overdue", now, 3),
            BoardSamples.Row(TicketBuilder.Backbone(LocationClass.CoreRoom).Acknowledged(M(5)), "core", now, 4));

        var cut = RenderAt(now, snapshot);

        Assert.Equal(["overdue", "county", "core", "township"], Numbers(cut));
        // In the page they stay in report order (all reported at T0 here, so by number): a change never moves other rows.
        Assert.Equal(["core", "county", "overdue", "township"], cut.FindAll("[data-testid=board-row]").Select(r => r.GetAttribute("data-number")!).ToArray());
    }

    // An unacknowledged fault reported at T0: response deadline T0+1h, warning rung (80 %) at T0+48min.
    [Theory]
    [InlineData(48 * 60 - 1, "OnTrack", "0:12:01")]
    [InlineData(48 * 60, "Warning", "0:12:00")]
    [InlineData(60 * 60, "Warning", "0:00:00")]
    [InlineData(60 * 60 + 1, "Breached", "超时 0:00:01")]
    public void Row_IsColouredAtTheThresholds(int secondsAfterReport, string state, string countdown)
    {
        var snapshot = BoardSamples.Snapshot(T0, BoardSamples.Row(TicketBuilder.Backbone(), "GZ-1", T0));

        var cut = RenderAt(T0.AddSeconds(secondsAfterReport), snapshot);

        var row = cut.Find("[data-testid=board-row]");
        Assert.Equal(state, row.GetAttribute("data-state"));
        Assert.Equal(countdown, row.QuerySelector("[data-testid=countdown]")!.TextContent);
        // The browser ticks from the same instants.
        Assert.Equal((T0 + H(1)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-deadline"));
        // … and flips the colour at the instants the server computed (ClockSignal), restating no rule.
        Assert.Equal((T0 + M(48)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetAttribute("data-warning-from"));
        Assert.Equal((T0 + H(1)).ToUnixTimeMilliseconds() + 1, long.Parse(row.GetAttribute("data-breach-from")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Row_TurnsRed_WhenRenderedAgainAfterTheDeadline()
    {
        var snapshot = BoardSamples.Snapshot(T0, BoardSamples.Row(TicketBuilder.Backbone(), "GZ-1", T0));
        var cut = RenderAt(T0 + M(10), snapshot);
        Assert.Equal("OnTrack", cut.Find("[data-testid=board-row]").GetAttribute("data-state"));

        // Past the deadline the service re-takes the snapshot (its threshold timer); the row now records the breach.
        _time.Advance(H(1));
        var retaken = BoardSamples.Snapshot(_time.GetUtcNow(), BoardSamples.Row(TicketBuilder.Backbone(), "GZ-1", _time.GetUtcNow())) with { Version = 2 };
        cut.Render(p => p.Add(v => v.Snapshot, retaken));

        Assert.Equal("Breached", cut.Find("[data-testid=board-row]").GetAttribute("data-state"));
        Assert.Equal("1", cut.Find("[data-testid=count-breached] .board-count-value").TextContent);
    }

    [Fact]
    public void Counts_ShowOpenWarningBreachedNowAndToday()
    {
        var now = T0 + M(100);
        var snapshot = new BoardSnapshot(3, now,
        [
            BoardSamples.Row(TicketBuilder.Backbone(), "overdue", now, 1),                              // response overdue
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)), "warning", now, 2),          // repair at 83 %
            BoardSamples.Row(TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(5)), "fine", now, 3),
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)), "paused", now, 4),
        ], 4, [], []);

        var cut = RenderAt(now, snapshot);

        string Count(string kind) => cut.Find($"[data-testid=count-{kind}] .board-count-value").TextContent;
        Assert.Equal("4", Count("open"));
        Assert.Equal("1", Count("warning"));
        Assert.Equal("1", Count("breached"));
        Assert.Equal("4", Count("today"));
        Assert.Equal("3", cut.Find("[data-testid=board]").GetAttribute("data-snapshot-version"));
    }

    [Fact]
    public void SuspendedAndComplexFaults_AreMarked()
    {
        var now = T0 + H(3);
        var snapshot = BoardSamples.Snapshot(now,
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)), "paused", now, 1),
            BoardSamples.Row(TicketBuilder.Backbone().Acknowledged(M(5)).ComplexApproved(M(20), M(30)), "complex", now, 2));

        var cut = RenderAt(now, snapshot);

        var paused = cut.Find("[data-number=paused]");
        Assert.Equal("Paused", paused.GetAttribute("data-state"));
        Assert.Contains("挂起", paused.QuerySelector(".board-mark-suspended")!.TextContent);
        Assert.Null(paused.GetAttribute("data-deadline")); // nothing ticks while suspended
        Assert.Contains("复杂故障", cut.Find("[data-number=complex] .board-mark-complex").TextContent);
    }

    [Fact]
    public void UnchangedRows_AreNotRenderedAgain_WhenAnotherTicketChanges()
    {
        var now = T0 + M(10);
        var quiet = BoardSamples.Row(TicketBuilder.Backbone(), "quiet", now, 1);
        var busy = BoardSamples.Row(TicketBuilder.Backbone(LocationClass.Township), "busy", now, 2);
        var cut = RenderAt(now, BoardSamples.Snapshot(now, quiet, busy));

        // A minute later the busy ticket is acknowledged; the quiet one comes back as an equal, new record.
        _time.Advance(M(1));
        var later = _time.GetUtcNow();
        var acknowledged = BoardSamples.Row(TicketBuilder.Backbone(LocationClass.Township).Acknowledged(M(11)), "busy", later, 2);
        cut.Render(p => p.Add(v => v.Snapshot, new BoardSnapshot(2, later, [quiet with { }, acknowledged], 0, [], [])));

        // The quiet row keeps its first render (board.js ticks it in the browser); the busy one shows the change.
        Assert.Equal("0:50:00", cut.Find("[data-number=quiet] [data-testid=countdown]").TextContent);
        Assert.Equal("5:49:00", cut.Find("[data-number=busy] [data-testid=countdown]").TextContent);
    }
}
