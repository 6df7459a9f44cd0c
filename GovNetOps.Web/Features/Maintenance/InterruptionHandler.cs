using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>What the ticket page shows about maintenance: the linked notice (if any) and Ops's verdict.</summary>
public sealed record TicketMaintenance(string? NoticeNumber, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? CarrierShortName,
    InterruptionVerdict Verdict, string? DecidedBy, DateTimeOffset? DecidedAt, bool TicketOpen, int TicketVersion);

/// <summary>Faults during maintenance (PRODUCT.md interpretation 10): a fault reported at an affected site inside an
/// approved window is linked to the notice at intake; Ops then rules it the planned interruption (the ticket is cancelled
/// with reason 计划内中断 and the notice linked — no carrier breach) or a real fault (clocks run as normal). A fault with
/// no approved notice that Ops attributes to carrier work is recorded as 未报备中断 on the carrier's record.</summary>
public sealed class InterruptionHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    TicketActionHandler tickets,
    Notifier<MaintenanceChanged> changes,
    TimeProvider time,
    ILogger<InterruptionHandler> logger)
{
    /// <summary>The ticket's cancel reason for a planned interruption starts with this code.</summary>
    public const string PlannedInterruptionReason = "计划内中断";

    /// <summary>Links a just-reported ticket to the approved window covering its site at its report time, if any (called by
    /// intake; static so that intake needs nothing but its database).</summary>
    public static async Task<string?> LinkReportedAsync(IDbContextFactory<AppDbContext> factory, Guid ticketId, int siteId, DateTimeOffset reportedAt,
        DateTimeOffset now, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var covering = await NoticeQueries.CoveringAsync(factory, siteId, reportedAt, cancellationToken);
        if (covering.Count == 0)
        {
            return null;
        }

        var notice = covering[0];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.MaintenanceTicketLinks.Add(new MaintenanceTicketLink { TicketId = ticketId, NoticeId = notice.Id, LinkedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Ticket {Ticket} reported inside maintenance window {Number}: linked", ticketId, notice.Number);
        return notice.Number;
    }

    /// <summary>The maintenance side of a ticket, for users who may see the ticket (a carrier: its own).</summary>
    public async Task<TicketMaintenance?> ForTicketAsync(Guid ticketId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.FaultTickets.AsNoTracking().Where(TicketFilters.VisibleTo(actor)).Where(t => t.Id == ticketId)
            .Select(t => new { t.IsOpen, t.Version, t.Scope }).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var link = await db.MaintenanceTicketLinks.AsNoTracking().Include(l => l.Notice).ThenInclude(n => n!.Carrier)
            .SingleOrDefaultAsync(l => l.TicketId == ticketId, cancellationToken);
        if (link is null && ticket.Scope != FaultScope.Backbone)
        {
            return null;
        }

        return new TicketMaintenance(link?.Notice?.Number, link?.Notice?.StartsAt, link?.Notice?.EndsAt, link?.Notice?.Carrier?.ShortName,
            link?.Verdict ?? InterruptionVerdict.Undecided, link?.DecidedBy, link?.DecidedAt, ticket.IsOpen, ticket.Version);
    }

    /// <summary>Ops's verdict on a ticket: <see cref="InterruptionVerdict.PlannedInterruption"/> and
    /// <see cref="InterruptionVerdict.RealFault"/> for a linked ticket, <see cref="InterruptionVerdict.UnannouncedInterruption"/>
    /// for one with no approved notice.</summary>
    public async Task<Result> DecideAsync(Guid ticketId, InterruptionVerdict verdict, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.MaintenanceDecide, cancellationToken))
        {
            return Result.Fail(Resources.Maintenance.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ticket = await db.FaultTickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return Result.Fail(Resources.Maintenance.TicketNotFound);
        }

        var link = await db.MaintenanceTicketLinks.Include(l => l.Notice).SingleOrDefaultAsync(l => l.TicketId == ticketId, cancellationToken);
        if (link is { Verdict: not InterruptionVerdict.Undecided })
        {
            return Result.Fail(Resources.Maintenance.AlreadyDecided);
        }

        var linked = link?.Notice is not null;
        if (verdict == InterruptionVerdict.Undecided
            || linked && verdict == InterruptionVerdict.UnannouncedInterruption
            || !linked && verdict != InterruptionVerdict.UnannouncedInterruption)
        {
            return Result.Fail(Resources.Maintenance.VerdictNotApplicable);
        }

        if (!ticket.IsOpen)
        {
            return Result.Fail(Resources.Maintenance.TicketClosed);
        }

        var now = time.GetUtcNow();
        if (verdict == InterruptionVerdict.PlannedInterruption)
        {
            var reason = $"{PlannedInterruptionReason}（割接报备 {link!.Notice!.Number}）" + (string.IsNullOrWhiteSpace(note) ? "" : $"：{note.Trim()}");
            var cancelled = await tickets.ApplyAsync(ticketId, ticket.Version, new TicketCommand(TicketTrigger.Cancel, reason), user, cancellationToken);
            if (!cancelled.IsSuccess)
            {
                return Result.Fail(cancelled.Error!);
            }
        }

        link ??= db.MaintenanceTicketLinks.Add(new MaintenanceTicketLink { TicketId = ticketId, LinkedAt = now }).Entity;
        link.Verdict = verdict;
        link.DecidedBy = actor.DisplayName;
        link.DecidedAt = now;
        if (verdict == InterruptionVerdict.UnannouncedInterruption)
        {
            CarrierViolations.Add(db, ticket.CarrierId, CarrierViolationKind.UnannouncedInterruption, ticket.ReportedAt, [ticket.SiteId], null, ticketId,
                $"{ticket.Number} 由运营商作业造成，无已批准的割接报备（{ChinaTime.Format(ticket.ReportedAt)}）" + (string.IsNullOrWhiteSpace(note) ? "" : $"：{note.Trim()}"),
                actor.DisplayName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{User} ruled ticket {Number}: {Verdict}", actor.DisplayName, ticket.Number, verdict);
        if (link.Notice is { } notice)
        {
            changes.Publish(new MaintenanceChanged(notice.Id, notice.Number, notice.CarrierId));
        }

        return Result.Ok();
    }
}
