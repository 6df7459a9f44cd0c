using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first; new ones appear live.</summary>
public partial class NotificationsPage
{
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private Notifier<NotificationsArrived> Notifier { get; set; } = default!;
    private IDisposable? _subscription;
    private readonly LatestLoad _loads = new();
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<Notification> _items = [];
    private bool _unreadOnly;

    protected override async Task OnInitializedAsync()
    {
        _subscription = Notifier.Subscribe(OnArrivedAsync); // before the first load: nothing arriving during it is missed
        await LoadAsync();
    }

    /// <summary>Reloads the list; a slower older load never overwrites a newer one (<see cref="LatestLoad"/>).</summary>
    private async Task LoadAsync()
    {
        var load = _loads.Begin();
        var user = (await Auth).User;
        var items = await Notifications.ListAsync(user, _unreadOnly);
        if (_loads.IsNewest(load))
        {
            _items = items;
        }
    }

    private async Task UnreadOnlyChanged(bool value)
    {
        _unreadOnly = value;
        await LoadAsync();
    }

    private async Task MarkAsync(long id) => await MarkReadAsync(id);

    private async Task MarkAllAsync() => await MarkReadAsync(null);

    private async Task MarkReadAsync(long? id)
    {
        var user = (await Auth).User;
        if (await Notifications.MarkReadAsync(user, id) > 0 && NotificationService.UserId(user) is { } userId)
        {
            Notifier.Publish(new NotificationsArrived(new HashSet<string> { userId })); // the bell in this and other tabs
        }

        await LoadAsync();
    }

    private async Task OnArrivedAsync(NotificationsArrived arrived)
    {
        var user = (await Auth).User;
        if (NotificationService.UserId(user) is not { } id || !arrived.UserIds.Contains(id))
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose() => _subscription?.Dispose();
}
