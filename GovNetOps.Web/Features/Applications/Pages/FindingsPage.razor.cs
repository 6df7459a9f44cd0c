using GovNetOps.Domain.Common;
using GovNetOps.Domain.Security;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Pages;

public partial class FindingsPage
{
    [Inject] private SecurityFindingHandler Handler { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<SecurityFindingRecord> _findings = [];
    private IReadOnlyList<Site> _sites = [];
    private readonly Dictionary<int, string> _notes = [];
    private Site? _site;
    private FindingSeverity _severity = FindingSeverity.General;
    private DateTime? _due;
    private string _description = "";
    private bool _busy;
    private string? _error;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var user = (await AuthState).User;
        _findings = await Handler.ListAsync(user);
        _sites = await Handler.SitesAsync(user);
        foreach (var f in _findings)
        {
            _notes.TryAdd(f.Id, "");
        }
    }

    private Task<IEnumerable<Site>> SearchSites(string? text, CancellationToken cancellationToken)
    {
        var q = text?.Trim() ?? "";
        return Task.FromResult(_sites.Where(s => q.Length == 0 || s.Name.Contains(q, StringComparison.Ordinal)
            || s.PinyinInitials.StartsWith(q.ToLowerInvariant(), StringComparison.Ordinal)).Take(12));
    }

    private Task RecordAsync() => RunAsync(async user =>
    {
        if (_site is null)
        {
            return Result.Fail(T.Finding_SiteRequired);
        }

        var result = await Handler.RecordAsync(_site.Id, _severity, _description, _due is { } d ? DateOnly.FromDateTime(d) : null, user);
        if (result.IsSuccess)
        {
            _description = "";
            _site = null;
        }

        return result;
    }, T.Done_FindingRecorded);

    private Task RectifyAsync(int id) => RunAsync(user => Handler.RectifyAsync(id, _notes.GetValueOrDefault(id) ?? "", user), T.Done_Rectified);

    private Task VerifyAsync(int id) => RunAsync(user => Handler.VerifyAsync(id, user), T.Done_Verified);

    private Task ReconnectAsync(int siteId) => RunAsync(user => Handler.ReconnectAsync(siteId, user), T.Done_Reconnected);

    private async Task RunAsync(Func<System.Security.Claims.ClaimsPrincipal, Task<Result>> action, string done)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            var result = await action((await AuthState).User);
            if (result.IsSuccess)
            {
                Snackbar.Add(done, Severity.Success);
                await LoadAsync();
            }
            else
            {
                _error = result.Error;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
