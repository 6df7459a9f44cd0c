namespace GovNetOps.Web.Features.Maintenance;

/// <summary>A maintenance notice was filed, edited, decided, started or finished, or a fault was linked to it (committed).</summary>
public sealed record MaintenanceChanged(long NoticeId, string Number, int CarrierId);
