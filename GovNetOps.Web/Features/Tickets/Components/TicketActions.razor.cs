using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GovNetOps.Web.Features.Tickets.Components;

public partial class TicketActions
{
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private SlaPolicyBook Policies { get; set; } = default!;

    /// <summary>The ticket as the page shows it now (live refreshes replace it).</summary>
    [Parameter, EditorRequired] public FaultTicket Ticket { get; set; } = default!;

    /// <summary>What the viewer may fire on <see cref="Ticket"/> now.</summary>
    [Parameter] public IReadOnlyList<TicketTrigger> Triggers { get; set; } = [];

    [Parameter] public bool Busy { get; set; }

    /// <summary>Applies a request; returns null when applied, else the refusal to show.</summary>
    [Parameter] public Func<ActionRequest, Task<string?>> OnApply { get; set; } = _ => Task.FromResult<string?>(null);

    private TicketTrigger? _pending;
    private int _openedVersion;
    private int _armedVersion;
    private bool _rearmOnRefresh;
    private string? _reason;
    private string? _reasonError;
    private string? _callTime;
    private string? _callTimeError;
    private string? _error;

    /// <summary>What the reason field asks for; null when the action needs none.</summary>
    public static string? PromptFor(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.PostProgress => TicketText.Prompt_PostProgress,
        TicketTrigger.MarkRepaired => TicketText.Prompt_MarkRepaired,
        TicketTrigger.ConfirmClosed => TicketText.Prompt_ConfirmClosed,
        TicketTrigger.RequestComplex => TicketText.Prompt_RequestComplex,
        TicketTrigger.RejectComplex => TicketText.Prompt_RejectComplex,
        TicketTrigger.RequestSuspend => TicketText.Prompt_RequestSuspend,
        TicketTrigger.RejectSuspend => TicketText.Prompt_RejectSuspend,
        TicketTrigger.Reopen => TicketText.Prompt_Reopen,
        TicketTrigger.Cancel => TicketText.Prompt_Cancel,
        TicketTrigger.RecordAcknowledgement => TicketText.PhoneCallPrompt,
        _ => null,
    };

    /// <summary>True for a move recorded after the fact, whose real time the table says must be given.</summary>
    public static bool TakesCallTime(TicketTrigger trigger) =>
        TransitionTable.Rows.Any(r => r.Trigger == trigger && r.OccurredAtRequired);

    /// <summary>What an irreversible or clock-moving decision does, with the actual instants (China time),
    /// computed by the Domain on the ticket as it is now; null for a move that needs no warning.</summary>
    public string? Consequence(TicketTrigger trigger)
    {
        var now = Time.GetUtcNow();
        switch (trigger)
        {
            case TicketTrigger.ApproveComplex when Ticket.HasCarrierClocks:
                var complex = Policies.ForVersion(Ticket.PolicyVersion).Complex;
                return string.Format(CultureInfo.CurrentCulture, TicketText.Consequence_ApproveComplex,
                    Clock(SlaClocks.RepairDeadlineIfComplexApproved(Ticket, Policies, now)), complex.TotalHours.ToString("0.##", CultureInfo.CurrentCulture));
            case TicketTrigger.Reopen when RepairDeadline(now) is { } deadline:
                return string.Format(CultureInfo.CurrentCulture, TicketText.Consequence_Reopen, Clock(deadline));
            case TicketTrigger.ConfirmClosed:
                return TicketText.Consequence_ConfirmClosed;
            case TicketTrigger.Cancel:
                return Ticket.HasCarrierClocks ? TicketText.Consequence_Cancel : TicketText.Consequence_CancelLan;
            default:
                return null;
        }
    }

    private DateTimeOffset? RepairDeadline(DateTimeOffset now) =>
        SlaClocks.Compute(Ticket, Policies, now).FirstOrDefault(c => c.Kind == ClockKind.Repair)?.Deadline;

