using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GovNetOps.Web.Features.Calendar;

public sealed partial class CalendarPage : IDisposable
{
    [Inject] private WorkingCalendarSource Source { get; set; } = default!;
    [Inject] private Notifier<CalendarChanged> Changes { get; set; } = default!;
    [Inject] private CurrentActors Actors { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>The year to show first (?year=2027), e.g. from the admin home's reminder.</summary>
    [SupplyParameterFromQuery(Name = "year")] public int? InitialYear { get; set; }

    private WorkingCalendar _calendar = default!;
    private int _year;
    private int _today;
    private bool _canEdit;
    private bool _editing;
    private IDisposable? _subscription;

    /// <summary>The entered years, this year and next (entered or not), and the year asked for.</summary>
    private IEnumerable<int> Years =>
        _calendar.KnownYears.Append(_today).Append(_today + 1).Append(_year).Distinct().Order();

    protected override async Task OnInitializedAsync()
    {
        _calendar = Source.Current;
        _today = ChinaTime.DateOf(Time.GetUtcNow()).Year;
        _year = InitialYear is >= CalendarYear.MinYear and <= CalendarYear.MaxYear ? InitialYear.Value : _today;
        var user = (await AuthState).User;
        _canEdit = await Actors.HoldsAsync(user, AppPolicies.CalendarAdmin);
        _subscription = Changes.Subscribe(change => InvokeAsync(() =>
        {
            _calendar = change.Calendar;
            StateHasChanged();
        }));
    }

    private void SelectYear(int year)
    {
        // A second click on the selected chip deselects it (0): keep the year shown.
        if (year != 0)
        {
            _year = year;
            _editing = false;
        }
    }

    private void StartEdit() => _editing = true;

    private Task SavedAsync()
    {
        _editing = false;
        _calendar = Source.Current;
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
