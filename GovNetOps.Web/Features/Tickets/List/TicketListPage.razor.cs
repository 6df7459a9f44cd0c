using System.Globalization;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Components;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using GovNetOps.Web.Infrastructure.Timing;

namespace GovNetOps.Web.Features.Tickets.List;

/// <summary>All tickets for Ops and leadership: server-side filters, sorting and paging. Every filter lives in the URL's
/// query string (a change navigates), so Back and a shared link restore the list; refreshes itself when any ticket
/// changes, and its time-left column counts down every second.</summary>
public partial class TicketListPage
{
    internal const int DefaultPageSize = 20;
    private static readonly int[] PageSizes = [20, 50, 100];

    [Inject] private ListTicketsHandler Tickets { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "state")] public string? State { get; set; }
    [SupplyParameterFromQuery(Name = "carrier")] public int? Carrier { get; set; }
    [SupplyParameterFromQuery(Name = "class")] public string? Class { get; set; }
    [SupplyParameterFromQuery(Name = "breached")] public bool? Breached { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? Page { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public int? Rows { get; set; }
    [SupplyParameterFromQuery(Name = "approval")] public bool? Approval { get; set; }

    /// <summary>Only one incident's tickets (the link from a ticket page, or after an incident report).</summary>
    [SupplyParameterFromQuery(Name = "incident")] public string? Incident { get; set; }

    private IReadOnlyList<TicketRow> _rows = [];
    private int _total;
    private IReadOnlyList<(int Id, string Name)> _carriers = [];
    private bool _loading;
    private DateTimeOffset _now;
    private IDisposable? _subscription;
    private readonly LatestLoad _loads = new();
    private ITimer? _tick;

    private LocationClass? ClassValue => Enum.TryParse<LocationClass>(Class, out var c) && Enum.IsDefined(c) ? c : null;
    private TicketSort SortValue => Enum.TryParse<TicketSort>(Sort, out var s) && Enum.IsDefined(s) ? s : TicketSort.ReportedNewest;
    private int PageSize => Rows is { } size && PageSizes.Contains(size) ? size : DefaultPageSize;
    private int PageIndex => Math.Max(0, Page ?? 0);
    private int PageCount => Math.Max(1, (_total + PageSize - 1) / PageSize);
    private DateRange? Range => Day(From) is null && Day(To) is null ? null
        : new DateRange(Day(From)?.ToDateTime(TimeOnly.MinValue), Day(To)?.ToDateTime(TimeOnly.MinValue));

    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        _carriers = await Tickets.CarriersAsync();
        _subscription = Changes.Subscribe(OnChanged);
        _tick = Time.Every(TimeSpan.FromSeconds(1), () => _ = InvokeAsync(() => { _now = Time.GetUtcNow(); StateHasChanged(); }));
    }

    // The URL changed (a filter, Back, a shared link): load what it says.
    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        var query = new TicketQuery
        {
            Search = Q,
            Incident = Incident,
            State = Enum.TryParse<TicketState>(State, out var s) && Enum.IsDefined(s) ? s : null,
            OpenOnly = State == "open",
            CarrierId = Carrier,
            LocationClass = ClassValue,
            Breached = Breached,
            ReportedFrom = Day(From),
            ReportedTo = Day(To),
            AwaitingOpsDecision = Approval == true,
            Sort = SortValue,
            Page = PageIndex,
            PageSize = PageSize,
        };
        var load = _loads.Begin();
        var page = await Tickets.ListAsync(query, (await AuthState).User);
        if (!_loads.IsNewest(load))
        {
            return; // a newer load (another filter, a later change) is under way: it shows its own rows
        }

        _rows = page.Items;
        _total = page.Total;
        _now = Time.GetUtcNow();
        _loading = false;
    }

    // The board's colours, by the one rule (ClockSignal.RowColourAt).
    private string RowClass(TicketRow row) => row.ColourAt(_now) switch
    {
        ClockColour.Breached => "row-breached",
        ClockColour.Warning => "row-warning",
        _ => "",
    };

    private void ClearIncident() => Navigation.NavigateTo("/tickets");

    private string ColourClass(TicketRow row) => row.ColourAt(_now) switch
    {
        ClockColour.Breached => "breached",
        ClockColour.Warning => "warning",
        ClockColour.Paused => "paused",
        _ => "",
    };

    /// <summary>"剩余 0:12:00" / "已超时 0:05:00" on the governing clock; "挂起" when only a suspended clock is left; else "—".</summary>
    private string TimeLeft(TicketRow row)
    {
        if (row.Governing is { } clock)
        {
            var left = clock.Deadline - _now;
            return left >= TimeSpan.Zero ? string.Format(CultureInfo.CurrentCulture, TicketText.TimeLeft, Clock(left))
                : string.Format(CultureInfo.CurrentCulture, TicketText.Overdue, Clock(-left));
        }
        return row.ColourAt(_now) == ClockColour.Paused ? Labels.State(TicketState.Suspended) : "—";
    }

    private static string Clock(TimeSpan span) =>
        $"{(int)span.TotalHours}:{span.Minutes.ToString("00", CultureInfo.InvariantCulture)}:{span.Seconds.ToString("00", CultureInfo.InvariantCulture)}";

    private string PagerInfo() => TicketText.PagerInfo
        .Replace("{first_item}", (_total == 0 ? 0 : PageIndex * PageSize + 1).ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal)
        .Replace("{last_item}", Math.Min(_total, (PageIndex + 1) * PageSize).ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal)
        .Replace("{all_items}", _total.ToString(CultureInfo.CurrentCulture), StringComparison.Ordinal);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Day(DateTime? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private void SetState(string value) => Go(new() { ["state"] = value.Length == 0 ? null : value });
    private void SetCarrier(int? value) => Go(new() { ["carrier"] = value });
    private void SetClass(LocationClass? value) => Go(new() { ["class"] = value?.ToString() });
    private void SetBreached(bool? value) => Go(new() { ["breached"] = value });
    private void SetRange(DateRange? range) => Go(new() { ["from"] = Day(range?.Start), ["to"] = Day(range?.End) });
    private void SetSort(TicketSort value) => Go(new() { ["sort"] = value == TicketSort.ReportedNewest ? null : value.ToString() });
    private void SetApproval(bool value) => Go(new() { ["approval"] = value ? true : null });
    private void SetSize(int value) => Go(new() { ["size"] = value == DefaultPageSize ? null : value });
    private void SetPage(int number) => Go(new() { ["page"] = number <= 1 ? null : number - 1 }, keepPage: true);

    // Typing replaces the entry (Back skips the keystrokes but still lands on the searched list).
    private void OnSearch(string? text) => Go(new() { ["q"] = string.IsNullOrWhiteSpace(text) ? null : text }, replace: true);

    /// <summary>Navigates to this list with <paramref name="changes"/> in the query string (null removes a key); any
    /// filter change starts again at the first page.</summary>
    private void Go(Dictionary<string, object?> changes, bool keepPage = false, bool replace = false)
    {
        if (!keepPage)
        {
            changes["page"] = null;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes), replace: replace);
    }

    private Task OnChanged(TicketChanged change) => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        _subscription?.Dispose();
        _tick?.Dispose();
    }
}