    /// <summary>"MM-dd HH:mm" China time, as the deadline and timeline entries are read out.</summary>
    private static string Clock(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"HH:mm" for an instant today (China date), else "MM-dd HH:mm".</summary>
    private string WhenToday(DateTimeOffset instant) =>
        ChinaTime.DateOf(instant) == ChinaTime.DateOf(Time.GetUtcNow())
            ? ChinaTime.ToChina(instant).ToString("HH:mm", CultureInfo.InvariantCulture)
            : Clock(instant);

    /// <summary>True when the ticket changed after the prompt was armed (a live refresh brought a newer version).</summary>
    private bool IsStale => Ticket.Version != _armedVersion;

    /// <summary>Whether the pending move is still among what the viewer may do on the latest version.</summary>
    private bool StillPossible => _pending is { } p && Triggers.Contains(p);

    /// <summary>What others did since the person opened the prompt, oldest first.</summary>
    private IReadOnlyList<TicketEvent> ChangesSinceOpened =>
        _pending is null ? [] : Ticket.Events.Where(e => e.Sequence > _openedVersion).ToList();

    private static bool NeedsPrompt(TicketTrigger trigger) =>
        PromptFor(trigger) is not null || trigger is TicketTrigger.ApproveComplex;

    private static bool IsPrimary(TicketTrigger t) => t is TicketTrigger.Acknowledge or TicketTrigger.MarkRepaired or TicketTrigger.ConfirmClosed
        or TicketTrigger.ApproveComplex or TicketTrigger.ApproveSuspend;

    private static Color ColorFor(TicketTrigger t) => t switch
    {
        TicketTrigger.Cancel or TicketTrigger.RejectComplex or TicketTrigger.RejectSuspend or TicketTrigger.Reopen => Color.Error,
        TicketTrigger.Acknowledge or TicketTrigger.MarkRepaired or TicketTrigger.ConfirmClosed => Color.Success,
        _ => Color.Primary,
    };

    protected override void OnParametersSet()
    {
        // After a refusal because the ticket had changed, the person is shown the changes and asked again: the
        // prompt re-arms with the version the page now shows, so the next confirmation is checked against it.
        if (_rearmOnRefresh && IsStale)
        {
            _armedVersion = Ticket.Version;
            _rearmOnRefresh = false;
        }
    }

    private async Task StartAsync(TicketTrigger trigger)
    {
        _error = null;
        if (!NeedsPrompt(trigger))
        {
            _error = await OnApply(new ActionRequest(trigger, Ticket.Version));
            return;
        }

        _pending = trigger;
        _openedVersion = _armedVersion = Ticket.Version;
        _rearmOnRefresh = false;
        _reason = null;
        _reasonError = null;
        _callTime = TakesCallTime(trigger) ? CallTimeText.Format(Time.GetUtcNow()) : null;
        _callTimeError = null;
    }

    private void OnReasonChanged(string? reason)
    {
        _reason = reason;
        if (!string.IsNullOrWhiteSpace(reason))
        {
            _reasonError = null;
        }
    }

    private void Close()
    {
        _pending = null;
        _error = null;
    }

    private async Task ConfirmAsync()
    {
        if (_pending is not { } trigger || Busy)
        {
            return;
        }

        _error = null;
        if (IsStale)
        {
            // The person decided on what they saw when they opened the prompt; that is no longer the ticket.
            _armedVersion = Ticket.Version;
            return;
        }

        DateTimeOffset? occurredAt = null;
        if (TakesCallTime(trigger) && !CallTimeText.TryParse(_callTime, out occurredAt))
        {
            _callTimeError = TicketText.CallTimeMalformed;
            return;
        }

        _callTimeError = null;
        if (string.IsNullOrWhiteSpace(_reason) && MissingReasonMessage(trigger) is { } missing)
        {
            _reasonError = missing;
            return;
        }

        var error = await OnApply(new ActionRequest(trigger, _armedVersion, _reason, occurredAt));
        if (error is null)
        {
            _pending = null;
        }
        else if (error == TicketStore.ConflictMessage)
        {
            // Someone else's change reached the store first: nothing was applied. The page reloads; the changes show.
            if (IsStale)
            {
                _armedVersion = Ticket.Version;
            }
            else
            {
                _rearmOnRefresh = true;
            }
        }
        else
        {
            _error = error;
        }
    }

    /// <summary>The Domain's refusal for this move without a reason (the transition table row's), if it needs one.</summary>
    private string? MissingReasonMessage(TicketTrigger trigger) =>
        TransitionTable.Rows.FirstOrDefault(r => r.From == Ticket.State && r.Trigger == trigger && r.ReasonRequired)?.MissingReasonMessage;
}
