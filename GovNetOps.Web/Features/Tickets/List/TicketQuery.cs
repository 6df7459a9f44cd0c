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

    /// <summary>Only tickets with a complex-fault or suspension request awaiting Ops (<see cref="TicketFilters.AwaitingOpsDecision"/>).</summary>
    public bool AwaitingOpsDecision { get; init; }

    public TicketSort Sort { get; init; } = TicketSort.ReportedNewest;
    /// <summary>Only the tickets of this incident (SJ-yyyyMMdd-nn).</summary>
    public string? Incident { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

/// <summary>The list's orders; the URL carries their names.</summary>
public enum TicketSort
{
    /// <summary>Newest report first (the default).</summary>
    ReportedNewest = 1,

    /// <summary>Oldest report first.</summary>
    ReportedOldest = 2,

    /// <summary>Least time left first (overdue first), by the governing deadline; tickets with no running clock last.</summary>
    TimeLeft = 3,
}

public sealed record TicketResults(IReadOnlyList<TicketRow> Items, int Total);
