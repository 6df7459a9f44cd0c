using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MT = GovNetOps.Web.Resources.Maintenance;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>One notice: its facts, the actions the user's role may take now, its history; refreshed live on every change
/// and every second while the work runs (time left, then the overrun).</summary>
public partial class NoticePage
{
    [Parameter] public string Number { get; set; } = "";
    [Inject] private NoticeQueries Queries { get; set; } = default!;
    [Inject] private NoticeActionHandler Actions { get; set; } = default!;
    [Inject] private Notifier<MaintenanceChanged> Changes { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private NoticeDetails? _notice;
    private IReadOnlyList<ChangeRecord> _history = [];
    private DateTimeOffset _now;
    private string? _reason;
    private string? _error;
    private bool _loading = true;
    private bool _busy;
    private bool _canDecide;
    private bool _canCarryOut;
    private bool _canFile;
    private IDisposable? _subscription;
    private ITimer? _tick;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthState).User;
        _canDecide = user.Allows(AppPolicies.MaintenanceDecide);
        _canCarryOut = user.Allows(AppPolicies.MaintenanceCarryOut);
        _canFile = user.Allows(AppPolicies.MaintenanceFile);
        _subscription ??= Changes.Subscribe(c => c.Number == Number ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }) : Task.CompletedTask);
        _tick ??= Time.Every(TimeSpan.FromSeconds(1), () => _ = InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var user = (await AuthState).User;
        _now = Time.GetUtcNow();
        _notice = await Queries.GetAsync(Number, user);
        _history = _notice is null ? [] : await Queries.HistoryAsync(_notice.Id, user);
        _loading = false;
    }

    private Task DecideAsync(bool approve) => RunAsync(n => Actions.DecideAsync(n.Id, n.Version, approve, _reason, User));

    private Task StartAsync() => RunAsync(n => Actions.StartAsync(n.Id, n.Version, User));

    private Task FinishAsync() => RunAsync(n => Actions.FinishAsync(n.Id, n.Version, User));

    private System.Security.Claims.ClaimsPrincipal User => AuthState.Result.User;

    private async Task RunAsync(Func<NoticeDetails, Task<Domain.Common.Result<int>>> action)
    {
        if (_notice is null || _busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            var result = await action(_notice);
            if (!result.IsSuccess)
            {
                _error = result.Error;
            }
            else
            {
                _reason = null;
            }

            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string ActionName(string action) => action switch
    {
        "File" => MT.Action_File,
        "FileOnBehalf" => MT.Action_FileOnBehalf,
        "Edit" => MT.Action_Edit,
        "Approve" => MT.Action_Approve,
        "Reject" => MT.Action_Reject,
        "Start" => MT.Action_Start,
        "Finish" => MT.Action_Finish,
        _ => action,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
    }
}
