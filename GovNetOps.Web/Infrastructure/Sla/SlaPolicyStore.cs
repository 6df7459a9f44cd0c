using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Sla;

/// <summary>
/// The database is the source of the matrix after the first start. First start: the configured versions (section
/// "Sla", with PreviousVersions) are stored. Every start: the book is replaced by the stored versions, before
/// <see cref="SlaPolicyStartupCheck"/> compares them with the fingerprints tickets were reported under. A configuration
/// that differs from the database afterwards is logged and ignored: a new version is made on the SLA policy page.
/// A stored version without a ladder of its own takes the configured section "Escalation" (read at start-up, as before
/// ladders were kept with their version); one made on the page keeps the ladder it was made with.
/// </summary>
internal sealed class SlaPolicyStore(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook book,
    IOptions<EscalationPolicy> configuredLadder,
    TimeProvider time,
    ILogger<SlaPolicyStore> logger) : IDatabaseCheck
{
    public const string SeededBy = "configuration";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SlaPolicyVersions.AsNoTracking().OrderBy(v => v.Version).ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            var now = time.GetUtcNow();
            foreach (var policy in book.Versions)
            {
                db.SlaPolicyVersions.Add(ToRecord(policy, now, SeededBy, keepLadder: false));
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Sla policy versions {Versions} stored from configuration", string.Join(", ", book.Versions.Select(v => v.Version)));
            return;
        }

        var configured = book.Versions.ToList();
        Replace(book, stored, configuredLadder.Value);
        foreach (var policy in configured)
        {
            var kept = book.TryGetVersion(policy.Version, out var inDb) ? inDb : null;
            if (kept is null || SlaPolicyFingerprint.Of(kept).Cells != SlaPolicyFingerprint.Of(policy).Cells)
            {
                logger.LogWarning("Configuration section Sla (version {Version}) differs from the database and is ignored: " +
                    "the database holds the matrix; add a version on the SLA policy page", policy.Version);
            }
        }
    }

    /// <summary>The row of a version; <paramref name="keepLadder"/> false leaves its ladder to the configured section.</summary>
    public static SlaPolicyVersionRecord ToRecord(SlaPolicy policy, DateTimeOffset now, string by, bool keepLadder) => new()
    {
        Version = policy.Version,
        EffectiveFrom = policy.EffectiveFrom,
        Response = policy.Response,
        RepairCountyDirect = policy.RepairCountyDirect,
        RepairTownship = policy.RepairTownship,
        RepairCoreRoom = policy.RepairCoreRoom,
        Complex = policy.Complex,
        Escalation = keepLadder ? EscalationLadderText.Write(policy.Escalation) : null,
        CreatedAt = now,
        CreatedBy = by,
    };

    /// <summary>Every stored version becomes the book (at start-up, and on each instance when another one added a
    /// version: PostgreSqlClusterEvents).</summary>
    public static async Task ReloadAsync(AppDbContext db, SlaPolicyBook book, EscalationPolicy configuredLadder, CancellationToken cancellationToken)
    {
        var stored = await db.SlaPolicyVersions.AsNoTracking().OrderBy(v => v.Version).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            Replace(book, stored, configuredLadder);
        }
    }

    private static void Replace(SlaPolicyBook book, IEnumerable<SlaPolicyVersionRecord> stored, EscalationPolicy configuredLadder) =>
        book.ReplaceAll(stored.Select(r => ToPolicy(r, configuredLadder)));

    /// <summary>The version a row holds; a row without a ladder takes <paramref name="configuredLadder"/>.</summary>
    public static SlaPolicy ToPolicy(SlaPolicyVersionRecord record, EscalationPolicy configuredLadder) => new()
    {
        Version = record.Version,
        EffectiveFrom = record.EffectiveFrom,
        Response = record.Response,
        RepairCountyDirect = record.RepairCountyDirect,
        RepairTownship = record.RepairTownship,
        RepairCoreRoom = record.RepairCoreRoom,
        Complex = record.Complex,
        Escalation = record.Escalation is { } ladder ? EscalationLadderText.Read(ladder) : configuredLadder,
    };
}
