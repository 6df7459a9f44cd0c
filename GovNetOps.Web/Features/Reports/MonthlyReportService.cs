using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Reports;

/// <summary>Settings of the monthly report (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>A site with at least this many faults reported in the month is a repeat-fault site.</summary>
    public int RepeatFaultThreshold { get; set; } = 3;

    /// <summary>Deliver each month's report on the 1st at 08:00 China time (off by default; the e-mail also needs the SMTP
    /// channel on, the robots' summary the webhook channel).</summary>
    public bool DeliverMonthly { get; set; }

    /// <summary>The bureau's name, heading the printed 通报.</summary>
    public string BureauName { get; set; } = "桐柏县电子政务外网管理办公室";
}

/// <summary>
/// Builds the monthly report. The month's tickets are those REPORTED in it (China time); each clock's verdict is
/// taken at the instant the report is run by the one set of verdict filters (<see cref="TicketFilters"/>: met,
/// breached, decided), exactly as the board's month-to-date bars and the ticket pages judge it. Counts and sums are
/// SQL GROUP BYs over the projection; only the month's duration values are read to take medians and p90.
/// A carrier reads its own rows only (<see cref="TicketFilters.VisibleTo"/>), decided here on the server.
/// </summary>
public sealed class MonthlyReportService(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    TimeProvider time,
    IOptions<ReportOptions> options)
{
    /// <summary>The report of <paramref name="month"/> as <paramref name="user"/> may see it; null when not allowed.</summary>
    public async Task<MonthlyReport?> BuildAsync(ClaimsPrincipal user, ReportMonth month, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Reports, cancellationToken)
            || await actors.ResolveAsync(user, cancellationToken) is not { } actor)
        {
            return null;
        }

        return await BuildAsync(actor, month, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The report of <paramref name="month"/> for <paramref name="actor"/>, verdicts as at <paramref name="now"/>.</summary>
    public async Task<MonthlyReport> BuildAsync(Actor actor, ReportMonth month, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(month);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (from, to) = (month.From, month.To);
        var tickets = db.FaultTickets.AsNoTracking().Where(TicketFilters.VisibleTo(actor)).Where(t => t.ReportedAt >= from && t.ReportedAt < to);
        var backbone = tickets.Where(TicketFilters.HasCarrierClocks);

        var carriers = await db.Carriers.AsNoTracking()
            .Where(c => actor.Role != Role.Carrier || c.Id == actor.CarrierId)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ShortName }).ToListAsync(cancellationToken);

        var verdicts = await backbone.Select(TicketFilters.Verdicts(now))
            .GroupBy(v => new { v.CarrierId, v.LocationClass })
            .Select(g => new
            {
                g.Key.CarrierId,
                g.Key.LocationClass,
                ResponseMet = g.Count(v => v.ResponseMet),
                ResponseBreached = g.Count(v => v.ResponseBreached),
                RepairMet = g.Count(v => v.RepairMet),
                RepairBreached = g.Count(v => v.RepairBreached),
            }).ToListAsync(cancellationToken);

        var counts = await tickets.GroupBy(t => new { t.CarrierId, t.LocationClass, t.Scope })
            .Select(g => new
            {
                g.Key.CarrierId,
                g.Key.LocationClass,
                g.Key.Scope,
                Faults = g.Count(),
                Suspensions = g.Sum(t => t.SuspensionCount),
                SuspendedSeconds = g.Sum(t => t.SuspendedSeconds),
                ComplexApprovals = g.Count(t => t.ComplexApprovedAt != null),
                Reopens = g.Sum(t => t.ReopenCount),
                Cancellations = g.Count(t => t.State == TicketState.Cancelled),
            }).ToListAsync(cancellationToken);

        // A suspension still in force counts up to now, the instant every verdict of the report is taken at.
        var ongoing = await tickets.Where(t => t.SuspendedSince != null)
            .Select(t => new { t.CarrierId, t.LocationClass, t.SuspendedSince }).ToListAsync(cancellationToken);

        // The ledger first: its waived lines are the waivers the compliance rows count.
        var breaches = await BreachLedger.LinesAsync(db, backbone, now, cancellationToken);
        var waived = breaches.Where(b => b.IsWaived).ToList();

        var rows = new List<ComplianceRow>();
        foreach (var carrier in carriers)
        {
            var classRows = new List<ComplianceRow>();
            foreach (var cls in Enum.GetValues<LocationClass>())
            {
                var v = verdicts.FirstOrDefault(x => x.CarrierId == carrier.Id && x.LocationClass == cls);
                var c = counts.Where(x => x.CarrierId == carrier.Id && x.LocationClass == cls).ToList();
                var running = ongoing.Where(x => x.CarrierId == carrier.Id && x.LocationClass == cls)
                    .Sum(x => Math.Max(0L, (long)(now - x.SuspendedSince!.Value).TotalSeconds));
                classRows.Add(new ComplianceRow(carrier.Id, carrier.ShortName, cls,
                    c.Where(x => x.Scope == FaultScope.Backbone).Sum(x => x.Faults),
                    c.Where(x => x.Scope == FaultScope.Lan).Sum(x => x.Faults),
                    (v?.ResponseMet ?? 0) + (v?.ResponseBreached ?? 0), v?.ResponseMet ?? 0,
                    (v?.RepairMet ?? 0) + (v?.RepairBreached ?? 0), v?.RepairMet ?? 0,
                    c.Sum(x => x.Suspensions), c.Sum(x => x.SuspendedSeconds) + running,
                    c.Sum(x => x.ComplexApprovals), c.Sum(x => x.Reopens), c.Sum(x => x.Cancellations),
                    waived.Count(b => b.CarrierId == carrier.Id && b.Class == cls && b.Clock == ClockKind.Response),
                    waived.Count(b => b.CarrierId == carrier.Id && b.Class == cls && b.Clock == ClockKind.Repair)));
            }
            rows.AddRange(classRows);
            rows.Add(ComplianceRow.Sum(carrier.Id, carrier.ShortName, null, classRows));
        }
        rows.Add(ComplianceRow.Sum(null, "", null, rows.Where(r => r.Class is not null)));

        return new MonthlyReport(
            month, now, now < to, options.Value.RepeatFaultThreshold, rows,
            await DurationsAsync(backbone, carriers.Select(c => (c.Id, c.ShortName)).ToList(), cancellationToken),
            await ViolationsAsync(db, actor, carriers.Select(c => (c.Id, c.ShortName)).ToList(), from, to, cancellationToken),
            await RepeatSitesAsync(db, tickets, carriers.Select(c => (c.Id, c.ShortName)).ToList(), options.Value.RepeatFaultThreshold, cancellationToken),
            breaches)
        {
            Findings = await FindingCounts.ForMonthAsync(db, actor, carriers.Select(c => (c.Id, c.ShortName)).ToList(), from, to, now, cancellationToken),
        };
    }

    private static async Task<IReadOnlyList<DurationRow>> DurationsAsync(
        IQueryable<FaultTicketRecord> backbone, IReadOnlyList<(int Id, string Name)> carriers, CancellationToken cancellationToken)
    {
        var response = await backbone.Where(t => t.ResponseSeconds != null)
            .Select(t => new { t.CarrierId, Seconds = t.ResponseSeconds!.Value }).ToListAsync(cancellationToken);
        var repair = await backbone.Where(t => t.RepairSeconds != null)
            .Select(t => new { t.CarrierId, Seconds = t.RepairSeconds!.Value }).ToListAsync(cancellationToken);
        var rows = new List<DurationRow>();
        foreach (var (clock, values) in new[] { (ClockKind.Response, response), (ClockKind.Repair, repair) })
        {
            foreach (var (id, name) in carriers)
            {
                rows.Add(DurationRow.From(id, name, clock, values.Where(v => v.CarrierId == id).Select(v => v.Seconds).ToList()));
            }
            rows.Add(DurationRow.From(null, "", clock, values.Select(v => v.Seconds).ToList()));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<ViolationRow>> ViolationsAsync(
        AppDbContext db, Actor actor, IReadOnlyList<(int Id, string Name)> carriers, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var counts = await db.CarrierViolations.AsNoTracking()
            .Where(v => v.OccurredAt >= from && v.OccurredAt < to)
            .Where(v => actor.Role != Role.Carrier || v.CarrierId == actor.CarrierId)
            .GroupBy(v => new { v.CarrierId, v.Kind })
            .Select(g => new { g.Key.CarrierId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return carriers.Select(c => new ViolationRow(c.Id, c.Name,
            Enum.GetValues<CarrierViolationKind>().ToDictionary(k => k, k => counts.Where(x => x.CarrierId == c.Id && x.Kind == k).Sum(x => x.Count))))
            .ToList();
    }

    private static async Task<IReadOnlyList<RepeatSiteRow>> RepeatSitesAsync(
        AppDbContext db, IQueryable<FaultTicketRecord> tickets, IReadOnlyList<(int Id, string Name)> carriers, int threshold, CancellationToken cancellationToken)
    {
        // One GROUP BY over the month's tickets (per site and carrier); the names come from the sites by key. (Joining the names back onto
        // the tickets by a list of site ids let SQLite walk every ticket of those sites in all the years held: 2.7 s
        // over 1,000,000 tickets.) A site whose carrier changed within the month is shown with its later carrier.
        var groups = await tickets.Where(t => t.State != TicketState.Cancelled)
            .GroupBy(t => new { t.SiteId, t.CarrierId })
            .Select(g => new { g.Key.SiteId, g.Key.CarrierId, Faults = g.Count(), Last = g.Max(t => t.ReportedAt) })
            .ToListAsync(cancellationToken);
        var sites = groups.GroupBy(g => g.SiteId)
            .Select(g => new { SiteId = g.Key, Faults = g.Sum(x => x.Faults), g.MaxBy(x => x.Last)!.CarrierId })
            .Where(s => s.Faults >= threshold)
            .ToList();
        var ids = sites.Select(s => s.SiteId).ToList();
        var names = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return sites.Select(s => new RepeatSiteRow(s.SiteId, names[s.SiteId], carriers.FirstOrDefault(c => c.Id == s.CarrierId).Name ?? "", s.Faults))
            .OrderByDescending(s => s.Faults).ThenBy(s => s.SiteName, StringComparer.Ordinal).ToList();
    }
}
