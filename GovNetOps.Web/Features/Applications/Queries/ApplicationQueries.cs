using System.Security.Claims;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Applications.Queries;

/// <summary>What the application pages read, each authorised against the account as it is now: Ops sees every
/// application; a carrier only its own approved ones (its implementation tasks), never another carrier's.</summary>
public sealed class ApplicationQueries(IDbContextFactory<AppDbContext> factory, WorkingCalendarSource calendars, CurrentActors actors)
{
    /// <summary>Ops's list: open applications by nearest deadline (paused ones after those with a deadline), or all, newest first.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(ClaimsPrincipal user, bool openOnly, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).Include(a => a.Carrier).AsQueryable();
        if (openOnly)
        {
            q = q.Where(a => a.State == ApplicationState.Received || a.State == ApplicationState.Implementing || a.State == ApplicationState.Paused);
        }

        var rows = await RowsAsync(await q.ToListAsync(cancellationToken), cancellationToken);
        return openOnly
            ? rows.OrderBy(r => r.NextDeadlineAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.ReceivedAt).ToList()
            : rows.OrderByDescending(r => r.ReceivedAt).ToList();
    }

    /// <summary>The carrier's own implementation tasks (approved, not completed), nearest deadline first.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> CarrierTasksAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.CarrierTasks, cancellationToken)
            || await actors.ResolveAsync(user, cancellationToken) is not { CarrierId: { } carrierId })
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var list = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).Include(a => a.Carrier)
            .Where(a => a.CarrierId == carrierId && (a.State == ApplicationState.Implementing || a.State == ApplicationState.Paused))
            .ToListAsync(cancellationToken);
        return (await RowsAsync(list, cancellationToken)).OrderBy(r => r.NextDeadlineAt ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>One application with its clocks and history; null when it does not exist or the user may not see it.</summary>
    public async Task<ApplicationDetails?> DetailAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return null;
        }

        var ops = await actors.HoldsAsync(user, AppPolicies.Applications, cancellationToken);
        var carrier = await actors.HoldsAsync(user, AppPolicies.CarrierTasks, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var app = await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).Include(a => a.Carrier).Include(a => a.Site)
            .SingleOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (app is null)
        {
            return null;
        }

        var own = carrier && app.CarrierId == actor.CarrierId && app.State is not (ApplicationState.Received or ApplicationState.Rejected);
        if (!ops && !own)
        {
            return null;
        }

        var calendar = calendars.Current;
        var progress = app.ToProgress();
        var history = await db.ChangeRecords.AsNoTracking()
            .Where(c => c.EntityType == nameof(NetworkApplicationRecord) && c.EntityId == app.Number)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new ApplicationDetails(app, progress.ReviewClock(calendar), progress.ImplementationClock(calendar), history,
            CanDecide: ops, CanComplete: ops || own);
    }

    /// <summary>The carriers to choose from at approval.</summary>
    public async Task<IReadOnlyList<Infrastructure.Data.Carrier>> CarriersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Registered sites that a change application may concern (not revoked), with the fields the form copies.</summary>
    public async Task<IReadOnlyList<Site>> ChangeableSitesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.Status != SiteConnectionStatus.Revoked).OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    private async Task<List<ApplicationRow>> RowsAsync(List<NetworkApplicationRecord> list, CancellationToken cancellationToken)
    {
        var calendar = calendars.Current;
        return list.Select(a =>
        {
            var progress = a.ToProgress();
            var clock = a.State == ApplicationState.Received ? progress.ReviewClock(calendar) : progress.ImplementationClock(calendar);
            return new ApplicationRow(a.Id, a.Number, a.Kind, a.ChangeType, a.UnitName, a.State, a.ReceivedAt, a.NextDeadlineAt,
                progress.IsOpen && clock.IsProvisional, a.Carrier?.ShortName, a.Version,
                a.State == ApplicationState.Paused ? clock.WorkingDaysLeft : null);
        }).ToList();
    }
}
