namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One version of the Article 12 matrix. Seeded from configuration (section "Sla") on the first start, then
/// added by an admin; never updated or deleted (tickets keep the version they were reported under).</summary>
public sealed class SlaPolicyVersionRecord
{
    public int Version { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public TimeSpan Response { get; set; }
    public TimeSpan RepairCountyDirect { get; set; }
    public TimeSpan RepairTownship { get; set; }
    public TimeSpan RepairCoreRoom { get; set; }
    public TimeSpan Complex { get; set; }

    /// <summary>The version's escalation ladder (<see cref="Sla.EscalationLadderText"/>); null means the configured section
    /// "Escalation", as for the versions seeded from configuration and every version stored before ladders were kept
    /// with their version.</summary>
    public string? Escalation { get; set; }

    /// <summary>When the version was stored (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who stored it ("configuration" for the seeded versions).</summary>
    public string CreatedBy { get; set; } = "";
}
