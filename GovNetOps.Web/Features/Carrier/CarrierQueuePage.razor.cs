using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace GovNetOps.Web.Features.Carrier;

/// <summary>The carrier's own open tickets, nearest deadline first, acknowledge in one click.
/// New tickets for this carrier appear live.</summary>
public partial class CarrierQueuePage
{
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketChangeNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<TicketRow> _rows = [];
    private readonly HashSet<Guid> _busy = [];
    private DateTimeOffset _now;
    private bool _loading = true;
    private string? _error;
    private int? _carrierId;
    private ITimer? _tick;

    protected override async Task OnInitializedAsync()
    {
        _carrierId = Infrastructure.Security.AppClaims.GetCarrierId((await AuthState).User);
        Notifier.Changed += OnChanged;
        _tick = Time.CreateTimer(_ => InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow();
        _rows = await Tickets.CarrierQueueAsync((await AuthState).User);
        _loading = false;
    }

    private async Task AcknowledgeAsync(TicketRow row)
    {
        if (!_busy.Add(row.Id)) return;
        _error = null;
        try
        {
            var result = await Tickets.ApplyAsync(row.Id, row.Version, new TicketCommand(TicketTrigger.Acknowledge), (await AuthState).User);
            if (result.IsSuccess) Snackbar.Add(string.Format(TicketText.QueueAcknowledged, row.Number), Severity.Success);
            else _error = string.Format(TicketText.QueueError, row.Number, result.Error);
            await LoadAsync();
        }
        finally
        {
            _busy.Remove(row.Id);
        }
    }

    private string DeadlineClass(TicketRow row, DateTimeOffset due) =>
        "queue-deadline " + (due < _now ? "breached" : due - _now < TimeSpan.FromMinutes(30) ? "warning" : "");

    // Only this carrier's changes concern this page; others are not even loaded.
    private Task OnChanged(TicketChange change) =>
        change.CarrierId != _carrierId ? Task.CompletedTask : InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });

    public void Dispose()
    {
        Notifier.Changed -= OnChanged;
        _tick?.Dispose();
    }
}
