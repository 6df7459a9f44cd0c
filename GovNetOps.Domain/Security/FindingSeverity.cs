namespace GovNetOps.Domain.Security;

/// <summary>How serious an inspection finding is (Article 9).</summary>
public enum FindingSeverity
{
    /// <summary>一般: the unit is told to rectify; it stays connected.</summary>
    General = 1,

    /// <summary>严重: 问题较严重 — the site is disconnected at once until the rectification is verified.</summary>
    Serious = 2,
}
