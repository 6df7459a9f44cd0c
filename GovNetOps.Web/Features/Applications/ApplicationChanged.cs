namespace GovNetOps.Web.Features.Applications;

/// <summary>An application was recorded or moved (committed): lists refresh, the reminder plan is brought in line.</summary>
public sealed record ApplicationChanged(Guid ApplicationId, int? CarrierId);
