using System.Security.Claims;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Escalation;

/// <summary>One line of the escalation log.</summary>
public sealed record EscalationLogRow(
    long Id, string Number, string SiteName, string CarrierName, ClockKind Clock, EscalationLevel Level, int Repeat,
    DateTimeOffset DueAt, DateTimeOffset RecordedAt, long LatenessMs, EscalationSource Source, RecipientGroup Recipients, int NotifiedUsers)
{
    /// <summary>Recorded more than a second after its instant (only ever after downtime or a back-dated report).</summary>
    public bool IsLate => LatenessMs > EscalationLogService.OnTimeMs;
}

/// <summary>The escalation log for ops (leaders read it too).</summary>
public sealed class EscalationLogService(IDbContextFactory<AppDbContext> factory, CurrentActors actors)
{
    public const long OnTimeMs = 1000;

    public async Task<IReadOnlyList<EscalationLogRow>> ListAsync(ClaimsPrincipal user, bool lateOnly, int take = 500, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.EscalationLog, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = db.EscalationRecords.AsNoTracking();
        if (lateOnly)
        {
            q = q.Where(r => r.LatenessMs > OnTimeMs);
        }

        return await q.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Take(take)
            .Select(r => new EscalationLogRow(r.Id, r.Ticket!.Number, r.Ticket.Site!.Name, r.Ticket.Carrier!.ShortName, r.Clock, r.Level, r.Repeat,
                r.DueAt, r.RecordedAt, r.LatenessMs, r.Source, r.Recipients, r.NotifiedUsers))
            .ToListAsync(cancellationToken);
    }
}
