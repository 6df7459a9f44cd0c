namespace GovNetOps.Domain.Sla;

/// <summary>Who owns a fault (Article 11).</summary>
public enum FaultScope
{
    /// <summary>骨干网络: the carrier fixes it; the Article 12 clocks apply.</summary>
    Backbone = 1,

    /// <summary>单位局域网: the unit's own LAN (Article 11); tracked as assistance, no carrier clocks.</summary>
    Lan = 2,
}
