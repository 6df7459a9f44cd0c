namespace GovNetOps.Domain.Sla;

/// <summary>Who an escalation step notifies (PRODUCT.md interpretation 8).</summary>
[Flags]
public enum RecipientGroup
{
    /// <summary>Nobody.</summary>
    None = 0,

    /// <summary>The carrier's engineers on the ticket.</summary>
    CarrierEngineers = 1,

    /// <summary>The carrier's manager.</summary>
    CarrierManager = 2,

    /// <summary>The management unit's ops duty officer (运维值班员).</summary>
    OpsDutyOfficer = 4,

    /// <summary>Bureau leadership (局领导).</summary>
    Leadership = 8,
}
