using GovNetOps.Domain.Maintenance;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>One affected site as shown.</summary>
public sealed record NoticeSite(int Id, string Name);

/// <summary>A notice as its page shows it.</summary>
public sealed record NoticeDetails(
    long Id, string Number, int CarrierId, string CarrierName, string CarrierShortName, bool AllSites, IReadOnlyList<NoticeSite> Sites,
    string Work, string Impact, string ContactName, string ContactMobile, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset FiledAt, string FiledBy, bool FiledByOps, bool IsLate, string? LateReason, string? LongWindowReason,
    MaintenanceStatus Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Version)
{
    public MaintenanceNotice ToDomain() => new(Id, CarrierId, Sites.Select(s => s.Id).ToList(), StartsAt, EndsAt, Status, StartedAt, FinishedAt);
}

/// <summary>A notice in a list.</summary>
public sealed record NoticeRow(
    long Id, string Number, string CarrierShortName, int CarrierId, IReadOnlyList<string> SiteNames, bool AllSites, string Work,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, MaintenanceStatus Status, bool IsLate, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>The filters of the notices list.</summary>
public sealed class NoticeQuery
{
    public MaintenanceStatus? Status { get; set; }
    public int? CarrierId { get; set; }

    /// <summary>Only notices whose window ends on or after this China date.</summary>
    public DateTime? FromChina { get; set; }

    /// <summary>Only notices whose window starts on or before the end of this China date.</summary>
    public DateTime? ToChina { get; set; }

    /// <summary>Only late notices (未按时报备).</summary>
    public bool LateOnly { get; set; }
}

/// <summary>A window on the board: ongoing or starting within 24 h, approved.</summary>
public sealed record BoardWindow(long Id, string Number, string CarrierShortName, IReadOnlyList<string> SiteNames, bool AllSites,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, MaintenanceStatus Status, DateTimeOffset? StartedAt);
