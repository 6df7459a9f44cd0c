namespace GovNetOps.Domain.Sla;

/// <summary>One cell of a used policy version whose configured value is no longer the value tickets were
/// reported under (see <see cref="SlaPolicyFingerprint.ChangesTo"/>).</summary>
/// <param name="Version">The policy version.</param>
/// <param name="Cell">The cell's name, as its configuration key under <c>Sla</c> (e.g. <c>RepairTownship</c>).</param>
/// <param name="Used">The canonical value the version was used with.</param>
/// <param name="Configured">The canonical value configured now.</param>
public sealed record SlaCellChange(int Version, string Cell, string Used, string Configured)
{
    /// <summary>The start-up refusal: what changed and how to change the matrix without moving used deadlines.</summary>
    public string Message =>
        $"Sla policy version {Version} was used with {Cell} = {Used} but is now configured as {Configured}: " +
        $"give the changed matrix a new {SlaPolicy.SectionName}:Version and keep the old one under {SlaPolicy.SectionName}:PreviousVersions";
}
