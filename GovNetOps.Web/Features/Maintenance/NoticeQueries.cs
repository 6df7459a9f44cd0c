using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Reads of maintenance notices, each limited on the server to what the signed-in user may see (<see cref="NoticeAccess"/>).</summary>
public sealed class NoticeQueries(IDbContextFactory<AppDbContext> factory, CurrentActors actors)
{
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<NoticeRow>> ListAsync(ClaimsPrincipal user, NoticeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.Maintenance, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var q = db.MaintenanceNotices.AsNoTracking().Where(NoticeAccess.VisibleTo(actor));
        if (query.Status is { } status)
        {
            q = q.Where(n => n.Status == status);
        }

        if (query.CarrierId is { } carrier)
        {
            q = q.Where(n => n.CarrierId == carrier);
        }

        if (query.FromChina is { } from)
        {
            var fromUtc = ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(from));
            q = q.Where(n => n.EndsAt >= fromUtc);
        }

        if (query.ToChina is { } to)
        {
            var toUtc = ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(to).AddDays(1));
            q = q.Where(n => n.StartsAt < toUtc);
        }

        if (query.LateOnly)
        {
            q = q.Where(n => n.IsLate);
        }

        var rows = await q.OrderByDescending(n => n.StartsAt).Take(MaxRows)
            .Select(n => new
            {
                n.Id, n.Number, n.Carrier!.ShortName, n.CarrierId, Sites = n.Sites.Select(s => s.Site!.Name).ToList(), n.AllSites, n.Work,
                n.StartsAt, n.EndsAt, n.Status, n.IsLate, n.StartedAt, n.FinishedAt,
            }).ToListAsync(cancellationToken);
        return rows.Select(n => new NoticeRow(n.Id, n.Number, n.ShortName, n.CarrierId, n.Sites.Order(StringComparer.Ordinal).ToList(), n.AllSites, n.Work,
            n.StartsAt, n.EndsAt, n.Status, n.IsLate, n.StartedAt, n.FinishedAt)).ToList();
    }

    /// <summary>One notice by number; null when it does not exist or the user may not see it (the same answer, so a
    /// carrier cannot probe another carrier's numbers).</summary>
    public async Task<NoticeDetails?> GetAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.Maintenance, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var n = await db.MaintenanceNotices.AsNoTracking().Where(NoticeAccess.VisibleTo(actor)).Include(x => x.Carrier)
            .Include(x => x.Sites).ThenInclude(s => s.Site).SingleOrDefaultAsync(x => x.Number == number, cancellationToken);
        return n is null ? null : Details(n);
    }

    /// <summary>The change history of a notice (ChangeRecords), for its page.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> HistoryAsync(long noticeId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.MaintenanceNotices.Where(NoticeAccess.VisibleTo(actor)).AnyAsync(n => n.Id == noticeId, cancellationToken))
        {
            return [];
        }

        var id = noticeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == FileNoticeHandler.EntityType && c.EntityId == id)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The approved windows covering <paramref name="siteId"/> at <paramref name="instant"/> (for intake: before
    /// submitting, the operator sees that the site is inside one). Ops only.</summary>
    public async Task<IReadOnlyList<NoticeRow>> CoveringAsync(int siteId, DateTimeOffset instant, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Intake, cancellationToken))
        {
            return [];
        }

        return await CoveringAsync(factory, siteId, instant, cancellationToken);
    }

    /// <summary>The rule behind intake linking: approved windows at the site whose <see cref="MaintenanceRules.Covers"/> holds.</summary>
    public static async Task<IReadOnlyList<NoticeRow>> CoveringAsync(IDbContextFactory<AppDbContext> factory, int siteId, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.MaintenanceNotices.AsNoTracking().Where(NoticeAccess.ApprovedWindow)
            .Where(n => n.Sites.Any(s => s.SiteId == siteId) && (n.StartsAt <= instant || n.StartedAt <= instant))
            .Include(n => n.Carrier).Include(n => n.Sites).ThenInclude(s => s.Site)
            .OrderByDescending(n => n.StartsAt).Take(20).ToListAsync(cancellationToken);
        return candidates.Where(n => MaintenanceRules.Covers(n.ToDomain(), siteId, instant))
            .Select(n => Row(n)).ToList();
    }

    /// <summary>Approved windows ongoing at <paramref name="now"/> or starting within 24 h, for the board (all carriers: the
    /// board is Ops's and leadership's).</summary>
    public static async Task<IReadOnlyList<BoardWindow>> BoardWindowsAsync(IDbContextFactory<AppDbContext> factory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = now + TimeSpan.FromHours(24);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MaintenanceNotices.AsNoTracking()
            .Where(n => n.Status == MaintenanceStatus.InProgress
                || n.Status == MaintenanceStatus.Approved && n.StartsAt < horizon && n.EndsAt > now)
            .OrderBy(n => n.StartsAt)
            .Select(n => new
            {
                n.Id, n.Number, n.Carrier!.ShortName, Sites = n.Sites.Select(s => s.Site!.Name).ToList(), n.AllSites, n.StartsAt, n.EndsAt, n.Status, n.StartedAt,
            }).ToListAsync(cancellationToken);
        return rows.Select(n => new BoardWindow(n.Id, n.Number, n.ShortName, n.Sites.Order(StringComparer.Ordinal).ToList(), n.AllSites, n.StartsAt, n.EndsAt, n.Status, n.StartedAt)).ToList();
    }

    private static NoticeRow Row(MaintenanceNoticeRecord n) =>
        new(n.Id, n.Number, n.Carrier?.ShortName ?? "", n.CarrierId, n.Sites.Select(s => s.Site?.Name ?? "").Order(StringComparer.Ordinal).ToList(), n.AllSites,
            n.Work, n.StartsAt, n.EndsAt, n.Status, n.IsLate, n.StartedAt, n.FinishedAt);

    public static NoticeDetails Details(MaintenanceNoticeRecord n) =>
        new(n.Id, n.Number, n.CarrierId, n.Carrier?.Name ?? "", n.Carrier?.ShortName ?? "", n.AllSites,
            n.Sites.Select(s => new NoticeSite(s.SiteId, s.Site?.Name ?? "")).OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            n.Work, n.Impact, n.ContactName, n.ContactMobile, n.StartsAt, n.EndsAt, n.FiledAt, n.FiledBy, n.FiledByOps, n.IsLate, n.LateReason,
            n.LongWindowReason, n.Status, n.DecidedAt, n.DecidedBy, n.DecisionReason, n.StartedAt, n.FinishedAt, n.Version);
}
