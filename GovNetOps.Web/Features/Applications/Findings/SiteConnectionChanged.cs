using GovNetOps.Domain.Registry;

namespace GovNetOps.Web.Features.Applications.Findings;

/// <summary>A site was disconnected for rectification or reconnected (committed): the board's 断网整改中 panel reloads.</summary>
public sealed record SiteConnectionChanged(int SiteId, SiteConnectionStatus Status);
