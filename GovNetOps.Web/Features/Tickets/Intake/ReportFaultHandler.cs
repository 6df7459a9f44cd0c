using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>故障申告 (Ops only): checks the form's shape (<see cref="IntakeValidator"/>), takes class and carrier
/// from the site registry, lets the Domain check the rules and log the Report event under the policy version in
/// force at the report time, and returns as soon as the event is committed.</summary>
public sealed class ReportFaultHandler(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    SlaPolicyBook policies,
    TimeProvider time,
    Notifier<TicketChanged> changes,
    CurrentActors actors,
    ILogger<ReportFaultHandler> logger)
{
    /// <summary>Active sites for the picker.</summary>
    public async Task<IReadOnlyList<SiteOption>> SitesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id)
            .Select(s => new SiteOption(s.Id, s.Name, s.PinyinInitials, s.LocationClass, s.CarrierId, s.Carrier!.Name, s.Status))
            .ToListAsync(cancellationToken);
    }

    public async Task<IntakeResult> ReportAsync(IntakeForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is not { Role: Role.Ops })
        {
            logger.LogWarning("Refused fault report by {User} ({Role})", user.Identity?.Name, actor?.Role);
            return IntakeResult.Fail(Resources.TicketText.ReportOpsOnly);
        }

        var site = form.SiteId is { } siteId ? await FindSiteAsync(siteId, cancellationToken) : null;
        var errors = IntakeValidator.Validate(form, site is not null);
        if (errors.ContainsKey(nameof(IntakeForm.ReportedAtChina)))
        {
            return new IntakeResult(null, errors);
        }

        // Shape and rules are both reported at once, so the operator fixes everything in one go; a field keeps
        // its shape message when it has one.
        var now = time.GetUtcNow();
        var reportedAt = form.ReportedNow ? now : IntakeValidator.ToUtc(form.ReportedAtChina!.Value);
        var registryClass = site?.LocationClass;
        var overridden = form.LocationClassOverride is { } cls && registryClass is not null && cls != registryClass;
        var command = new ReportFault(
            Guid.NewGuid(), site?.Id ?? 0, site?.CarrierId ?? 0, overridden ? form.LocationClassOverride!.Value : registryClass ?? default,
            form.Scope, form.Symptoms?.Trim() ?? "", form.ReporterName?.Trim() ?? "", form.ReporterMobile?.Trim() ?? "", reportedAt,
            form.BackdateReason?.Trim() is { Length: > 0 } b ? b : null,
            policies.CurrentAt(reportedAt).Version, registryClass, overridden ? form.OverrideReason?.Trim() : null);
        foreach (var violation in FaultTicket.ReportRuleViolations(command, now))
        {
            errors.TryAdd(IntakeForm.FieldOf(violation.Field), violation.Message);
        }
        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }
        var reported = FaultTicket.Report(command, actor, now);
        if (!reported.IsSuccess)
        {
            return IntakeResult.Fail(reported.Error!);
        }

        var saved = await store.SaveAsync(reported.Value!, 0, now, cancellationToken);
        if (!saved.IsSuccess)
        {
            return IntakeResult.Fail(saved.Error!);
        }
        logger.LogInformation("{User} reported {Number} for site {Site}", actor.DisplayName, saved.Value, command.SiteId);
        changes.Publish(new TicketChanged(command.Id, saved.Value!, command.CarrierId, TicketTrigger.Report, 1));
        // Article 12: a fault at a site inside an approved maintenance window is linked to the notice.
        await Maintenance.InterruptionHandler.LinkReportedAsync(factory, command.Id, command.SiteId, reportedAt, time.GetUtcNow(), logger, cancellationToken);
        return new IntakeResult(saved.Value, new Dictionary<string, string>());
    }

    private async Task<SiteSnapshot?> FindSiteAsync(int siteId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.Id == siteId && s.IsActive)
            .Select(s => new SiteSnapshot(s.Id, s.LocationClass, s.CarrierId)).SingleOrDefaultAsync(cancellationToken);
    }
}
