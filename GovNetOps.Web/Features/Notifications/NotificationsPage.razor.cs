using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first; new ones appear live.</summary>
public partial class NotificationsPage
{
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private InAppNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<Notification> _items = [];
    private bool _unreadOnly;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        Notifier.Arrived += OnArrivedAsync;
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
            await Notifier.PublishAsync(new HashSet<string> { userId }); // the bell in this and other tabs
        await LoadAsync();
    }

    private async Task OnArrivedAsync(IReadOnlySet<string> userIds)
    {
        var user = (await Auth).User;
        if (NotificationService.UserId(user) is not { } id || !userIds.Contains(id)) return;
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose() => Notifier.Arrived -= OnArrivedAsync;
}
