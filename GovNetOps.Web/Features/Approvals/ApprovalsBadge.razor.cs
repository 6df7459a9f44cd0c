using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Features.Approvals;

/// <summary>Counts again on every committed ticket change (pushed by <see cref="Notifier{T}"/>, no polling). A later
/// source with its own events (maintenance notices) subscribes here too.</summary>
public partial class ApprovalsBadge
{
    [Inject] private ApprovalInbox Inbox { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private Notifier<Maintenance.MaintenanceChanged> NoticeChanges { get; set; } = default!;
    [Inject] private Notifier<Reports.Disputes.BreachDisputeChanged> DisputeChanges { get; set; } = default!;

    private int _count;
    private IDisposable? _subscription;
    private IDisposable? _noticeSubscription;
    private readonly LatestLoad _loads = new();
    private IDisposable? _disputeSubscription;

    protected override async Task OnInitializedAsync()
    {
        // Listen before the first count: a request arriving while it runs is counted by it or by the recount it triggers.
        _subscription = Changes.Subscribe(OnChanged);
        // Maintenance notices are a source of the inbox too.
        _noticeSubscription = NoticeChanges.Subscribe(_ => OnChanged(null!));
        // So are breach disputes.
        _disputeSubscription = DisputeChanges.Subscribe(_ => OnChanged(null!));
        await CountAsync();
    }

    private Task OnChanged(TicketChanged change) => CountAsync();

    private async Task CountAsync()
    {
        var load = _loads.Begin();
        var count = await Inbox.CountAsync();
        await InvokeAsync(() =>
        {
            if (_loads.IsNewest(load))
            {
                _count = count;
                StateHasChanged();
            }
        });
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _noticeSubscription?.Dispose();
        _disputeSubscription?.Dispose();
    }
}
