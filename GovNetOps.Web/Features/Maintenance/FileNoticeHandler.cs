using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>What filing (or editing) produced: the notice number, whether it went in as late notice, and the notices it
/// overlaps at a common site (allowed, with a warning).</summary>
public sealed record FiledNotice(long Id, string Number, bool IsLate, IReadOnlyList<string> Overlaps);

/// <summary>报备 and 修改: a carrier files a notice for its own sites (Ops may file on its behalf, audited). Late notice is
/// accepted with a reason and recorded on the carrier's record in the same transaction; editing an approved notice sends
/// it back for approval; every filing and edit is in the change log.</summary>
public sealed class FileNoticeHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    ChangeLog changeLog,
    IOptions<MaintenanceOptions> options,
    Notifier<MaintenanceChanged> changes,
    TimeProvider time,
    ILogger<FileNoticeHandler> logger)
{
    public const string EntityType = "MaintenanceNotice";

    // Numbers are max+1 per day; one filing at a time keeps them unique without retries.
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    /// <summary>The sites a filer may pick: a carrier's own active sites (Ops: the chosen carrier's).</summary>
    public async Task<IReadOnlyList<NoticeSite>> SitesAsync(ClaimsPrincipal user, int? carrierId, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        var carrier = actor is null ? null : FilingCarrier(actor, carrierId);
        if (carrier is null)
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.CarrierId == carrier && s.IsActive).OrderBy(s => s.Name)
            .Select(s => new NoticeSite(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Carriers Ops may file for.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CarriersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Carriers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.ShortName }).ToListAsync(cancellationToken);
        return rows.Select(c => (c.Id, c.ShortName)).ToList();
    }

    /// <summary>Checks the form as it stands without saving: the first message to fix, or the warnings the filer
    /// should see before submitting (late notice, overlaps).</summary>
    public async Task<Result<FiledNotice>> PreviewAsync(NoticeForm form, ClaimsPrincipal user, long? editing = null, CancellationToken cancellationToken = default)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null)
        {
            return Result<FiledNotice>.Fail(Resources.Maintenance.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var checkedForm = await CheckAsync(db, form, actor, editing, cancellationToken);
        return checkedForm.IsSuccess
            ? Result<FiledNotice>.Ok(new FiledNotice(0, "", checkedForm.Value!.Assessment.IsLate, checkedForm.Value.Overlaps))
            : Result<FiledNotice>.Fail(checkedForm.Error!);
    }

    public async Task<Result<FiledNotice>> FileAsync(NoticeForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.MaintenanceFile, cancellationToken))
        {
            logger.LogWarning("Refused maintenance filing by {User}", user.Identity?.Name);
            return Result<FiledNotice>.Fail(Resources.Maintenance.NotAllowed);
        }

        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var checkedForm = await CheckAsync(db, form, actor, null, cancellationToken);
            if (!checkedForm.IsSuccess)
            {
                return Result<FiledNotice>.Fail(checkedForm.Error!);
            }

            var c = checkedForm.Value!;
            var now = time.GetUtcNow();
            var day = ChinaTime.DateOf(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var prefix = $"WH-{day}-";
            var last = await db.MaintenanceNotices.Where(n => n.Number.StartsWith(prefix)).Select(n => n.Number).ToListAsync(cancellationToken);
            var next = last.Count == 0 ? 1 : last.Max(n => int.Parse(n[prefix.Length..], CultureInfo.InvariantCulture)) + 1;
            var notice = new MaintenanceNoticeRecord
            {
                Number = $"{prefix}{next:00}", CarrierId = c.CarrierId, AllSites = form.AllSites,
                Sites = c.SiteIds.Select(id => new MaintenanceNoticeSite { SiteId = id }).ToList(),
                Work = form.Work!.Trim(), Impact = form.Impact?.Trim() ?? "", ContactName = form.ContactName!.Trim(),
                ContactMobile = ContactNumber.Normalise(form.ContactMobile)!, StartsAt = c.StartsAt, EndsAt = c.EndsAt,
                FiledAt = now, FiledBy = actor.DisplayName, FiledByOps = actor.Role == Role.Ops, IsLate = c.Assessment.IsLate,
                LateReason = c.Assessment.IsLate ? form.LateReason!.Trim() : null,
                LongWindowReason = c.Assessment.IsLong ? form.LongWindowReason!.Trim() : null,
                Status = MaintenanceStatus.Pending, UpdatedAt = now, Version = 1,
            };
            // The notice, its audit record and a late-notice violation commit together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            db.MaintenanceNotices.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
            changeLog.Add(db, actor, EntityType, notice.Id.ToString(CultureInfo.InvariantCulture), notice.Number,
                actor.Role == Role.Ops ? "FileOnBehalf" : "File", after: Fields(notice, c.SiteNames),
                note: actor.Role == Role.Ops ? $"运维值班员代运营商报备：{c.CarrierName}" : "");
            if (c.Assessment.IsLate)
            {
                CarrierViolations.Add(db, c.CarrierId, CarrierViolationKind.LateNotice, now, c.SiteIds, notice.Id, null,
                    $"{notice.Number} 距计划开始 {ChinaTime.Format(c.StartsAt)} 不足2小时报备；原因：{notice.LateReason}", actor.DisplayName, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("{User} filed maintenance notice {Number} for carrier {Carrier} ({Sites} sites, late: {Late})",
                actor.DisplayName, notice.Number, c.CarrierId, c.SiteIds.Count, c.Assessment.IsLate);
            changes.Publish(new MaintenanceChanged(notice.Id, notice.Number, notice.CarrierId));
            return Result<FiledNotice>.Ok(new FiledNotice(notice.Id, notice.Number, c.Assessment.IsLate, c.Overlaps));
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Edits a notice whose work has not started; an approved notice goes back to 待审批 (re-approval). A late
    /// notice found by the edit (the start moved closer) is recorded like a late filing.</summary>
    public async Task<Result<FiledNotice>> EditAsync(long noticeId, int expectedVersion, NoticeForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.MaintenanceFile, cancellationToken))
        {
            return Result<FiledNotice>.Fail(Resources.Maintenance.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notice = await db.MaintenanceNotices.Include(n => n.Sites).SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null || !NoticeAccess.CanActFor(actor, notice.CarrierId))
        {
            return Result<FiledNotice>.Fail(Resources.Maintenance.NotFound);
        }

        if (notice.Version != expectedVersion)
        {
            return Result<FiledNotice>.Fail(Resources.Maintenance.Conflict);
        }

        var editable = MaintenanceRules.CheckEdit(notice.Status);
        if (!editable.IsSuccess)
        {
            return Result<FiledNotice>.Fail(editable.Error!);
        }

        form.CarrierId = notice.CarrierId;
        var checkedForm = await CheckAsync(db, form, actor, noticeId, cancellationToken);
        if (!checkedForm.IsSuccess)
        {
            return Result<FiledNotice>.Fail(checkedForm.Error!);
        }

        var c = checkedForm.Value!;
        var now = time.GetUtcNow();
        var oldSiteNames = await db.Sites.Where(s => notice.Sites.Select(x => x.SiteId).Contains(s.Id)).Select(s => s.Name).ToListAsync(cancellationToken);
        var before = Fields(notice, oldSiteNames);
        var wasApproved = notice.Status == MaintenanceStatus.Approved;
        var wasLate = notice.IsLate;
        notice.AllSites = form.AllSites;
        db.MaintenanceNoticeSites.RemoveRange(notice.Sites.Where(s => !c.SiteIds.Contains(s.SiteId)));
        notice.Sites.AddRange(c.SiteIds.Where(id => notice.Sites.All(s => s.SiteId != id)).Select(id => new MaintenanceNoticeSite { NoticeId = notice.Id, SiteId = id }));
        notice.Work = form.Work!.Trim();
        notice.Impact = form.Impact?.Trim() ?? "";
        notice.ContactName = form.ContactName!.Trim();
        notice.ContactMobile = ContactNumber.Normalise(form.ContactMobile)!;
        notice.StartsAt = c.StartsAt;
        notice.EndsAt = c.EndsAt;
        notice.IsLate = wasLate || c.Assessment.IsLate;
        notice.LateReason = c.Assessment.IsLate ? form.LateReason!.Trim() : notice.LateReason;
        notice.LongWindowReason = c.Assessment.IsLong ? form.LongWindowReason!.Trim() : null;
        notice.Status = MaintenanceStatus.Pending;
        notice.DecidedAt = null;
        notice.DecidedBy = null;
        notice.DecisionReason = null;
        notice.UpdatedAt = now;
        notice.Version++;
        changeLog.Add(db, actor, EntityType, notice.Id.ToString(CultureInfo.InvariantCulture), notice.Number, "Edit", before, Fields(notice, c.SiteNames),
            wasApproved ? "已批准的报备被修改，须重新审批" : "");
        if (c.Assessment.IsLate && !wasLate)
        {
            CarrierViolations.Add(db, notice.CarrierId, CarrierViolationKind.LateNotice, now, c.SiteIds, notice.Id, null,
                $"{notice.Number} 修改后距计划开始 {ChinaTime.Format(c.StartsAt)} 不足2小时；原因：{notice.LateReason}", actor.DisplayName, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<FiledNotice>.Fail(Resources.Maintenance.Conflict);
        }

        changes.Publish(new MaintenanceChanged(notice.Id, notice.Number, notice.CarrierId));
        return Result<FiledNotice>.Ok(new FiledNotice(notice.Id, notice.Number, c.Assessment.IsLate, c.Overlaps));
    }

    private sealed record CheckedForm(int CarrierId, string CarrierName, List<int> SiteIds, List<string> SiteNames, DateTimeOffset StartsAt,
        DateTimeOffset EndsAt, FilingAssessment Assessment, IReadOnlyList<string> Overlaps);

    private async Task<Result<CheckedForm>> CheckAsync(AppDbContext db, NoticeForm form, Actor actor, long? editing, CancellationToken cancellationToken)
    {
        if (FilingCarrier(actor, form.CarrierId) is not { } carrierId)
        {
            return Result<CheckedForm>.Fail(actor.Role == Role.Ops ? Resources.Maintenance.PickCarrier : Resources.Maintenance.NotAllowed);
        }

        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == carrierId, cancellationToken);
        if (carrier is null)
        {
            return Result<CheckedForm>.Fail(Resources.Maintenance.PickCarrier);
        }

        var own = await db.Sites.AsNoTracking().Where(s => s.CarrierId == carrierId && s.IsActive).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var wanted = form.AllSites ? own.Select(s => s.Id).ToList() : form.SiteIds.Distinct().ToList();
        // Sites must belong to the filing carrier (checked on the server, whatever the browser sent).
        var foreign = wanted.Where(id => own.All(s => s.Id != id)).ToList();
        if (foreign.Count > 0)
        {
            return Result<CheckedForm>.Fail(string.Format(CultureInfo.CurrentCulture, Resources.Maintenance.SitesNotOwn, carrier.ShortName));
        }

        if (form.StartChina is null || form.EndChina is null)
        {
            return Result<CheckedForm>.Fail(form.StartChina is null ? Resources.Maintenance.StartRequired : Resources.Maintenance.EndRequired);
        }

        if (string.IsNullOrWhiteSpace(form.ContactName))
        {
            return Result<CheckedForm>.Fail(Resources.Maintenance.ContactRequired);
        }

        if (!ContactNumber.IsValid(form.ContactMobile))
        {
            return Result<CheckedForm>.Fail(ContactNumber.InvalidMessage(Resources.Maintenance.ContactMobileField));
        }

        var startsAt = ToUtc(form.StartChina.Value);
        var endsAt = ToUtc(form.EndChina.Value);
        var now = time.GetUtcNow();
        var assessed = MaintenanceRules.CheckFiling(
            new MaintenanceFiling(wanted.Count, form.Work ?? "", startsAt, endsAt, form.LateReason, form.LongWindowReason), now, options.Value.MaximumWindow);
        if (!assessed.IsSuccess)
        {
            return Result<CheckedForm>.Fail(assessed.Error!);
        }

        var candidate = new MaintenanceNotice(editing ?? 0, carrierId, wanted, startsAt, endsAt, MaintenanceStatus.Pending);
        var others = await db.MaintenanceNotices.AsNoTracking().Include(n => n.Sites)
            .Where(n => n.Id != (editing ?? 0) && n.Status != MaintenanceStatus.Rejected && n.Status != MaintenanceStatus.Completed
                && n.StartsAt < endsAt && n.EndsAt > startsAt && n.Sites.Any(s => wanted.Contains(s.SiteId)))
            .ToListAsync(cancellationToken);
        // The carrier is warned of its own overlapping notices only; Ops sees all of them.
        var overlaps = others.Where(o => candidate.Overlaps(o.ToDomain()) && NoticeAccess.CanSee(actor, o.CarrierId)).Select(o => o.Number).ToList();
        return Result<CheckedForm>.Ok(new CheckedForm(carrierId, carrier.ShortName, wanted,
            own.Where(s => wanted.Contains(s.Id)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList(), startsAt, endsAt, assessed.Value!, overlaps));
    }

    private static int? FilingCarrier(Actor actor, int? requested) => actor.Role switch
    {
        Role.Carrier => actor.CarrierId,
        Role.Ops => requested,
        _ => null,
    };

    private static DateTimeOffset ToUtc(DateTime china) =>
        new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();

    private static Dictionary<string, string?> Fields(MaintenanceNoticeRecord n, IEnumerable<string> siteNames) => new()
    {
        ["站点"] = n.AllSites ? "全部站点" : string.Join("、", siteNames),
        ["计划开始"] = ChinaTime.Format(n.StartsAt),
        ["计划结束"] = ChinaTime.Format(n.EndsAt),
        ["工作内容"] = n.Work,
        ["影响范围"] = n.Impact,
        ["现场联系人"] = $"{n.ContactName} {ContactNumber.Mask(n.ContactMobile)}",
        ["未按时报备原因"] = n.LateReason,
        ["超长窗口原因"] = n.LongWindowReason,
        ["状态"] = n.Status.ToString(),
    };
}
