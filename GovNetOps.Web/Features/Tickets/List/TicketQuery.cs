using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Web.Features.Tickets.List;

/// <summary>Filters of the ticket list (all optional).</summary>
public sealed record TicketQuery
{
    public TicketState? State { get; init; }
    public bool OpenOnly { get; init; }
    public int? CarrierId { get; init; }
    public LocationClass? LocationClass { get; init; }
    public bool? Breached { get; init; }
    public DateOnly? ReportedFrom { get; init; }
    public DateOnly? ReportedTo { get; init; }
    public string? Search { get; init; }

    /// <summary>Only the tickets of this incident (SJ-yyyyMMdd-nn).</summary>
    public string? Incident { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

public sealed record TicketResults(IReadOnlyList<TicketRow> Items, int Total);
