using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Sla;

/// <summary>Keeps the fingerprint of every Sla policy version a ticket has used (one row per version,
/// written once and never updated).</summary>
public static class SlaPolicyFingerprints
{
    /// <summary>Adds the policy's fingerprint to <paramref name="db"/> unless its version already has one;
    /// the caller saves, in the same transaction as the ticket that uses the version.</summary>
    public static async Task RecordIfMissingAsync(AppDbContext db, SlaPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policy);
        if (db.SlaPolicyFingerprints.Local.Any(f => f.Version == policy.Version)
            || await db.SlaPolicyFingerprints.AnyAsync(f => f.Version == policy.Version, cancellationToken))
        {
            return;
        }

        db.SlaPolicyFingerprints.Add(new SlaPolicyFingerprintRecord
        {
            Version = policy.Version,
            Cells = SlaPolicyFingerprint.Of(policy).Cells,
            RecordedAt = now,
        });
    }
}
