namespace GovNetOps.Domain.Security;

/// <summary>Where a security finding stands (Article 9: 责成整改 … 待整改完成后再行接入).</summary>
public enum FindingState
{
    /// <summary>待整改: recorded; the unit must rectify by the deadline.</summary>
    Open = 1,

    /// <summary>待验证: the unit reported its rectification; Ops has not verified it yet.</summary>
    Rectified = 2,

    /// <summary>已验证: Ops verified the rectification; a disconnected site may be reconnected.</summary>
    Verified = 3,
}
