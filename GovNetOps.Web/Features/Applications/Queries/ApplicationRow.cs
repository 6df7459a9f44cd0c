using GovNetOps.Domain.Applications;

namespace GovNetOps.Web.Features.Applications.Queries;

/// <summary>One application in a list: the running clock's deadline (review or implementation) and whether it is provisional.</summary>
public sealed record ApplicationRow(
    Guid Id, string Number, ApplicationKind Kind, ChangeType? ChangeType, string UnitName, ApplicationState State,
    DateTimeOffset ReceivedAt, DateTimeOffset? NextDeadlineAt, bool IsProvisional, string? CarrierName, int Version, int? PausedDaysLeft);
