using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Features.Approvals;

/// <summary>Ops's inbox of requests awaiting a decision; reloads when any ticket changes (a new request, a decision).</summary>
public partial class ApprovalsPage
{
    [Inject] private ApprovalInbox Inbox { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private Notifier<Maintenance.MaintenanceChanged> NoticeChanges { get; set; } = default!;
    [Inject] private Notifier<Reports.Disputes.BreachDisputeChanged> DisputeChanges { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private IReadOnlyList<ApprovalItem> _items = [];
    private DateTimeOffset _now;
    private bool _loading = true;
    private IDisposable? _subscription;
    private IDisposable? _noticeSubscription;
    private readonly LatestLoad _loads = new();
    private IDisposable? _disputeSubscription;

    protected override async Task OnInitializedAsync()
    {
        // Listen before the first load: a request arriving while it runs is read by it or by the reload it triggers.
        _subscription = Changes.Subscribe(OnChanged);
        // Maintenance notices are a source of the inbox too.
        _noticeSubscription = NoticeChanges.Subscribe(_ => OnChanged(null!));
        // So are breach disputes.
        _disputeSubscription = DisputeChanges.Subscribe(_ => OnChanged(null!));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var load = _loads.Begin();
        var items = await Inbox.ListAsync();
        if (_loads.IsNewest(load))
        {
            _items = items;
            _now = Time.GetUtcNow();
            _loading = false;
        }
    }

    private Task OnChanged(TicketChanged change) => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        _subscription?.Dispose();
        _noticeSubscription?.Dispose();
        _disputeSubscription?.Dispose();
    }
}
