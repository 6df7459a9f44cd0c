using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using GovNetOps.Web.Infrastructure.Tickets;
using MudBlazor;

namespace GovNetOps.Web.Features.Tickets.List;

/// <summary>All tickets for Ops and leadership: server-side paging and filters; refreshes itself
/// when any ticket changes.</summary>
public partial class TicketListPage
{
    [Inject] private ListTicketsHandler Tickets { get; set; } = default!;
    [Inject] private Notifier<TicketChanged> Changes { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>Only one incident's tickets (the link from a ticket page, or after an incident report).</summary>
    [SupplyParameterFromQuery(Name = "incident")] public string? Incident { get; set; }

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private MudTable<TicketRow>? _table;
    private IReadOnlyList<(int Id, string Name)> _carriers = [];
    private string? _search;
    private string _state = "";
    private int? _carrier;
    private LocationClass? _class;
    private bool? _breached;
    private DateRange? _range;
    private bool _loading;
    private DateTimeOffset _now;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        _carriers = await Tickets.CarriersAsync();
        _subscription = Changes.Subscribe(OnChanged);
    }

    private async Task<TableData<TicketRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        _loading = true;
        _now = Time.GetUtcNow();
        var query = new TicketQuery
        {
            Search = _search,
            Incident = Incident,
            State = Enum.TryParse<TicketState>(_state, out var s) ? s : null,
            OpenOnly = _state == "open",
            CarrierId = _carrier,
            LocationClass = _class,
            Breached = _breached,
            ReportedFrom = _range?.Start is { } from ? DateOnly.FromDateTime(from) : null,
            ReportedTo = _range?.End is { } to ? DateOnly.FromDateTime(to) : null,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        var page = await Tickets.ListAsync(query, (await AuthState).User, cancellationToken);
        _loading = false;
        return new TableData<TicketRow> { Items = page.Items, TotalItems = page.Total };
    }

    // The board's colours, by the one rule (ClockSignal.RowColourAt).
    private string RowClass(TicketRow row) => row.ColourAt(_now) switch
    {
        ClockColour.Breached => "row-breached",
        ClockColour.Warning => "row-warning",
        _ => "",
    };

    private void ClearIncident() => Navigation.NavigateTo("/tickets");

    protected override async Task OnParametersSetAsync()
    {
        if (_table is not null) await _table.ReloadServerData();
    }

    private Task OnSearch(string? text) => SetAsync(() => _search = text);

    private async Task SetAsync(Action change)
    {
        change();
        if (_table is not null) await _table.ReloadServerData();
    }

    private Task OnChanged(TicketChanged change) =>
        InvokeAsync(async () => { if (_table is not null) await _table.ReloadServerData(); });

    public void Dispose() => _subscription?.Dispose();
}
