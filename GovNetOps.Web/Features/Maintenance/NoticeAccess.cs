using System.Linq.Expressions;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Who sees and touches which notice — the one place (as TicketFilters is for tickets): a carrier only its own
/// carrier's notices; Ops and leadership all of them.</summary>
public static class NoticeAccess
{
    /// <summary>The notices <paramref name="actor"/> may see.</summary>
    public static Expression<Func<MaintenanceNoticeRecord, bool>> VisibleTo(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is Role.Ops or Role.Leader)
        {
            return n => true;
        }

        var carrierId = actor.Role == Role.Carrier ? actor.CarrierId ?? -1 : -1;
        return n => n.CarrierId == carrierId;
    }

    public static bool CanSee(Actor actor, int noticeCarrierId) =>
        actor.Role is Role.Ops or Role.Leader || actor.Role == Role.Carrier && actor.CarrierId == noticeCarrierId;

    /// <summary>File, edit, start and finish: the carrier itself, or Ops on its behalf.</summary>
    public static bool CanActFor(Actor actor, int noticeCarrierId) =>
        actor.Role == Role.Ops || actor.Role == Role.Carrier && actor.CarrierId == noticeCarrierId;

    /// <summary>Approved windows (approved, in progress or completed) — the ones that cover a site.</summary>
    public static readonly Expression<Func<MaintenanceNoticeRecord, bool>> ApprovedWindow = n =>
        n.Status == MaintenanceStatus.Approved || n.Status == MaintenanceStatus.InProgress || n.Status == MaintenanceStatus.Completed;
}
