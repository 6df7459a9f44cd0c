using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace GovNetOps.Web.Features.Board;

/// <summary>Renders one <see cref="BoardSnapshot"/> at the server's current instant and hands the
/// countdowns to <c>wwwroot/js/board.js</c>, which ticks them and flips colours in the browser.</summary>
public sealed partial class BoardView : ComponentBase, IAsyncDisposable
{
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DateTimeOffset _now;
    private IReadOnlyList<BoardRow> _rows = [];
    private BoardCounts _counts = new(0, 0, 0, 0);

    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The text node board.js writes the screen marker into.</summary>
    private const string Blank = "\u00a0";

    private int ScreenMs => Math.Max(1, ScreenSeconds) * 1000;

    [Parameter, EditorRequired] public BoardSnapshot Snapshot { get; set; } = default!;

    /// <summary>Wall mode: large type for a projector.</summary>
    [Parameter] public bool Wall { get; set; }

    /// <summary>Wall mode: how long one screen of faults shows when they do not all fit at once.</summary>
    [Parameter] public int ScreenSeconds { get; set; } = 10;

    protected override void OnParametersSet()
    {
        _now = Time.GetUtcNow();
        // Rows stay in report order in the page and are placed by CSS order (BoardRules.Position): a new or
        // re-ordered ticket then changes one row, where re-ordering the elements would make Blazor move many.
        _rows = BoardRules.InReportOrder(Snapshot.Rows);
        _counts = BoardRules.Count(Snapshot, _now);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/board.js");
            // The server's clock, so a projector PC with a wrong clock still counts down correctly.
            await _module.InvokeVoidAsync("start", _root, Time.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (JSDisconnectedException)
        {
            // The viewer left while the module loaded.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("stop", _root);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser dropped the module with the page.
        }
    }
}
