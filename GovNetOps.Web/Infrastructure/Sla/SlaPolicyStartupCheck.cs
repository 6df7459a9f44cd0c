using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Sla;

/// <summary>
/// Right after migrations: refuses to start when a ticket references a policy version that is not configured
/// (its clocks could not be computed), or when a used version's cells differ from the ones it was used with
/// (its open tickets' deadlines would move silently). Then keeps the fingerprint of every used version
/// that has none yet (a database from before fingerprints, or tickets written by other means).
/// </summary>
internal sealed class SlaPolicyStartupCheck(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook policies,
    TimeProvider time,
    ILogger<SlaPolicyStartupCheck> logger) : IDatabaseCheck
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var used = await db.FaultTickets.Select(t => t.PolicyVersion).Distinct().OrderBy(v => v).ToListAsync(cancellationToken);
        var kept = await db.SlaPolicyFingerprints.OrderBy(f => f.Version).ToDictionaryAsync(f => f.Version, cancellationToken);

        var problems = new List<string>();
        foreach (var version in used.Where(v => !policies.TryGetVersion(v, out _)))
        {
            var cells = kept.TryGetValue(version, out var known) ? $" (it was used with {known.Cells})" : "";
            problems.Add($"Tickets in the database reference Sla policy version {version}, which is not configured: " +
                $"add it to {SlaPolicy.SectionName}:PreviousVersions{cells}");
        }
        foreach (var record in kept.Values)
        {
            if (policies.TryGetVersion(record.Version, out var configured))
            {
                var changes = SlaPolicyFingerprint.Parse(record.Version, record.Cells).ChangesTo(SlaPolicyFingerprint.Of(configured!));
                problems.AddRange(changes.Select(c => c.Message));
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var now = time.GetUtcNow();
        foreach (var version in used.Where(v => !kept.ContainsKey(v)))
        {
            await SlaPolicyFingerprints.RecordIfMissingAsync(db, policies.ForVersion(version), now, cancellationToken);
            logger.LogInformation("Kept the fingerprint of Sla policy version {Version}, used by existing tickets", version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
