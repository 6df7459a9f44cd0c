using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>Every ticket read and action, authorised here on the server for the signed-in user:
/// by role (the Domain's transition table) and by ownership (a carrier sees and touches only
/// its own tickets). A refused attempt is logged.</summary>
public sealed class TicketService(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    IOptions<SlaPolicy> currentPolicy,
    TimeProvider time,
    TicketChangeNotifier notifier,
    ILogger<TicketService> logger)
{
    public static string NotFoundMessage => Resources.TicketText.NotFound;

    /// <summary>Longest reason or note on a lifecycle action (the event column's length).</summary>
    public const int NoteMax = 1000;

    public async Task<IReadOnlyList<SiteOption>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id)
            .Select(s => new SiteOption(s.Id, s.Name, s.PinyinInitials, s.LocationClass, s.CarrierId, s.Carrier!.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> CarriersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return rows.Select(c => (c.Id, c.Name)).ToList();
    }

    /// <summary>故障申告: validates every field, takes class and carrier from the site registry
    /// (an override needs a reason), records the Report event. Ops only.</summary>
    public async Task<Result<string>> ReportAsync(IntakeForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = TicketActor.From(user);
        if (actor is not { Role: Role.Ops })
        {
            logger.LogWarning("Refused fault report by {User} ({Role})", user.Identity?.Name, actor?.Role);
            return Result<string>.Fail(Resources.TicketText.ReportOpsOnly);
        }
        var now = time.GetUtcNow();
        SiteSnapshot? site = null;
        if (form.SiteId is { } siteId)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            site = await db.Sites.AsNoTracking().Where(s => s.Id == siteId && s.IsActive)
                .Select(s => new SiteSnapshot(s.Id, s.LocationClass, s.CarrierId)).SingleOrDefaultAsync(cancellationToken);
        }
        var errors = IntakeValidator.Validate(form, now, site);
        if (errors.Count > 0) return Result<string>.Fail(string.Join("；", errors.Values));

        var overridden = form.LocationClassOverride is { } cls && cls != site!.LocationClass;
        var command = new ReportFault(
            Guid.NewGuid(), site!.Id, site.CarrierId, overridden ? form.LocationClassOverride!.Value : site.LocationClass, form.Scope,
            form.Symptoms.Trim(), form.ReporterName.Trim(), form.ReporterMobile.Trim(),
            IntakeValidator.ToUtc(form.ReportedAtChina!.Value), form.BackdateReason?.Trim() is { Length: > 0 } b ? b : null,
            currentPolicy.Value.Version, site.LocationClass, overridden ? form.OverrideReason!.Trim() : null);
        var reported = FaultTicket.Report(command, actor, now);
        if (!reported.IsSuccess) return Result<string>.Fail(reported.Error!);

        var saved = await store.SaveAsync(reported.Value!, 0, now, cancellationToken);
        if (saved.IsSuccess)
        {
            logger.LogInformation("{User} reported {Number} for site {Site}", actor.DisplayName, saved.Value, site.Id);
            await notifier.PublishAsync(new TicketChange(reported.Value!.Id, saved.Value!, site.CarrierId, TicketTrigger.Report, 1));
        }
        return saved;
    }

    /// <summary>Applies a lifecycle command from a view of version <paramref name="expectedVersion"/>.
    /// Refused when the user may not see the ticket, the Domain refuses the move, or the view is stale.</summary>
    public async Task<Result<int>> ApplyAsync(Guid ticketId, int expectedVersion, TicketCommand command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = TicketActor.From(user);
        if (actor is null) return Result<int>.Fail(NotFoundMessage);
        var ticket = await store.LoadAsync(ticketId, cancellationToken);
        if (ticket is null || !CanSee(actor, ticket.CarrierId))
        {
            logger.LogWarning("Refused {Trigger} on ticket {Ticket} by {User} ({Role}, carrier {Carrier}): not visible",
                command.Trigger, ticketId, user.Identity?.Name, actor.Role, actor.CarrierId);
            return Result<int>.Fail(NotFoundMessage);
        }
        if (ticket.Version != expectedVersion) return Result<int>.Fail(TicketStore.ConflictMessage);
        // A crafted request can carry any integer as the trigger and any length of text as the note.
        if (!Enum.IsDefined(command.Trigger)) return Result<int>.Fail(Resources.TicketText.InvalidAction);
        if ((command.Reason?.Trim().Length ?? 0) > NoteMax) return Result<int>.Fail(string.Format(Resources.TicketText.NoteTooLong, NoteMax));

        var now = time.GetUtcNow();
        var applied = ticket.Apply(command, actor, now);
        if (!applied.IsSuccess)
        {
            logger.LogInformation("Refused {Trigger} on ticket {Ticket} by {User}: {Reason}", command.Trigger, ticketId, user.Identity?.Name, applied.Error);
            return Result<int>.Fail(applied.Error!);
        }
        var saved = await store.SaveAsync(ticket, expectedVersion, now, cancellationToken);
        if (!saved.IsSuccess) return Result<int>.Fail(saved.Error!);
        await notifier.PublishAsync(new TicketChange(ticket.Id, saved.Value!, ticket.CarrierId, command.Trigger, ticket.Version));
        return Result<int>.Ok(ticket.Version);
    }

    /// <summary>The ticket page's data, or null when it does not exist or the user may not see it.</summary>
    public async Task<TicketDetails?> FindAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = TicketActor.From(user);
        if (actor is null) return null;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.FaultTickets.AsNoTracking().Include(t => t.Site).Include(t => t.Carrier)
            .SingleOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (record is null) return null;
        if (!CanSee(actor, record.CarrierId))
        {
            logger.LogWarning("Refused {User} ({Role}, carrier {Carrier}) the ticket {Number} of carrier {Owner}",
                user.Identity?.Name, actor.Role, actor.CarrierId, number, record.CarrierId);
            return null;
        }
        var ticket = await store.LoadAsync(record.Id, cancellationToken);
        if (ticket is null) return null;
        var now = time.GetUtcNow();
        var site = record.Site!;
        var escalations = await db.EscalationRecords.AsNoTracking().Where(e => e.TicketId == record.Id)
            .OrderBy(e => e.DueAt).ToListAsync(cancellationToken);
        return new TicketDetails(ticket, ToRow(record), site.Address,
            $"{site.NetworkAdminName} {site.NetworkAdminMobile}", SlaClocks.Compute(ticket, policies, now), ticket.AvailableTriggers(actor), now)
        {
            Escalations = escalations,
        };
    }

    public async Task<TicketResults> ListAsync(TicketQuery query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = TicketActor.From(user);
        if (actor is null) return new TicketResults([], 0);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = Visible(db.FaultTickets.AsNoTracking(), actor);
        var now = time.GetUtcNow();

        if (query.State is { } state) q = q.Where(t => t.State == state);
        if (query.OpenOnly) q = q.Where(t => t.State != TicketState.Closed && t.State != TicketState.Cancelled);
        if (query.CarrierId is { } carrier) q = q.Where(t => t.CarrierId == carrier);
        if (query.LocationClass is { } cls) q = q.Where(t => t.LocationClass == cls);
        if (query.ReportedFrom is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(t => t.ReportedAt >= start);
        }
        if (query.ReportedTo is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(t => t.ReportedAt < end);
        }
        if (query.Breached is { } breached)
        {
            q = breached ? q.Where(BreachedAt(now)) : q.Where(Negate(BreachedAt(now)));
        }
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var s = search.ToUpperInvariant();
            var lower = search.ToLowerInvariant();
            q = q.Where(t => t.Number.Contains(s) || t.Site!.Name.Contains(search) || t.Site!.PinyinInitials.Contains(lower));
        }

        var total = await q.CountAsync(cancellationToken);
        var page = await q.OrderByDescending(t => t.ReportedAt).ThenByDescending(t => t.Number)
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(Math.Clamp(query.PageSize, 1, 200))
            .Select(Projection).ToListAsync(cancellationToken);
        return new TicketResults(page, total);
    }

    /// <summary>The carrier's own open tickets, nearest deadline first (no-deadline ones last).</summary>
    public async Task<IReadOnlyList<TicketRow>> CarrierQueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = TicketActor.From(user);
        if (actor is not { Role: Role.Carrier, CarrierId: not null }) return [];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await Visible(db.FaultTickets.AsNoTracking(), actor)
            .Where(t => t.State != TicketState.Closed && t.State != TicketState.Cancelled)
            .Select(Projection).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.NextDeadline ?? DateTimeOffset.MaxValue).ThenBy(r => r.ReportedAt).ToList();
    }

    public static bool CanSee(Actor actor, int ticketCarrierId) => actor.Role switch
    {
        Role.Ops or Role.Leader => true,
        Role.Carrier => actor.CarrierId == ticketCarrierId,
        _ => false,
    };

    private static IQueryable<FaultTicketRecord> Visible(IQueryable<FaultTicketRecord> q, Actor actor) => actor.Role switch
    {
        Role.Ops or Role.Leader => q,
        Role.Carrier => q.Where(t => t.CarrierId == actor.CarrierId),
        _ => q.Where(t => false),
    };

    /// <summary>Breached now: a recorded breach, or a running clock past its deadline.</summary>
    public static System.Linq.Expressions.Expression<Func<FaultTicketRecord, bool>> BreachedAt(DateTimeOffset now) => t =>
        t.ResponseBreached || t.RepairBreached
        || (t.State == TicketState.Reported && t.ResponseDeadline < now)
        || ((t.State == TicketState.Reported || t.State == TicketState.Acknowledged) && t.RepairDeadline < now);

    private static System.Linq.Expressions.Expression<Func<FaultTicketRecord, bool>> Negate(System.Linq.Expressions.Expression<Func<FaultTicketRecord, bool>> e) =>
        System.Linq.Expressions.Expression.Lambda<Func<FaultTicketRecord, bool>>(System.Linq.Expressions.Expression.Not(e.Body), e.Parameters);

    public static readonly System.Linq.Expressions.Expression<Func<FaultTicketRecord, TicketRow>> Projection = t => new TicketRow(
        t.Id, t.Number, t.Site!.Name, t.LocationClass, t.Scope, t.CarrierId, t.Carrier!.Name, t.State, t.Complex, t.SuspendRequested,
        t.ReportedAt, t.ResponseDeadline, t.RepairDeadline, t.AcknowledgedAt, t.RepairedAt, t.ResponseBreached, t.RepairBreached,
        t.Symptoms, t.Version);

    private static TicketRow ToRow(FaultTicketRecord t) => Projection.Compile()(t);
}
