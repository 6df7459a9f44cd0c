using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using Microsoft.AspNetCore.Components;
using BoardText = GovNetOps.Web.Resources.Board;

namespace GovNetOps.Web.Features.Board;

public sealed partial class BoardRowView : ComponentBase
{
    /// <summary>Every unit on this board is in Tongbai County: the "桐柏县" prefix only costs width, and a township's
    /// government is known by the township's name ("城关镇人民政府" → "城关镇"); the full name stays in the cell's title.</summary>
    public static string ShortSiteName(string name)
    {
        var shorter = name.StartsWith("桐柏县", StringComparison.Ordinal) && name.Length > 3 ? name[3..] : name;
        return shorter.Length > 4 && shorter.EndsWith("人民政府", StringComparison.Ordinal) && shorter[^5] is '镇' or '乡'
            ? shorter[..^4]
            : shorter;
    }

    private BoardRow? _rendered;
    private int _renderedPosition;

    [Parameter, EditorRequired] public BoardRow Row { get; set; } = default!;

    /// <summary>The instant of the server render; ignored for deciding whether to render again.</summary>
    [Parameter] public DateTimeOffset Now { get; set; }

    /// <summary>The row's place on the board (<see cref="BoardRules.Position"/>), rendered as CSS <c>order</c>.</summary>
    [Parameter] public int Position { get; set; }

    // Rows are records: a new snapshot brings equal rows for untouched tickets, at the same position.
    protected override bool ShouldRender() => _rendered != Row || _renderedPosition != Position;

    protected override void OnAfterRender(bool firstRender)
    {
        _rendered = Row;
        _renderedPosition = Position;
    }

    /// <summary>An instant for board.js, in whole milliseconds rounded up: a flip instant is never shown early.</summary>
    private static string? Ms(DateTimeOffset? instant) => instant is { } i
        ? ((i.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond)
            .ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BoardRow, System.Collections.Concurrent.ConcurrentDictionary<string, MarkupString>> Written = new();

    /// <summary>The row's cells before the countdown, as HTML: the same for every viewer of this row in this language.</summary>
    private static MarkupString Cells(BoardRow row) => SharedMarkup.PerLanguage(Written, row, WriteCells);

    private static string WriteCells(BoardRow row)
    {
        static string E(string text) => SharedMarkup.Encode(text);
        var location = E(Labels.LocationClass(row.LocationClass));
        var html = new System.Text.StringBuilder(512)
            .Append("<div role=\"cell\" class=\"board-number\">").Append(E(row.Number)).Append("</div>")
            .Append("<div role=\"cell\" class=\"board-site\" title=\"").Append(E(row.SiteName)).Append("\" data-text=\"data\">")
            .Append(E(ShortSiteName(row.SiteName))).Append("</div>")
            .Append("<div role=\"cell\" title=\"").Append(location).Append("\">").Append(location).Append("</div>")
            .Append("<div role=\"cell\" data-text=\"data\">").Append(E(row.CarrierName)).Append("</div>")
            .Append("<div role=\"cell\" class=\"board-state\" title=\"").Append(E(StateTitle(row))).Append("\">")
            .Append("<span data-testid=\"row-state\">").Append(E(Labels.State(row.State))).Append("</span>");
        foreach (var (text, kind) in Marks(row))
        {
            html.Append("<span class=\"board-mark board-mark-").Append(kind).Append("\">").Append(E(text)).Append("</span>");
        }

        return html.Append("</div><div role=\"cell\">").Append(E(ClockName(row))).Append("</div>").ToString();
    }

    private static string ClockName(BoardRow row) => row.Clock switch
    {
        ClockKind.Response => BoardText.ClockResponse,
        ClockKind.Repair => BoardText.ClockRepair,
        _ => row.PausedLeft is null ? "" : BoardText.ClockRepair,
    };

    private static string Countdown(BoardRow row, DateTimeOffset now) => BoardRules.TimeLeft(row, now) switch
    {
        null => BoardText.NoClock,
        { } left when row.Deadline is null => BoardText.PausedPrefix + BoardRules.Clock(left),
        { } left when left < TimeSpan.Zero => BoardText.OverduePrefix + BoardRules.Clock(left),
        { } left => BoardRules.Clock(left),
    };

    /// <summary>The state and its marks in full, for a cell too narrow to show them all.</summary>
    private static string StateTitle(BoardRow row) =>
        string.Join(" · ", Marks(row).Select(m => m.Text).Prepend(Labels.State(row.State)));

    private static IEnumerable<(string Text, string Kind)> Marks(BoardRow row)
    {
        if (row.State == TicketState.Suspended)
        {
            yield return (BoardText.MarkSuspended, "suspended");
        }

        if (row.SuspendRequested)
        {
            yield return (BoardText.MarkSuspendRequested, "suspended");
        }

        if (row.Complex == ComplexStatus.Approved)
        {
            yield return (BoardText.MarkComplexApproved, "complex");
        }

        if (row.Complex == ComplexStatus.Requested)
        {
            yield return (BoardText.MarkComplexRequested, "complex");
        }

        if (row.ResponseBreached && row.Clock != ClockKind.Response)
        {
            yield return (BoardText.MarkResponseBreached, "breach");
        }

        if (row.RepairBreached && row.Clock != ClockKind.Repair)
        {
            yield return (BoardText.MarkRepairBreached, "breach");
        }
    }
}
