using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Features.Notifications;

/// <summary>The bell in the app bar: the user's unread count, updated live when a notification
/// for them arrives or they read one on another page.</summary>
public partial class NotificationBell
{
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private Notifier<NotificationsArrived> Notifier { get; set; } = default!;
    private IDisposable? _subscription;
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;

    private int _unread;
    private string? _userId;

    protected override async Task OnInitializedAsync()
    {
        _userId = NotificationService.UserId(User);
        _unread = await Notifications.UnreadCountAsync(User);
        _subscription = Notifier.Subscribe(OnArrivedAsync);
    }

    private async Task OnArrivedAsync(NotificationsArrived arrived)
    {
        if (_userId is null || !arrived.UserIds.Contains(_userId))
        {
            return;
        }

        var unread = await Notifications.UnreadCountAsync(User);
        await InvokeAsync(() =>
        {
            _unread = unread;
            StateHasChanged();
        });
    }

    public void Dispose() => _subscription?.Dispose();
}
