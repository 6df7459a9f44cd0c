using System.Globalization;
using GovNetOps.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ContactsText = GovNetOps.Web.Resources.Contacts;

namespace GovNetOps.Web.Features.Contacts;

public sealed partial class ContactsPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<SiteContactStatus> _sites = [];
    private int? _registering;
    private int? _stopping;
    private string? _name, _mobile, _date, _error;

    protected override async Task OnInitializedAsync() => _sites = await Registry.StatusAsync();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Standing(SiteContactStatus site)
    {
        if (site.Due is { } due)
        {
            var text = string.Format(site.IsOverdue ? ContactsText.Overdue : ContactsText.DueBy, ChinaTime.Format(due.DueAt));
            return due.IsProvisional ? text + ContactsText.Provisional : text;
        }

        return site.HasNoContact ? ContactsText.NoContact : ContactsText.Ok;
    }

    private void BeginRegister(int siteId) =>
        (_registering, _stopping, _name, _mobile, _date, _error) = (siteId, null, null, null, Iso(ChinaTime.DateOf(Time.GetUtcNow())), null);

    private void BeginStop(int contactId) =>
        (_stopping, _registering, _date, _error) = (contactId, null, Iso(ChinaTime.DateOf(Time.GetUtcNow())), null);

    private async Task RegisterAsync(int siteId)
    {
        if (!TryDate(out var from))
        {
            return;
        }

        await DoneAsync(await Registry.RegisterAsync((await AuthState).User, siteId, _name, _mobile, from));
    }

    private async Task StopAsync(int contactId)
    {
        if (!TryDate(out var on))
        {
            return;
        }

        await DoneAsync(await Registry.StopAsync((await AuthState).User, contactId, on));
    }

    private bool TryDate(out DateOnly date)
    {
        var ok = DateOnly.TryParseExact(_date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        _error = ok ? null : ContactsText.DateInvalid;
        return ok;
    }

    private async Task DoneAsync(Result result)
    {
        _error = result.Error;
        if (result.IsSuccess)
        {
            (_registering, _stopping) = (null, null);
            Snackbar.Add(ContactsText.Saved, MudBlazor.Severity.Success);
            _sites = await Registry.StatusAsync();
        }
    }
}
