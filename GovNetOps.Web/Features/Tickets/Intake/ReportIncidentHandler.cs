using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>One outage, many sites (Ops only): the same symptoms, reporter and report time for every picked site
/// (<see cref="IntakeForm.SiteIds"/>) → one ticket per site, each with its own events and clocks, its class and
/// carrier from the site registry, each checked by the Domain like a single report, all carrying one incident id
/// and number (SJ-yyyyMMdd-nn). All tickets are created, in one transaction, or none.</summary>
public sealed class ReportIncidentHandler(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    TimeProvider time,
    Notifier<TicketChanged> changes,
    CurrentActors actors,
    ILogger<ReportIncidentHandler> logger)
{
    /// <summary>An incident is at least this many sites; one site is a single report.</summary>
    public const int MinSites = 2;

    /// <summary>At most this many sites in one incident report.</summary>
    public const int MaxSites = 200;

    /// <summary>The active sites of <paramref name="carrierId"/> in <paramref name="locationClass"/> (e.g. 中国联通 × 乡镇区域):
    /// "all sites behind" one carrier's aggregation link.</summary>
    public static IReadOnlyList<SiteOption> SitesBehind(IEnumerable<SiteOption> sites, int carrierId, LocationClass locationClass) =>
        sites.Where(s => s.CarrierId == carrierId && s.LocationClass == locationClass).ToList();

    public async Task<IncidentResult> ReportAsync(IntakeForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is not { Role: Role.Ops })
        {
            logger.LogWarning("Refused incident report by {User} ({Role})", user.Identity?.Name, actor?.Role);
            return IncidentResult.Fail(TicketText.ReportOpsOnly);
        }

        // The shape of the shared fields is the single report's; the sites are checked here.
        var errors = IntakeValidator.Validate(form, siteExists: true);
        errors.Remove(nameof(IntakeForm.SiteId));
        errors.Remove(nameof(IntakeForm.LocationClassOverride));
        var siteIds = form.SiteIds.Distinct().ToList();
        if (siteIds.Count < MinSites)
        {
            errors[nameof(IntakeForm.SiteIds)] = string.Format(CultureInfo.CurrentCulture, TicketText.Incident_SitesRequired, MinSites);
        }
        else if (siteIds.Count > MaxSites)
        {
            errors[nameof(IntakeForm.SiteIds)] = string.Format(CultureInfo.CurrentCulture, TicketText.Incident_TooManySites, MaxSites);
        }
        if (errors.ContainsKey(nameof(IntakeForm.ReportedAtChina)) || errors.ContainsKey(nameof(IntakeForm.SiteIds)))
        {
            return IncidentResult.Fail(errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.IsActive, s.LocationClass, s.CarrierId }).ToDictionaryAsync(s => s.Id, cancellationToken);
        var refused = siteIds.Where(id => !sites.TryGetValue(id, out var s) || !s.IsActive)
            .Select(id => sites.TryGetValue(id, out var s) ? s.Name : $"#{id}").ToList();
        if (refused.Count > 0)
        {
            errors[nameof(IntakeForm.SiteIds)] = string.Format(CultureInfo.CurrentCulture, TicketText.Incident_SitesRefused, string.Join("、", refused));
            return IncidentResult.Fail(errors);
        }

        var now = time.GetUtcNow();
        // Untouched, the report time is the moment of submission (IntakeForm.ReportedNow), as for a single report.
        var reportedAt = form.ReportedNow ? now : IntakeValidator.ToUtc(form.ReportedAtChina!.Value);
        var incidentId = Guid.NewGuid();
        var policyVersion = policies.CurrentAt(reportedAt).Version;
        var commands = siteIds.Select(id => sites[id]).Select(site => new ReportFault(
            Guid.NewGuid(), site.Id, site.CarrierId, site.LocationClass, form.Scope, form.Symptoms?.Trim() ?? "",
            form.ReporterName?.Trim() ?? "", form.ReporterMobile?.Trim() ?? "", reportedAt,
            form.BackdateReason?.Trim() is { Length: > 0 } b ? b : null, policyVersion, site.LocationClass, null, incidentId)).ToList();
        // The report time and its reason are shared: the rules say the same for every site.
        foreach (var violation in FaultTicket.ReportRuleViolations(commands[0], now))
        {
            errors.TryAdd(IntakeForm.FieldOf(violation.Field), violation.Message);
        }
        if (errors.Count > 0)
        {
            return IncidentResult.Fail(errors);
        }

        var tickets = new List<FaultTicket>(commands.Count);
        foreach (var command in commands)
        {
            var reported = FaultTicket.Report(command, actor, now);
            if (!reported.IsSuccess)
            {
                return IncidentResult.Fail(string.Format(CultureInfo.CurrentCulture, TicketText.Incident_SiteRefused, sites[command.SiteId].Name, reported.Error));
            }
            tickets.Add(reported.Value!);
        }

        var saved = await store.SaveIncidentAsync(tickets, now, cancellationToken);
        if (!saved.IsSuccess)
        {
            return IncidentResult.Fail(saved.Error!);
        }
        var (incident, numbers) = saved.Value;
        logger.LogInformation("{User} reported incident {Incident}: {Count} tickets ({Numbers})", actor.DisplayName, incident, numbers.Count, string.Join(", ", numbers));
        foreach (var (command, number) in commands.Zip(numbers))
        {
            changes.Publish(new TicketChanged(command.Id, number, command.CarrierId, TicketTrigger.Report, 1));
        }
        return new IncidentResult(incident, numbers, new Dictionary<string, string>());
    }
}
