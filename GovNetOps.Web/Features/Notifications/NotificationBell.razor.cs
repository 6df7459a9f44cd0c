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
    private readonly LatestLoad _loads = new();
    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = default!;

    /// <summary>Plain markup for a page without the component library (the desk board's lean bar).</summary>
    [Parameter] public bool Lean { get; set; }

    private int _unread;
    private string? _userId;

    protected override async Task OnInitializedAsync()
    {
        _userId = NotificationService.UserId(User);
        // Listen first: a notification committed while the first count runs is then counted by one of the two.
        _subscription = Notifier.Subscribe(OnArrivedAsync);
        await CountAsync();
    }

    private Task OnArrivedAsync(NotificationsArrived arrived) =>
        _userId is not null && arrived.UserIds.Contains(_userId) ? CountAsync() : Task.CompletedTask;

    private async Task CountAsync()
    {
        var load = _loads.Begin();
        var unread = await Notifications.UnreadCountAsync(User);
        await InvokeAsync(() =>
        {
            if (_loads.IsNewest(load))
            {
                _unread = unread;
                StateHasChanged();
            }
        });
    }

    public void Dispose() => _subscription?.Dispose();
}
