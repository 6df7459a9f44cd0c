using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>Loads tickets from their events and appends new events. Appends are serialised
/// (one writer: the hash chain links every event to the one before) and guarded by the
/// ticket's version, so a stale writer gets a conflict and nothing is overwritten.</summary>
public sealed class TicketStore(IDbContextFactory<AppDbContext> factory, SlaPolicyBook policies)
{
    public static string ConflictMessage => Resources.TicketText.Conflict;

    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public async Task<FaultTicket?> LoadAsync(Guid ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : FaultTicket.Rehydrate(rows.Select(EventChain.ToDomain));
    }

    /// <summary>Persists the events the ticket gained since <paramref name="versionBefore"/> and
    /// rewrites its projection; returns the ticket number, or the conflict message.</summary>
    public async Task<Result<string>> SaveAsync(FaultTicket ticket, int versionBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            FaultTicketRecord? record;
            if (versionBefore == 0)
            {
                record = new FaultTicketRecord { Id = ticket.Id, Number = await NextNumberAsync(db, ticket.LoggedAt, cancellationToken) };
                db.FaultTickets.Add(record);
            }
            else
            {
                record = await db.FaultTickets.SingleOrDefaultAsync(t => t.Id == ticket.Id, cancellationToken);
                if (record is null || record.Version != versionBefore) return Result<string>.Fail(ConflictMessage);
            }
            Project(ticket, record, policies, now);

            var previous = await db.TicketEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken)
                ?? EventChain.Genesis;
            foreach (var e in ticket.Events.Skip(versionBefore))
            {
                var row = EventChain.ToRecord(e);
                row.PreviousHash = previous;
                row.Hash = previous = EventChain.Compute(row);
                db.TicketEvents.Add(row);
            }
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return Result<string>.Ok(record.Number);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<string>.Fail(ConflictMessage);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // UNIQUE(TicketId, Sequence): another process appended the same sequence first.
            return Result<string>.Fail(ConflictMessage);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Writes the domain ticket and its clocks at <paramref name="now"/> into the row.</summary>
    public static void Project(FaultTicket t, FaultTicketRecord r, SlaPolicyBook policies, DateTimeOffset now)
    {
        r.SiteId = t.SiteId;
        r.CarrierId = t.CarrierId;
        r.LocationClass = t.LocationClass;
        r.Scope = t.Scope;
        r.Symptoms = t.Symptoms;
        r.ReporterName = t.ReporterName;
        r.ReporterMobile = t.ReporterMobile;
        r.ReportedAt = t.ReportedAt;
        r.LoggedAt = t.LoggedAt;
        r.PolicyVersion = t.PolicyVersion;
        r.State = t.State;
        r.AcknowledgedAt = t.AcknowledgedAt;
        r.RepairedAt = t.RepairedAt;
        r.ClosedAt = t.ClosedAt;
        r.CancelledAt = t.CancelledAt;
        r.Complex = t.Complex;
        r.SuspendRequested = t.PendingSuspendReason is not null;
        r.LastEventAt = t.Events[^1].At;
        r.Version = t.Version;

        var clocks = SlaClocks.Compute(t, policies, now);
        var response = clocks.FirstOrDefault(c => c.Kind == ClockKind.Response);
        var repair = clocks.FirstOrDefault(c => c.Kind == ClockKind.Repair);
        r.ResponseDeadline = response?.Deadline;
        r.RepairDeadline = repair?.Deadline;
        // A breach is permanent (interpretation 6): once seen, the flag never goes back.
        r.ResponseBreached |= response?.IsBreached ?? false;
        r.RepairBreached |= repair?.IsBreached ?? false;
    }

    private static async Task<string> NextNumberAsync(AppDbContext db, DateTimeOffset loggedAt, CancellationToken cancellationToken)
    {
        var prefix = $"GZ-{ChinaTime.DateOf(loggedAt):yyyyMMdd}-";
        var last = await db.FaultTickets.Where(t => t.Number.StartsWith(prefix))
            .OrderByDescending(t => t.Number).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
