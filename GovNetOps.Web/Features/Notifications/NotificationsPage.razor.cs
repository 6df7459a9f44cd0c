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
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<Notification> _items = [];
    private bool _unreadOnly;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _subscription = Notifier.Subscribe(OnArrivedAsync);
    }

    private async Task LoadAsync() => _items = await Notifications.ListAsync((await Auth).User, _unreadOnly);

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
