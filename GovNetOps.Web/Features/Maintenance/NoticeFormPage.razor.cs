using GovNetOps.Domain.Common;
using GovNetOps.Web.Features.Tickets.Components;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MT = GovNetOps.Web.Resources.Maintenance;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>报备 / 修改: the form re-checks itself on every change of sites or times, so the filer sees before submitting
/// that the notice would be late (and must give a reason) or overlaps another window.</summary>
public partial class NoticeFormPage
{
    [Parameter] public string? Number { get; set; }
    [Inject] private FileNoticeHandler Filing { get; set; } = default!;
    [Inject] private NoticeQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<MaintenanceOptions> Options { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private NoticeForm _form = new();
    private NoticeDetails? _editing;
    private IReadOnlyList<NoticeSite> _sites = [];
    private IReadOnlyList<(int Id, string Name)> _carriers = [];
    private FiledNotice? _preview;
    private string? _start;
    private string? _end;
    private string? _error;
    private bool _isOps;
    private bool _isLong;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _isOps = user.Allows(AppPolicies.MaintenanceDecide);
        if (Number is not null)
        {
            _editing = await Queries.GetAsync(Number, user);
            if (_editing is null)
            {
                _error = MT.NotFound;
                return;
            }

            _form = NoticeForm.From(_editing);
            _start = CallTimeText.Format(_editing.StartsAt);
            _end = CallTimeText.Format(_editing.EndsAt);
        }
        else if (_isOps)
        {
            _carriers = await Filing.CarriersAsync();
        }

        _sites = await Filing.SitesAsync(user, _form.CarrierId);
    }

    private async Task OnCarrierAsync(int? carrierId)
    {
        _form.CarrierId = carrierId;
        _form.SiteIds.Clear();
        _sites = await Filing.SitesAsync((await AuthState).User, carrierId);
        await PreviewAsync();
    }

    private void Toggle(int siteId, bool on)
    {
        if (on)
        {
            _form.SiteIds.Add(siteId);
        }
        else
        {
            _form.SiteIds.Remove(siteId);
        }
    }

    private async Task ChangedAsync(Action set)
    {
        set();
        await PreviewAsync();
    }

    private bool ReadTimes()
    {
        var okStart = CallTimeText.TryParseChina(_start, out var start);
        var okEnd = CallTimeText.TryParseChina(_end, out var end);
        _form.StartChina = start;
        _form.EndChina = end;
        _isLong = start is { } s && end is { } e && e - s > Options.Value.MaximumWindow;
        return okStart && okEnd;
    }

    private async Task PreviewAsync()
    {
        if (!ReadTimes() || _form.StartChina is null || _form.EndChina is null)
        {
            _preview = null;
            return;
        }

        // Late notice and overlaps are known once sites and times are; a reason still missing is not an error yet.
        var probe = new NoticeForm
        {
            CarrierId = _form.CarrierId, AllSites = _form.AllSites, SiteIds = [.. _form.SiteIds], StartChina = _form.StartChina, EndChina = _form.EndChina,
            Work = "-", ContactName = "-", ContactMobile = "13800000000", LateReason = "-", LongWindowReason = "-",
        };
        var preview = await Filing.PreviewAsync(probe, (await AuthState).User, _editing?.Id);
        _preview = preview.IsSuccess ? preview.Value : null;
    }

    private async Task SubmitAsync()
    {
        _error = null;
        if (!ReadTimes())
        {
            _error = MT.TimeFormat;
            return;
        }

        _busy = true;
        try
        {
            var user = (await AuthState).User;
            var result = _editing is null
                ? await Filing.FileAsync(_form, user)
                : await Filing.EditAsync(_editing.Id, _editing.Version, _form, user);
            if (!result.IsSuccess)
            {
                _error = result.Error;
                await PreviewAsync();
                return;
            }

            Navigation.NavigateTo($"/maintenance/{result.Value!.Number}");
        }
        finally
        {
            _busy = false;
        }
    }
}
