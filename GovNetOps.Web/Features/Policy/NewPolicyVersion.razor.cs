using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PolicyText = GovNetOps.Web.Resources.Policy;

namespace GovNetOps.Web.Features.Policy;

/// <summary>The admin's form for a new SLA policy version: the matrix and the escalation ladder, prefilled from the
/// version in force. The handler and the Domain check everything; nothing is stored unless all of it is valid.</summary>
public sealed partial class NewPolicyVersion
{
    [Inject] private CreatePolicyVersionHandler Handler { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public SlaPolicy Current { get; set; } = default!;
    [Parameter, EditorRequired] public int NextVersion { get; set; }
    [Parameter] public EventCallback<int> OnCreated { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private double _response, _county, _township, _core, _complex;
    private double _reminder, _warning, _breach;
    private int _renotifyHours, _renotifyMinutes;
    private string? _effective;
    private string? _error;
    private bool _saving;

    protected override void OnInitialized()
    {
        (_response, _county, _township, _core, _complex) = (Current.Response.TotalHours, Current.RepairCountyDirect.TotalHours,
            Current.RepairTownship.TotalHours, Current.RepairCoreRoom.TotalHours, Current.Complex.TotalHours);
        var ladder = PolicyLadderForm.Of(Current.Escalation);
        (_reminder, _warning, _breach, _renotifyHours, _renotifyMinutes) =
            (ladder.ReminderPercent, ladder.WarningPercent, ladder.BreachPercent, ladder.RenotifyHours, ladder.RenotifyMinutes);
        _effective = ChinaTime.Format(Time.GetUtcNow());
    }

    private async Task SaveAsync()
    {
        if (!DateTime.TryParseExact(_effective?.Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            _error = PolicyText.EffectiveInvalid;
            return;
        }

        _saving = true;
        try
        {
            var form = new PolicyVersionForm(_response, _county, _township, _core, _complex, new DateTimeOffset(local, ChinaTime.Offset),
                new PolicyLadderForm(_reminder, _warning, _breach, _renotifyHours, _renotifyMinutes));
            var result = await Handler.CreateAsync((await AuthState).User, form);
            _error = result.Error;
            if (result.IsSuccess)
            {
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, PolicyText.Created, result.Value), Severity.Success);
                await OnCreated.InvokeAsync(result.Value);
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
