using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Components;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Tickets.Detail;

/// <summary>One ticket: clocks, details, the actions the viewer may take now, the timeline.
/// Reloads live when anyone changes the ticket; clocks are re-computed every 30 s.</summary>
public partial class TicketPage
{
    [Parameter] public string Number { get; set; } = "";
    [SupplyParameterFromQuery(Name = "new")] public int? IsNew { get; set; }

    [Inject] private TicketDetailsHandler Details { get; set; } = default!;
    [Inject] private TicketActionHandler Actions { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private Notifier<EscalationRecorded> Escalations { get; set; } = default!;
    [Inject] private SlaPolicyBook Policies { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private TicketDetails? _details;
    private IReadOnlyList<ClockSnapshot> _clocks = [];
    private DateTimeOffset _clocksAt;
    private bool _loading = true;
    private bool _busy;
    private bool _changedElsewhere;
    private bool _announced;
    private ITimer? _tick;
    private IDisposable? _changes;
    private IDisposable? _escalations;

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
        _changes = Changes.Subscribe(OnTicketChanged);
        _escalations = Escalations.Subscribe(OnEscalationRecorded);
        _tick = Time.Every(TimeSpan.FromSeconds(30), () => _ = InvokeAsync(() => { RecomputeClocks(); StateHasChanged(); }));
    }

    private async Task LoadAsync()
    {
        _details = await Details.FindAsync(Number, (await AuthState).User);
        RecomputeClocks();
    }

    private void RecomputeClocks()
    {
        _clocksAt = Time.GetUtcNow();
        _clocks = _details is null ? [] : SlaClocks.Compute(_details.Ticket, Policies, _clocksAt);
    }

    /// <summary>Applies what the action panel asks, against the version the person decided on
    /// (<see cref="ActionRequest.ExpectedVersion"/>, not the page's latest); null when applied, else the refusal.</summary>
    private async Task<string?> ApplyAsync(ActionRequest action)
    {
        if (_details is null || _busy)
        {
            return null;
        }

        _busy = true;
        try
        {
            var result = await Actions.ApplyAsync(_details.Ticket.Id, action.ExpectedVersion, new TicketCommand(action.Trigger, action.Reason, action.OccurredAt), (await AuthState).User);
            if (result.IsSuccess)
            {
                Snackbar.Add(string.Format(TicketText.ActionDone, Labels.Action(action.Trigger)), Severity.Success);
                _changedElsewhere = false;
                await LoadAsync();
                return null;
            }
            if (result.Error == TicketStore.ConflictMessage)
            {
                // Someone else acted first: show the ticket as it is now.
                await LoadAsync();
            }
            return result.Error;
        }
        finally
        {
            _busy = false;
            StateHasChanged();
        }
    }

    private Task OnTicketChanged(TicketChanged change)
    {
        if (_details is null || change.TicketId != _details.Ticket.Id || change.Version <= _details.Ticket.Version)
        {
            return Task.CompletedTask;
        }

        return InvokeAsync(async () =>
        {
            var before = _details?.Ticket.Version;
            await LoadAsync();
            // Someone else acted: say so, so the viewer does not think the page changed by itself.
            _changedElsewhere = !_busy && before is not null && _details?.Ticket.Version != before;
            StateHasChanged();
        });
    }

    // An escalation adds to the timeline only; the ticket itself did not change.
    private Task OnEscalationRecorded(EscalationRecorded recorded) =>
        _details is null || recorded.TicketId != _details.Ticket.Id
            ? Task.CompletedTask
            : InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });

    public void Dispose()
    {
        _changes?.Dispose();
        _escalations?.Dispose();
        _tick?.Dispose();
    }
}
