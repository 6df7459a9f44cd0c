using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Res = GovNetOps.Web.Resources.Escalation;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>Every escalation with its instant, when it was recorded and how late; refreshed live.</summary>
public partial class EscalationLogPage
{
    [Inject] private EscalationLogService Log { get; set; } = default!;
    [Inject] private Notifier<EscalationRecorded> Recorded { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<EscalationLogRow> _rows = [];
    private bool _lateOnly;
    private IDisposable? _subscription;
    private readonly LatestLoad _loads = new();

    protected override async Task OnInitializedAsync()
    {
        _subscription = Recorded.Subscribe(OnRecordedAsync); // before the first load: nothing recorded during it is missed
        await LoadAsync();
    }

    /// <summary>Reloads the log; a slower older load never overwrites a newer one (<see cref="LatestLoad"/>).</summary>
    private async Task LoadAsync()
    {
        var load = _loads.Begin();
        var user = (await Auth).User;
        var rows = await Log.ListAsync(user, _lateOnly);
        if (_loads.IsNewest(load))
        {
            _rows = rows;
        }
    }

    private async Task LateOnlyChanged(bool value)
    {
        _lateOnly = value;
        await LoadAsync();
    }

    private async Task OnRecordedAsync(EscalationRecorded recorded)
    {
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose() => _subscription?.Dispose();

    private static string Seconds(DateTimeOffset instant) =>
        ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Lateness(long ms) => ms switch
    {
        < 1000 => string.Format(CultureInfo.CurrentCulture, Res.LatenessMs, ms),
        < 60_000 => string.Format(CultureInfo.CurrentCulture, Res.LatenessSeconds, ms / 1000.0),
        _ => string.Format(CultureInfo.CurrentCulture, Res.LatenessMinutes, ms / 60_000, ms / 1000 % 60),
    };

    private static string LevelText(EscalationLogRow row) =>
        row.Level == EscalationLevel.Renotify ? $"{EscalationMessages.LevelName(row.Level)} #{row.Repeat}" : EscalationMessages.LevelName(row.Level);

    private static Color LevelColor(EscalationLevel level) => level switch
    {
        EscalationLevel.Reminder => Color.Info,
        EscalationLevel.Warning => Color.Warning,
        _ => Color.Error,
    };

    private static string SourceText(EscalationSource source) => source switch
    {
        EscalationSource.Scheduled => Res.SourceScheduled,
        EscalationSource.CatchUp => Res.SourceCatchUp,
        _ => Res.SourceSweep,
    };
}
