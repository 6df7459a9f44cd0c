using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Adds a permanent entry to a carrier's record (table CarrierViolations, counted by the monthly report), saved
/// by the caller's own SaveChanges with the change that caused it.</summary>
public static class CarrierViolations
{
    public static CarrierViolationRecord Add(AppDbContext db, int carrierId, CarrierViolationKind kind, DateTimeOffset occurredAt,
        IEnumerable<int> siteIds, long? noticeId, Guid? ticketId, string detail, string recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = new CarrierViolationRecord
        {
            CarrierId = carrierId, Kind = kind, OccurredAt = occurredAt, SiteIds = string.Join(',', siteIds.Order()),
            NoticeId = noticeId, TicketId = ticketId, Detail = detail, RecordedBy = recordedBy, RecordedAt = now,
        };
        db.CarrierViolations.Add(record);
        return record;
    }
}
