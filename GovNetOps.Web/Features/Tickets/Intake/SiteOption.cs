using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>A site as the intake picker shows it.</summary>
public sealed record SiteOption(int Id, string Name, string PinyinInitials, LocationClass LocationClass, int CarrierId, string CarrierName)
{
    public override string ToString() => Name;
}
