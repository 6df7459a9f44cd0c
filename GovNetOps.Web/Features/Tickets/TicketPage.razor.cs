using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using GovNetOps.Web.Components;
using GovNetOps.Web.Resources;
using MudBlazor;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>One ticket: clocks, details, the actions the viewer may take now, the timeline.
/// Reloads live when anyone changes the ticket; clocks are re-computed every 30 s.</summary>
public partial class TicketPage
{
    [Parameter] public string Number { get; set; } = "";
    [SupplyParameterFromQuery(Name = "new")] public int? IsNew { get; set; }

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private TicketChangeNotifier Notifier { get; set; } = default!;
    [Inject] private SlaPolicyBook Policies { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private TicketDetails? _details;
    private IReadOnlyList<ClockSnapshot> _clocks = [];
    private bool _loading = true;
    private bool _busy;
    private bool _changedElsewhere;
    private bool _announced;
    private string? _actionError;
    private ITimer? _tick;

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _loading = false;
        if (IsNew == 1 && _details is not null && !_announced)
        {
            _announced = true;
            Snackbar.Add(string.Format(TicketText.Reported, Number), Severity.Success);
        }
    }

    protected override void OnInitialized()
    {
        Notifier.Changed += OnTicketChanged;
        _tick = Time.CreateTimer(_ => InvokeAsync(() => { RecomputeClocks(); StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    private async Task LoadAsync()
    {
        _details = await Tickets.FindAsync(Number, (await AuthState).User);
        RecomputeClocks();
    }

    private void RecomputeClocks() =>
        _clocks = _details is null ? [] : SlaClocks.Compute(_details.Ticket, Policies, Time.GetUtcNow());

    private async Task ApplyAsync((TicketTrigger Trigger, string? Reason) action)
    {
        if (_details is null || _busy) return;
        _busy = true;
        _actionError = null;
        try
        {
            var result = await Tickets.ApplyAsync(_details.Ticket.Id, _details.Ticket.Version, new TicketCommand(action.Trigger, action.Reason), (await AuthState).User);
            if (result.IsSuccess)
            {
                Snackbar.Add(string.Format(TicketText.ActionDone, Labels.Action(action.Trigger)), Severity.Success);
                _changedElsewhere = false;
                await LoadAsync();
            }
            else
            {
                _actionError = result.Error;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task OnTicketChanged(TicketChange change)
    {
        // Lifecycle changes raise the version; an escalation (no trigger) adds to the timeline only.
        if (_details is null || change.TicketId != _details.Ticket.Id) return Task.CompletedTask;
        if (change.Trigger is not null && change.Version <= _details.Ticket.Version) return Task.CompletedTask;
        return InvokeAsync(async () =>
        {
            var before = _details?.Ticket.Version;
            await LoadAsync();
            // Someone else acted: say so, so the viewer does not think the page changed by itself.
            _changedElsewhere = !_busy && before is not null && _details?.Ticket.Version != before;
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Notifier.Changed -= OnTicketChanged;
        _tick?.Dispose();
    }
}
