using GovNetOps.Domain.Security;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>A security inspection finding against a site (Articles 9, 25), its rectification and verification.</summary>
public sealed class SecurityFindingRecord
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public FindingSeverity Severity { get; set; }
    public FindingState State { get; set; }
    public string Description { get; set; } = "";
    public DateOnly RectificationDue { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public string RecordedByName { get; set; } = "";

    /// <summary>True when recording it disconnected the site (a serious finding at a connected site).</summary>
    public bool Disconnected { get; set; }

    /// <summary>When the site this finding disconnected was reconnected (恢复接入); null while it is still disconnected
    /// or when the finding disconnected nothing. The board's 断网整改中 panel and the monthly report read it.</summary>
    public DateTimeOffset? ReconnectedAt { get; set; }
    public string RectificationNote { get; set; } = "";
    public DateTimeOffset? RectifiedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string VerifiedByName { get; set; } = "";
}
