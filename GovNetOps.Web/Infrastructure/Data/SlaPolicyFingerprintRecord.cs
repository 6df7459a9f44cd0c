using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The cells of an Sla policy version as they were when tickets first used it
/// (<see cref="SlaPolicyFingerprint.Cells"/>); start-up refuses a configuration that edits them.</summary>
public sealed class SlaPolicyFingerprintRecord
{
    public int Version { get; set; }
    public string Cells { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
