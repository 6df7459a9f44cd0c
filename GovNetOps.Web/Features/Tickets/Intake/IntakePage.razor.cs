using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GovNetOps.Web.Features.Tickets.Intake;

public partial class IntakePage
{
    [Inject] private ReportFaultHandler Intake { get; set; } = default!;
    [Inject] private ReportIncidentHandler Incidents { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private readonly IntakeForm _form = new();
    private IReadOnlyList<SiteOption> _sites = [];
    private Dictionary<string, string> _errors = [];
    private string? _serverError;
    private bool _saving;
    private bool _submitted;
    private ReportTimeField? _reportTime;
    private bool _backdated;

    // One outage, many sites: the sites picked for one incident report.
    private bool _incident;
    private List<SiteOption> _picked = [];

    private SiteOption? Site
    {
        get => _sites.FirstOrDefault(s => s.Id == _form.SiteId);
        set
        {
            _form.SiteId = value?.Id;
            _form.LocationClassOverride = null;
        }
    }

    private bool IsOverridden => !_incident && Site is not null && _form.LocationClassOverride is { } c && c != Site.LocationClass;

    private bool IsBackdated
    {
        get
        {
            // A half-typed time ("2026-03-02 08:0") is no time: the reason field stays as it was rather than vanish
            // between keystrokes and take what is being typed into it along.
            if (_reportTime?.IsMalformed != true)
            {
                _backdated = !_form.ReportedNow && _form.ReportedAtChina is { } t
                    && Time.GetUtcNow() - IntakeValidator.ToUtc(t) > FaultTicket.BackdateTolerance;
            }
            return _backdated;
        }
    }

    protected override async Task OnInitializedAsync() => _sites = await Intake.SitesAsync();

    /// <summary>Type-ahead on the name or the pinyin initials (cgz → 城关镇人民政府).</summary>
    internal Task<IEnumerable<SiteOption>> SearchSites(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(SiteSearch.Find(_sites, text));

    private void SetIncidentMode(bool on)
    {
        _incident = on;
        _form.LocationClassOverride = null;
        if (on && Site is { } site && !_picked.Contains(site))
        {
            _picked = [site, .. _picked];
        }
    }

    private void OnPickedChanged(List<SiteOption> picked) => _picked = picked;

    private async Task SubmitIncidentAsync()
    {
        _form.SiteIds = _picked.Select(s => s.Id).ToList();
        var result = await Incidents.ReportAsync(_form, (await AuthState).User);
        if (result.IsSuccess)
        {
            Navigation.NavigateTo($"/tickets?incident={Uri.EscapeDataString(result.IncidentNumber!)}");
            return;
        }
        _errors = result.Errors.Where(e => e.Key != IntakeResult.FormKey).ToDictionary();
        _serverError = result.Errors.GetValueOrDefault(IntakeResult.FormKey);
    }
    // The last submission's verdict on the time (e.g. "in the future") no longer applies to what is typed now.
    private void OnReportTimeChanged() => _errors.Remove(nameof(IntakeForm.ReportedAtChina));

    private bool HasError(string field) => _submitted && _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _submitted ? _errors.GetValueOrDefault(field) : null;

    private async Task SubmitAsync()
    {
        if (_saving)
        {
            return;
        }

        _submitted = true;
        _serverError = null;
        _saving = true;
        try
        {
            if (_incident)
            {
                await SubmitIncidentAsync();
                return;
            }
            var result = await Intake.ReportAsync(_form, (await AuthState).User);
            if (result.IsSuccess)
            {
                Navigation.NavigateTo($"/tickets/{result.Number}?new=1");
                return;
            }
            _errors = result.Errors.Where(e => e.Key != IntakeResult.FormKey).ToDictionary();
            if (_reportTime?.IsMalformed == true)
            {
                // The field says what is wrong with what was typed; "required" would mislead.
                _errors.Remove(nameof(IntakeForm.ReportedAtChina));
            }

            _serverError = result.Errors.GetValueOrDefault(IntakeResult.FormKey);
        }
        finally
        {
            _saving = false;
        }
    }
}
