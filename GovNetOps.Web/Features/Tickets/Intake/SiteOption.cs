using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>A site as the intake picker shows it.</summary>
public sealed record SiteOption(int Id, string Name, string PinyinInitials, LocationClass LocationClass, int CarrierId, string CarrierName,
    GovNetOps.Domain.Registry.SiteConnectionStatus Status = GovNetOps.Domain.Registry.SiteConnectionStatus.Connected)
{
    public override string ToString() => Name;
}
