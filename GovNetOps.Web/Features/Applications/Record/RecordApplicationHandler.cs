using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Calendar;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Record;

/// <summary>
/// Records an access (annex 1) or change (annex 2) application from the unit's signed paper form. Ops types it: the
/// regulation has the unit file a signed and stamped paper form (填报…申请表, 签章), so the paper stays the legal
/// record and no unit account is needed (the units have no accounts in this console; a self-service role would be
/// a second, unsigned channel for the same request). The review clock starts at the receipt time.
/// </summary>
public sealed class RecordApplicationHandler(
    IDbContextFactory<AppDbContext> factory,
    WorkingCalendarSource calendars,
    ChangeLog changeLog,
    CurrentActors actors,
    Notifier<ApplicationChanged> changes,
    TimeProvider time)
{
    public const int NameMax = 32;
    public const int TextMax = 500;
    private static readonly SemaphoreSlim NumberLock = new(1, 1);

    /// <summary>Checks and stores the form; returns the new application's number, or the first problem per field.</summary>
    public async Task<Result<string>> RecordAsync(ApplicationForm form, ClaimsPrincipal user, Dictionary<string, string> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        errors.Clear();
        if (!await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken) || await actors.ResolveAsync(user, cancellationToken) is not { } actor)
        {
            return Result<string>.Fail(T.NotAllowed);
        }

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        Site? site = null;
        if (form.Kind == ApplicationKind.Change)
        {
            site = form.SiteId is { } id ? await db.Sites.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
            if (site is null || site.Status == SiteConnectionStatus.Revoked)
            {
                errors[nameof(form.SiteId)] = T.Field_SiteRequired;
            }
        }

        Validate(form, errors);
        var receivedAt = ReceivedAt(form, now);
        var progress = ApplicationProgress.Receive(receivedAt, now);
        if (!progress.IsSuccess)
        {
            errors[nameof(form.ReceivedOn)] = progress.Error!;
        }

        if (errors.Count > 0)
        {
            return Result<string>.Fail(errors.Values.First());
        }

        var calendar = calendars.Current;
        await NumberLock.WaitAsync(cancellationToken);
        try
        {
            var prefix = (form.Kind == ApplicationKind.Access ? "JR-" : "BG-") + ChinaTime.DateOf(receivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
            var taken = await db.NetworkApplications.CountAsync(a => a.Number.StartsWith(prefix), cancellationToken);
            var record = new NetworkApplicationRecord
            {
                Id = Guid.NewGuid(),
                Number = prefix + (taken + 1).ToString("00", CultureInfo.InvariantCulture),
                Kind = form.Kind,
                State = ApplicationState.Received,
                UnitName = form.UnitName.Trim(),
                UserType = form.UserType,
                Address = form.Address.Trim(),
                NetworkAdminName = form.NetworkAdminName.Trim(),
                NetworkAdminMobile = ContactNumber.Normalise(form.NetworkAdminMobile)!,
                TechContactName = form.TechContactName.Trim(),
                TechContactMobile = ContactNumber.Normalise(form.TechContactMobile)!,
                IpCount = form.IpCount ?? 0,
                BandwidthMbps = form.BandwidthMbps ?? 0,
                Purpose = form.Purpose.Trim(),
                ChangeType = form.Kind == ApplicationKind.Change ? form.ChangeType : null,
                ChangeDetail = form.Kind == ApplicationKind.Change && form.ChangeType == ChangeType.Other ? form.ChangeDetail.Trim() : "",
                UnitOpinion = form.UnitOpinion.Trim(),
                UnitSignedOn = form.UnitSignedOn is { } signed ? DateOnly.FromDateTime(signed) : null,
                SiteId = site?.Id,
                CarrierId = site?.CarrierId,
                ReceivedAt = receivedAt,
                CreatedAt = now,
                RecordedByName = actor.DisplayName,
                Version = 1,
            };
            record.NextDeadlineAt = ApplicationProgressMapping.NextDeadline(progress.Value!, calendar);
            db.NetworkApplications.Add(record);
            changeLog.Add(db, actor, nameof(NetworkApplicationRecord), record.Number, record.UnitName, "Record", null, Snapshot(record));
            await db.SaveChangesAsync(cancellationToken);
            changes.Publish(new ApplicationChanged(record.Id, record.CarrierId));
            return Result<string>.Ok(record.Number);
        }
        finally
        {
            NumberLock.Release();
        }
    }

    /// <summary>The fields the audit record shows.</summary>
    public static Dictionary<string, string?> Snapshot(NetworkApplicationRecord a) => new()
    {
        ["单位名称"] = a.UnitName, ["用户类型"] = a.UserType, ["办公地址"] = a.Address,
        ["网络管理员"] = $"{a.NetworkAdminName} {a.NetworkAdminMobile}", ["技术联系人"] = $"{a.TechContactName} {a.TechContactMobile}",
        ["IP数量"] = a.IpCount.ToString(CultureInfo.InvariantCulture), ["带宽"] = $"{a.BandwidthMbps.ToString(CultureInfo.InvariantCulture)}M",
        ["网络用途"] = a.Purpose, ["变更类型"] = a.ChangeType?.ToString(), ["状态"] = a.State.ToString(),
        ["受理时间"] = ChinaTime.Format(a.ReceivedAt),
    };

    private static DateTimeOffset ReceivedAt(ApplicationForm form, DateTimeOffset now)
    {
        if (form.ReceivedOn is not { } day)
        {
            return now;
        }

        var at = ChinaTime.At(DateOnly.FromDateTime(day), TimeOnly.FromTimeSpan(form.ReceivedTime ?? TimeSpan.FromHours(9)));
        return at;
    }

    private static void Validate(ApplicationForm form, Dictionary<string, string> errors)
    {
        Required(errors, nameof(form.UnitName), form.UnitName, T.Field_UnitName, 64);
        if (form.UserType.Length == 0)
        {
            errors[nameof(form.UserTypeOther)] = T.Field_UserTypeRequired;
        }

        Required(errors, nameof(form.Address), form.Address, T.Field_Address, 128);
        Required(errors, nameof(form.NetworkAdminName), form.NetworkAdminName, T.Field_NetworkAdminName, NameMax);
        Mobile(errors, nameof(form.NetworkAdminMobile), form.NetworkAdminMobile, T.Field_NetworkAdminMobile);
        Required(errors, nameof(form.TechContactName), form.TechContactName, T.Field_TechContactName, NameMax);
        Mobile(errors, nameof(form.TechContactMobile), form.TechContactMobile, T.Field_TechContactMobile);
        var removal = form.Kind == ApplicationKind.Change && form.ChangeType == ChangeType.Remove;
        if (!removal && form.IpCount is not (>= 1 and <= 4096))
        {
            errors[nameof(form.IpCount)] = T.Field_IpCountRange;
        }

        if (!removal && form.BandwidthMbps is not (>= 1 and <= 100000))
        {
            errors[nameof(form.BandwidthMbps)] = T.Field_BandwidthRange;
        }

        if (form.Kind == ApplicationKind.Access)
        {
            Required(errors, nameof(form.Purpose), form.Purpose, T.Field_Purpose, TextMax);
        }
        else if (form.ChangeType is null || !Enum.IsDefined(form.ChangeType.Value))
        {
            errors[nameof(form.ChangeType)] = T.Field_ChangeTypeRequired;
        }
        else if (form.ChangeType == ChangeType.Other)
        {
            Required(errors, nameof(form.ChangeDetail), form.ChangeDetail, T.Field_ChangeDetail, 200);
        }

        if (form.UnitOpinion.Trim().Length > TextMax)
        {
            errors[nameof(form.UnitOpinion)] = string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Field_UnitOpinion, TextMax);
        }
    }

    private static void Required(Dictionary<string, string> errors, string key, string? value, string label, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[key] = string.Format(CultureInfo.CurrentCulture, T.Field_Required, label);
        }
        else if (text.Length > max)
        {
            errors[key] = string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, label, max);
        }
    }

    private static void Mobile(Dictionary<string, string> errors, string key, string? value, string label)
    {
        if (!ContactNumber.IsValid(value))
        {
            errors[key] = ContactNumber.InvalidMessage(label);
        }
    }
}
