using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using GovNetOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>The outcome of saving a site: its id, or one message per field; and a notice to show with a success.</summary>
public sealed record SiteSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors, string? Notice = null)
{
    public bool IsSuccess => Id is not null && Errors.Count == 0;

    public static SiteSaveResult Refused(string message) => new(null, new Dictionary<string, string> { [""] = message });
}

/// <summary>A site page: the site, its open tickets and its history.</summary>
public sealed record SiteDetails(Site Site, int OpenTickets, int AllTickets, IReadOnlyList<ChangeRecord> History);

/// <summary>接入单位 registry (Admin writes, Ops / Leader / Admin read — <see cref="AppPolicies.Registry"/>,
/// <see cref="AppPolicies.RegistryRead"/>): list, create, edit, retire. Every change is checked by
/// <see cref="SiteRules"/> and audited through <see cref="ChangeLog"/> in the same SaveChanges.</summary>
public sealed class SiteRegistry(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    ChangeLog changeLog,
    Notifier<SiteConnectionChanged> connections,
    ILogger<SiteRegistry> logger)
{
    public const string EntityType = "Site";

    /// <summary>The sites matching <paramref name="search"/> (name, address or pinyin initials); null when refused.</summary>
    public async Task<IReadOnlyList<SiteRow>?> ListAsync(ClaimsPrincipal user, string? search, bool includeRetired, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.RegistryRead, cancellationToken))
        {
            return null;
        }

        var role = (await actors.ResolveAsync(user, cancellationToken))?.Role ?? Role.Leader;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Carrier)
            .Where(s => includeRetired || s.IsActive).ToListAsync(cancellationToken);
        return sites.Select(SiteRow.From).Select(r => r with { NetworkAdminMobile = PersonalData.Number(role, r.NetworkAdminMobile) }).Where(r => r.Matches(search))
            .OrderBy(r => r.LocationClass == Domain.Sla.LocationClass.CoreRoom ? 0 : r.LocationClass == Domain.Sla.LocationClass.CountyDirect ? 1 : 2)
            .ThenBy(r => r.Id).ToList();
    }

    /// <summary>One site with its ticket counts and history; null when refused or unknown.</summary>
    public async Task<SiteDetails?> GetAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.RegistryRead, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().Include(s => s.Carrier).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (site is null)
        {
            return null;
        }

        var role = (await actors.ResolveAsync(user, cancellationToken))?.Role ?? Role.Leader;
        site.NetworkAdminMobile = PersonalData.Number(role, site.NetworkAdminMobile);
        site.TechContactMobile = PersonalData.Number(role, site.TechContactMobile);

        var open = await db.FaultTickets.Where(t => t.SiteId == id).Where(TicketFilters.Open).CountAsync(cancellationToken);
        var all = await db.FaultTickets.CountAsync(t => t.SiteId == id, cancellationToken);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == EntityType && c.EntityId == key)
            .OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return new SiteDetails(site, open, all, history);
    }

    /// <summary>The carriers to choose from.</summary>
    public async Task<IReadOnlyList<CarrierEntity>> CarriersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Creates (no <see cref="SiteForm.Id"/>) or updates a site. A location class change on a site with open
    /// tickets is saved, and the notice says those tickets keep the class they were reported under.</summary>
    public async Task<SiteSaveResult> SaveAsync(ClaimsPrincipal user, SiteForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await WriterAsync(user, cancellationToken);
        if (actor is null)
        {
            return SiteSaveResult.Refused(Registry.Msg_AdminOnly);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = form.Id is { } id ? await db.Sites.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (form.Id is not null && site is null)
        {
            return SiteSaveResult.Refused(Registry.Msg_SiteGone);
        }

        var registry = await RegistrySnapshot.LoadAsync(db, cancellationToken);
        var (checkedSite, errors) = SiteRules.Check(form, registry);
        if (checkedSite is null)
        {
            return new SiteSaveResult(null, errors);
        }

        string? notice = null;
        var before = site is null ? null : Audited(site);
        var statusBefore = site?.Status;
        if (site is null)
        {
            site = new Site();
            db.Sites.Add(site);
        }
        else if (site.LocationClass != checkedSite.LocationClass)
        {
            var open = await db.FaultTickets.Where(t => t.SiteId == site.Id).Where(TicketFilters.Open).CountAsync(cancellationToken);
            if (open > 0)
            {
                notice = string.Format(CultureInfo.CurrentCulture, Registry.Msg_ClassChangedOpenTickets, open,
                    Components.Labels.LocationClass(site.LocationClass));
            }
        }

        checkedSite.ApplyTo(site);
        // A new site's id comes from its insert: both saves in one transaction, so no site exists without its record.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        changeLog.Add(db, actor, EntityType, site.Id.ToString(CultureInfo.InvariantCulture), site.Name,
            before is null ? "Created" : "Updated", before, Audited(site), notice ?? "");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (site.Status != (statusBefore ?? SiteConnectionStatus.Connected))
        {
            // The board's 断网整改中 panel hears of a disconnection set (or lifted) by hand as of one by a finding.
            connections.Publish(new SiteConnectionChanged(site.Id, site.Status));
        }
        logger.LogInformation("{User} {Action} site {Id} {Name}", actor.UserId, before is null ? "created" : "updated", site.Id, site.Name);
        return new SiteSaveResult(site.Id, new Dictionary<string, string>(), notice);
    }

    /// <summary>Retires a site: status 已撤销 and no longer offered at intake. Never deleted: tickets refer to it.</summary>
    public async Task<Result> RetireAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var actor = await WriterAsync(user, cancellationToken);
        if (actor is null)
        {
            return Result.Fail(Registry.Msg_AdminOnly);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (site is null)
        {
            return Result.Fail(Registry.Msg_SiteGone);
        }

        if (site.Status == SiteConnectionStatus.Revoked && !site.IsActive)
        {
            return Result.Fail(Registry.Msg_AlreadyRetired);
        }

        var open = await db.FaultTickets.Where(t => t.SiteId == id).Where(TicketFilters.Open).CountAsync(cancellationToken);
        if (open > 0)
        {
            return Result.Fail(string.Format(CultureInfo.CurrentCulture, Registry.Msg_RetireOpenTickets, open));
        }

        var before = Audited(site);
        var statusBefore = site.Status;
        site.Status = SiteConnectionStatus.Revoked;
        site.IsActive = false;
        changeLog.Add(db, actor, EntityType, id.ToString(CultureInfo.InvariantCulture), site.Name, "Retired", before, Audited(site));
        await db.SaveChangesAsync(cancellationToken);
        if (statusBefore != SiteConnectionStatus.Revoked)
        {
            connections.Publish(new SiteConnectionChanged(site.Id, site.Status));
        }
        logger.LogInformation("{User} retired site {Id} {Name}", actor.UserId, site.Id, site.Name);
        return Result.Ok();
    }

    /// <summary>The audited fields of a site, by field name.</summary>
    public static Dictionary<string, string?> Audited(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(Site.Name)] = site.Name,
            [nameof(Site.UserType)] = site.UserType,
            [nameof(Site.Address)] = site.Address,
            [nameof(Site.NetworkAdminName)] = site.NetworkAdminName,
            [nameof(Site.NetworkAdminMobile)] = site.NetworkAdminMobile,
            [nameof(Site.TechContactName)] = site.TechContactName,
            [nameof(Site.TechContactMobile)] = site.TechContactMobile,
            [nameof(Site.IpCount)] = site.IpCount.ToString(CultureInfo.InvariantCulture),
            [nameof(Site.BandwidthMbps)] = site.BandwidthMbps.ToString(CultureInfo.InvariantCulture),
            [nameof(Site.NetworkPurpose)] = site.NetworkPurpose,
            [nameof(Site.LocationClass)] = site.LocationClass.ToString(),
            [nameof(Site.CarrierId)] = site.CarrierId.ToString(CultureInfo.InvariantCulture),
            [nameof(Site.IpAddresses)] = site.IpAddresses,
            [nameof(Site.Status)] = site.Status.ToString(),
            [nameof(Site.IsActive)] = site.IsActive ? "true" : "false",
        };
    }

    private async Task<Actor?> WriterAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Registry, cancellationToken))
        {
            logger.LogWarning("Refused a registry change by {User}", user.Identity?.Name);
            return null;
        }

        return await actors.ResolveAsync(user, cancellationToken);
    }
}
