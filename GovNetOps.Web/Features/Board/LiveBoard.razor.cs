using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Features.Board;

/// <summary>The live board: takes the shared snapshot, then re-renders whenever <see cref="BoardSnapshotService"/>
/// publishes a newer one. No per-viewer timer and no polling. Only this component re-renders on a change,
/// not the page around it.</summary>
public sealed partial class LiveBoard : ComponentBase, IDisposable
{
    private readonly Lock _gate = new();

    [Inject] private BoardSnapshotService Snapshots { get; set; } = default!;

    [Parameter] public bool Wall { get; set; }

    [Parameter] public int ScreenSeconds { get; set; } = 10;

    private BoardSnapshot? Snapshot { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // Subscribe first so a change published while the first snapshot loads is not missed.
        Snapshots.SnapshotChanged += OnSnapshotChanged;
        Accept(await Snapshots.CurrentAsync());
    }

    private void OnSnapshotChanged(BoardSnapshot snapshot)
    {
        if (Accept(snapshot))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private bool Accept(BoardSnapshot snapshot)
    {
        lock (_gate)
        {
            if (Snapshot is not null && Snapshot.Version >= snapshot.Version)
            {
                return false;
            }

            Snapshot = snapshot;
            return true;
        }
    }

    public void Dispose()
    {
        Snapshots.SnapshotChanged -= OnSnapshotChanged;
    }
}
