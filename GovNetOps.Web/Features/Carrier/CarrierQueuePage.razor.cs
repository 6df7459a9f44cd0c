using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Carrier;

/// <summary>The carrier's own open tickets, nearest deadline first, acknowledge in one click.
/// New tickets for this carrier appear live.</summary>
public partial class CarrierQueuePage
{
    [Inject] private CarrierQueueHandler Queue { get; set; } = default!;
    [Inject] private TicketActionHandler Actions { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<TicketRow> _rows = [];
    private readonly HashSet<Guid> _busy = [];
    private readonly HashSet<string> _busyIncidents = [];
    private DateTimeOffset _now;
    private bool _loading = true;
    private string? _error;
    private int? _carrierId;
    private ITimer? _tick;
    private IDisposable? _subscription;
    private readonly LatestLoad _loads = new();

    protected override async Task OnInitializedAsync()
    {
        _carrierId = Infrastructure.Security.AppClaims.GetCarrierId((await AuthState).User);
        _subscription = Changes.Subscribe(OnChanged);
        _tick = Time.Every(TimeSpan.FromSeconds(30), () => _ = InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var load = _loads.Begin();
        var rows = await Queue.QueueAsync((await AuthState).User);
        if (_loads.IsNewest(load))
        {
            _now = Time.GetUtcNow();
            _rows = rows;
            _loading = false;
        }
    }

    private async Task AcknowledgeAsync(TicketRow row)
    {
        if (!_busy.Add(row.Id))
        {
            return;
        }

        _error = null;
        try
        {
            var result = await Actions.ApplyAsync(row.Id, row.Version, new TicketCommand(TicketTrigger.Acknowledge), (await AuthState).User);
            if (result.IsSuccess)
            {
                Snackbar.Add(string.Format(TicketText.QueueAcknowledged, row.Number), Severity.Success);
            }
            else
            {
                _error = string.Format(TicketText.QueueError, row.Number, result.Error);
            }

            await LoadAsync();
        }
        finally
        {
            _busy.Remove(row.Id);
        }
    }

    /// <summary>全部响应接单: every ticket of the incident this page shows as still Reported, at the version shown.</summary>
    private async Task AcknowledgeIncidentAsync(string incident)
    {
        if (!_busyIncidents.Add(incident))
        {
            return;
        }

        _error = null;
        try
        {
            var done = await Queue.AcknowledgeIncidentAsync(incident, _rows, (await AuthState).User);
            if (done.Acknowledged.Count > 0)
            {
                Snackbar.Add(string.Format(TicketText.Incident_Acknowledged, done.Acknowledged.Count), Severity.Success);
            }

            if (done.Refused.Count > 0)
            {
                _error = string.Join(" · ", done.Refused.Select(r => string.Format(TicketText.QueueError, r.Number, r.Error)));
            }

            await LoadAsync();
        }
        finally
        {
            _busyIncidents.Remove(incident);
        }
    }

    private string DeadlineClass(TicketRow row) => "queue-deadline " + row.ColourAt(_now) switch
    {
        ClockColour.Breached => "breached",
        ClockColour.Warning => "warning",
        _ => "",
    };

    // Only this carrier's changes concern this page; others are not even loaded.
    private Task OnChanged(TicketChanged change) =>
        change.CarrierId != _carrierId ? Task.CompletedTask : InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });

    public void Dispose()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
    }
}
