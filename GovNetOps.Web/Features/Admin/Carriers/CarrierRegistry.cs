using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;

namespace GovNetOps.Web.Features.Admin.Carriers;

/// <summary>A carrier's user account, as listed on its page.</summary>
public sealed record CarrierUser(string UserName, string DisplayName, bool LockedOut);

/// <summary>A carrier with its site count, users and history.</summary>
public sealed record CarrierDetails(CarrierEntity Carrier, int Sites, IReadOnlyList<CarrierUser> Users, IReadOnlyList<ChangeRecord> History);

/// <summary>A carrier in the list.</summary>
public sealed record CarrierRow(CarrierEntity Carrier, int Sites, int Users);

/// <summary>运营商 registry: Admin edits (<see cref="AppPolicies.Registry"/>), Ops / Leader / Admin read; every change
/// audited. The admin adds a carrier when the county signs a new contract, and keeps the contacts current.</summary>
public sealed class CarrierRegistry(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    ChangeLog changeLog,
    TimeProvider time,
    ILogger<CarrierRegistry> logger)
{
    public const string EntityType = "Carrier";
    public const int NameMax = 64;
    public const int ShortNameMax = 16;
    public const int PersonMax = 32;

    public async Task<IReadOnlyList<CarrierRow>?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.RegistryRead, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var carriers = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var role = (await actors.ResolveAsync(user, cancellationToken))?.Role ?? Role.Leader;
        carriers.ForEach(c => c.ManagerMobile = PersonalData.Number(role, c.ManagerMobile));
        var sites = await db.Sites.Where(s => s.IsActive).GroupBy(s => s.CarrierId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var users = await db.Users.Where(u => u.CarrierId != null).GroupBy(u => u.CarrierId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return carriers.Select(c => new CarrierRow(c, sites.GetValueOrDefault(c.Id), users.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<CarrierDetails?> GetAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.RegistryRead, cancellationToken))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (carrier is null)
        {
            return null;
        }

        var role = (await actors.ResolveAsync(user, cancellationToken))?.Role ?? Role.Leader;
        carrier.ManagerMobile = PersonalData.Number(role, carrier.ManagerMobile);

        var now = time.GetUtcNow();
        var users = (await db.Users.AsNoTracking().Where(u => u.CarrierId == id).OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.DisplayName, u.LockoutEnd }).ToListAsync(cancellationToken))
            .Select(u => new CarrierUser(u.UserName ?? "", u.DisplayName, u.LockoutEnd > now)).ToList();
        var sites = await db.Sites.CountAsync(s => s.CarrierId == id && s.IsActive, cancellationToken);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == EntityType && c.EntityId == key)
            .OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return new CarrierDetails(carrier, sites, users, history);
    }

    /// <summary>Creates a carrier (<see cref="CarrierForm.Id"/> null) or saves an existing one's name and contacts; the
    /// carrier's id when saved, or one Chinese message per field on bad input (nothing is written then).</summary>
    public async Task<(int? SavedId, IReadOnlyDictionary<string, string> Errors)> SaveAsync(ClaimsPrincipal user, CarrierForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        Actor? actor = null;
        if (await actors.AllowsAsync(user, AppPolicies.Registry, cancellationToken))
        {
            actor = await actors.ResolveAsync(user, cancellationToken);
        }

        if (actor is null)
        {
            logger.LogWarning("Refused a carrier change by {User}", user.Identity?.Name);
            return (null, new Dictionary<string, string> { [""] = Registry.Msg_AdminOnly });
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        CarrierEntity? carrier = null;
        if (form.Id is { } id)
        {
            carrier = await db.Carriers.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (carrier is null)
            {
                return (null, new Dictionary<string, string> { [""] = Registry.Msg_CarrierGone });
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Required(form.Name, nameof(CarrierForm.Name), Registry.Carrier_Name, NameMax, errors);
        var shortName = Required(form.ShortName, nameof(CarrierForm.ShortName), Registry.Carrier_ShortName, ShortNameMax, errors);
        var manager = Required(form.ManagerName, nameof(CarrierForm.ManagerName), Registry.Carrier_Manager, PersonMax, errors);
        var mobile = Phone(form.ManagerMobile, nameof(CarrierForm.ManagerMobile), Registry.Carrier_ManagerMobile, errors);
        if (mobile is not null && !IsMobile(mobile))
        {
            // The robots @-mention by mobile number: a landline reaches nobody.
            errors[nameof(CarrierForm.ManagerMobile)] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_MobileOnly, Registry.Carrier_ManagerMobile);
        }

        var duty = Phone(form.DutyPhone, nameof(CarrierForm.DutyPhone), Registry.Carrier_DutyPhone, errors);
        var selfId = carrier?.Id ?? 0;
        if (name.Length > 0 && await db.Carriers.AnyAsync(c => c.Id != selfId && c.Name == name, cancellationToken))
        {
            errors[nameof(CarrierForm.Name)] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_NameTaken, Registry.Carrier_Name, name);
        }

        if (shortName.Length > 0 && await db.Carriers.AnyAsync(c => c.Id != selfId && c.ShortName == shortName, cancellationToken))
        {
            errors[nameof(CarrierForm.ShortName)] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_NameTaken, Registry.Carrier_ShortName, shortName);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var before = carrier is null ? null : Audited(carrier);
        if (carrier is null)
        {
            carrier = new CarrierEntity();
            db.Carriers.Add(carrier);
        }

        carrier.Name = name;
        carrier.ShortName = shortName;
        carrier.ManagerName = manager;
        carrier.ManagerMobile = mobile!;
        carrier.DutyPhone = duty!;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The new carrier's id is the audit record's key: saved first, audited in the same transaction.
            await db.SaveChangesAsync(cancellationToken);
            changeLog.Add(db, actor, EntityType, carrier.Id.ToString(CultureInfo.InvariantCulture), carrier.Name, before is null ? "Created" : "Updated", before, Audited(carrier));
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseEngine.IsUniqueViolation(ex))
        {
            // Another admin saved the same name a moment earlier.
            return (null, new Dictionary<string, string>
            {
                [nameof(CarrierForm.Name)] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_NameTaken, Registry.Carrier_Name, name),
            });
        }

        logger.LogInformation("{User} {Action} carrier {Id}", actor.UserId, before is null ? "created" : "updated", carrier.Id);
        return (carrier.Id, errors);
    }

    /// <summary>An 11-digit mainland mobile as <see cref="ContactNumber.Normalise"/> leaves it (landlines keep their dash).</summary>
    private static bool IsMobile(string normalised) => normalised.Length == 11 && normalised[0] == '1';

    public static Dictionary<string, string?> Audited(CarrierEntity carrier)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(CarrierEntity.Name)] = carrier.Name,
            [nameof(CarrierEntity.ShortName)] = carrier.ShortName,
            [nameof(CarrierEntity.ManagerName)] = carrier.ManagerName,
            [nameof(CarrierEntity.ManagerMobile)] = carrier.ManagerMobile,
            [nameof(CarrierEntity.DutyPhone)] = carrier.DutyPhone,
        };
    }

    private static string Required(string? value, string field, string label, int max, Dictionary<string, string> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Required, label);
        }
        else if (text.Length > max)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_TooLong, label, max);
        }

        return text;
    }

    private static string? Phone(string? value, string field, string label, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_Required, label);
            return null;
        }

        var normalised = ContactNumber.Normalise(value);
        if (normalised is null)
        {
            errors[field] = string.Format(CultureInfo.CurrentCulture, Registry.Msg_PhoneInvalid, label);
        }

        return normalised;
    }
}
