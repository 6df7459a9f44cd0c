using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Applications.Queries;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Pages;

/// <summary>Ops types an annex-1 or annex-2 form from the unit's signed paper; a change starts from the registered site.</summary>
public partial class ApplicationFormPage
{
    [Parameter] public string KindText { get; set; } = "access";
    [Inject] private RecordApplicationHandler Handler { get; set; } = default!;
    [Inject] private ApplicationQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private readonly ApplicationForm _form = new();
    private readonly Dictionary<string, string> _errors = [];
    private IReadOnlyList<Site> _sites = [];
    private Site? _site;
    private bool _saving;
    private string? _error;

    private string Title => _form.Kind == ApplicationKind.Access ? T.Form_AccessTitle : T.Form_ChangeTitle;

    protected override async Task OnParametersSetAsync()
    {
        _form.Kind = string.Equals(KindText, "change", StringComparison.OrdinalIgnoreCase) ? ApplicationKind.Change : ApplicationKind.Access;
        if (_form.Kind == ApplicationKind.Change && _sites.Count == 0)
        {
            _sites = await Queries.ChangeableSitesAsync((await AuthState).User);
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Of(string field) => _errors.GetValueOrDefault(field);

    private Task<IEnumerable<Site>> SearchSites(string? text, CancellationToken cancellationToken)
    {
        var q = text?.Trim() ?? "";
        return Task.FromResult(_sites.Where(s => q.Length == 0 || s.Name.Contains(q, StringComparison.Ordinal)
            || s.PinyinInitials.StartsWith(q.ToLowerInvariant(), StringComparison.Ordinal)).Take(12));
    }

    /// <summary>A change starts from the unit as registered: its annex fields are copied in, to be corrected from the form.</summary>
    private void PickSite(Site? site)
    {
        _site = site;
        _form.SiteId = site?.Id;
        if (site is null)
        {
            return;
        }

        _form.UnitName = site.Name;
        _form.UserTypeChoice = site.UserType is ApplicationForm.GovernmentOrgan or ApplicationForm.PublicInstitution ? site.UserType : "";
        _form.UserTypeOther = _form.UserTypeChoice.Length == 0 ? site.UserType : "";
        _form.Address = site.Address;
        _form.NetworkAdminName = site.NetworkAdminName;
        _form.NetworkAdminMobile = site.NetworkAdminMobile;
        _form.TechContactName = site.TechContactName;
        _form.TechContactMobile = site.TechContactMobile;
        _form.BandwidthMbps = site.BandwidthMbps;
    }

    private async Task SubmitAsync()
    {
        if (_saving)
        {
            return;
        }

        _saving = true;
        _error = null;
        try
        {
            var result = await Handler.RecordAsync(_form, (await AuthState).User, _errors);
            if (result.IsSuccess)
            {
                Navigation.NavigateTo($"/applications/{result.Value}");
                return;
            }

            _error = _errors.Count == 0 ? result.Error : T.Form_Fix;
        }
        finally
        {
            _saving = false;
        }
    }
}
