using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>审批 (Ops approves or rejects, with a reason for a rejection), 开始实施 and 实施完成 (the carrier, or Ops on its
/// behalf, with the actual instants). Starting before approval or before the approved start is recorded on the carrier's
/// record in the same transaction. Each change is audited and guarded by the notice's version.</summary>
public sealed class NoticeActionHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    ChangeLog changeLog,
    Notifier<MaintenanceChanged> changes,
    TimeProvider time,
    ILogger<NoticeActionHandler> logger)
{
    public Task<Result<int>> DecideAsync(long noticeId, int expectedVersion, bool approve, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ApplyAsync(noticeId, expectedVersion, user, AppPolicies.MaintenanceDecide, (db, notice, actor, now) =>
        {
            var allowed = MaintenanceRules.CheckDecision(notice.Status, approve, reason);
            if (!allowed.IsSuccess)
            {
                return allowed;
            }

            notice.Status = approve ? MaintenanceStatus.Approved : MaintenanceStatus.Rejected;
            notice.DecidedAt = now;
            notice.DecidedBy = actor.DisplayName;
            notice.DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            Audit(db, actor, notice, approve ? "Approve" : "Reject", MaintenanceStatus.Pending, notice.DecisionReason ?? "");
            return Result.Ok();
        }, cancellationToken);

    public Task<Result<int>> StartAsync(long noticeId, int expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ApplyAsync(noticeId, expectedVersion, user, AppPolicies.MaintenanceCarryOut, (db, notice, actor, now) =>
        {
            var allowed = MaintenanceRules.CheckStart(notice.Status);
            if (!allowed.IsSuccess)
            {
                return allowed;
            }

            var before = notice.Status;
            if (MaintenanceRules.StartViolation(notice.Status, notice.StartsAt, now) is { } kind)
            {
                var detail = kind == CarrierViolationKind.StartedWithoutApproval
                    ? $"{notice.Number} 未经批准于 {ChinaTime.Format(now)} 开始实施"
                    : $"{notice.Number} 于 {ChinaTime.Format(now)} 开始实施，早于批准的开始时间 {ChinaTime.Format(notice.StartsAt)}";
                CarrierViolations.Add(db, notice.CarrierId, kind, now, notice.Sites.Select(s => s.SiteId), notice.Id, null, detail, actor.DisplayName, now);
            }

            notice.Status = MaintenanceStatus.InProgress;
            notice.StartedAt = now;
            Audit(db, actor, notice, "Start", before, actor.Role == Role.Ops ? "运维值班员代运营商登记" : "");
            return Result.Ok();
        }, cancellationToken);

    public Task<Result<int>> FinishAsync(long noticeId, int expectedVersion, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ApplyAsync(noticeId, expectedVersion, user, AppPolicies.MaintenanceCarryOut, (db, notice, actor, now) =>
        {
            var allowed = MaintenanceRules.CheckFinish(notice.Status);
            if (!allowed.IsSuccess)
            {
                return allowed;
            }

            notice.Status = MaintenanceStatus.Completed;
            notice.FinishedAt = now;
            Audit(db, actor, notice, "Finish", MaintenanceStatus.InProgress, actor.Role == Role.Ops ? "运维值班员代运营商登记" : "");
            return Result.Ok();
        }, cancellationToken);

    private void Audit(AppDbContext db, Actor actor, MaintenanceNoticeRecord notice, string action, MaintenanceStatus before, string note) =>
        changeLog.Add(db, actor, FileNoticeHandler.EntityType, notice.Id.ToString(CultureInfo.InvariantCulture), notice.Number, action,
            new Dictionary<string, string?> { ["状态"] = before.ToString() },
            new Dictionary<string, string?>
            {
                ["状态"] = notice.Status.ToString(),
                ["实际开始"] = notice.StartedAt is { } s ? ChinaTime.Format(s) : null,
                ["实际结束"] = notice.FinishedAt is { } f ? ChinaTime.Format(f) : null,
                ["审批理由"] = notice.DecisionReason,
            }, note);

    private async Task<Result<int>> ApplyAsync(long noticeId, int expectedVersion, ClaimsPrincipal user, string policy,
        Func<AppDbContext, MaintenanceNoticeRecord, Actor, DateTimeOffset, Result> change, CancellationToken cancellationToken)
    {
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, policy, cancellationToken))
        {
            logger.LogWarning("Refused {Policy} on maintenance notice {Id} by {User}", policy, noticeId, user.Identity?.Name);
            return Result<int>.Fail(Resources.Maintenance.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notice = await db.MaintenanceNotices.Include(n => n.Sites).SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        // A carrier never learns that another carrier's notice exists.
        if (notice is null || !NoticeAccess.CanActFor(actor, notice.CarrierId) && policy != AppPolicies.MaintenanceDecide)
        {
            return Result<int>.Fail(Resources.Maintenance.NotFound);
        }

        if (notice.Version != expectedVersion)
        {
            return Result<int>.Fail(Resources.Maintenance.Conflict);
        }

        var now = time.GetUtcNow();
        var applied = change(db, notice, actor, now);
        if (!applied.IsSuccess)
        {
            return Result<int>.Fail(applied.Error!);
        }

        notice.UpdatedAt = now;
        notice.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<int>.Fail(Resources.Maintenance.Conflict);
        }

        logger.LogInformation("{User} {Policy} maintenance notice {Number}: now {Status}", actor.DisplayName, policy, notice.Number, notice.Status);
        changes.Publish(new MaintenanceChanged(notice.Id, notice.Number, notice.CarrierId));
        return Result<int>.Ok(notice.Version);
    }
}
