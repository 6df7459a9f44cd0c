using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using GovNetOps.Web.Infrastructure.Security;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications.Findings;

/// <summary>Security inspection findings (Articles 9, 25), by Ops: record (a serious one disconnects the site at once),
/// record the unit's rectification, verify it, reconnect the site (refused while a serious finding is unverified).
/// Each change and the site's status change are audited in the same transaction; a disconnection or reconnection, once
/// committed, is published as <see cref="SiteConnectionChanged"/> (the board's 断网整改中 panel).</summary>
public sealed class SecurityFindingHandler(
    IDbContextFactory<AppDbContext> factory, ChangeLog changeLog, CurrentActors actors, TimeProvider time, Notifier<SiteConnectionChanged> connections)
{
    public const int TextMax = 1000;

    public async Task<IReadOnlyList<SecurityFindingRecord>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var list = await db.SecurityFindings.AsNoTracking().Include(f => f.Site).ToListAsync(cancellationToken);
        return list.OrderBy(f => f.State == FindingState.Verified).ThenBy(f => f.RectificationDue).ThenByDescending(f => f.FoundAt).ToList();
    }

    public async Task<IReadOnlyList<Site>> SitesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken))
        {
            return [];
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AsNoTracking().Where(s => s.Status != SiteConnectionStatus.Revoked).OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<Result> RecordAsync(int siteId, FindingSeverity severity, string description, DateOnly? deadline, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await OpsAsync(user, cancellationToken) is not { } actor)
        {
            return Result.Fail(T.NotAllowed);
        }

        if (!Enum.IsDefined(severity))
        {
            return Result.Fail(T.Finding_SeverityRequired);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return Result.Fail(T.Finding_SiteRequired);
        }

        var now = time.GetUtcNow();
        var check = SecurityFindingRules.CheckNew(site.Status, description ?? "", deadline, now);
        if (!check.IsSuccess)
        {
            return check;
        }

        if (description!.Trim().Length > TextMax)
        {
            return Result.Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Finding_Description, TextMax));
        }

        var status = SecurityFindingRules.StatusAfterFinding(site.Status, severity);
        var finding = new SecurityFindingRecord
        {
            SiteId = site.Id, Severity = severity, State = FindingState.Open, Description = description.Trim(), RectificationDue = deadline!.Value,
            FoundAt = now, RecordedByName = actor.DisplayName, Disconnected = status != site.Status,
        };
        db.SecurityFindings.Add(finding);
        // The id names the audit record: both saves in one transaction, so no finding exists without its record.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        changeLog.Add(db, actor, nameof(SecurityFindingRecord), finding.Id.ToString(CultureInfo.InvariantCulture), site.Name, "Record", null,
            new Dictionary<string, string?> { ["严重程度"] = severity.ToString(), ["问题描述"] = finding.Description, ["整改期限"] = finding.RectificationDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        if (finding.Disconnected)
        {
            changeLog.Add(db, actor, nameof(Site), site.Id.ToString(CultureInfo.InvariantCulture), site.Name, "Disconnect",
                new Dictionary<string, string?> { ["Status"] = site.Status.ToString() }, new Dictionary<string, string?> { ["Status"] = status.ToString() },
                string.Format(CultureInfo.InvariantCulture, "安全检查问题 #{0}", finding.Id));
            site.Status = status;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (finding.Disconnected)
        {
            connections.Publish(new SiteConnectionChanged(site.Id, status));
        }

        return Result.Ok();
    }

    public Task<Result> RectifyAsync(int findingId, string note, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        MoveAsync(findingId, user, "Rectify", (finding, actor, now) =>
        {
            var check = SecurityFindingRules.CheckRectify(finding.State, note ?? "");
            if (!check.IsSuccess)
            {
                return check;
            }

            if (note!.Trim().Length > TextMax)
            {
                return Result.Fail(string.Format(CultureInfo.CurrentCulture, T.Field_TooLong, T.Finding_Rectification, TextMax));
            }

            finding.State = FindingState.Rectified;
            finding.RectificationNote = note.Trim();
            finding.RectifiedAt = now;
            return Result.Ok();
        }, cancellationToken);

    public Task<Result> VerifyAsync(int findingId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        MoveAsync(findingId, user, "Verify", (finding, actor, now) =>
        {
            var check = SecurityFindingRules.CheckVerify(finding.State);
            if (check.IsSuccess)
            {
                finding.State = FindingState.Verified;
                finding.VerifiedAt = now;
                finding.VerifiedByName = actor.DisplayName;
            }

            return check;
        }, cancellationToken);

    /// <summary>恢复接入: the site back to 已接入, only when every serious finding at it is verified.</summary>
    public async Task<Result> ReconnectAsync(int siteId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await OpsAsync(user, cancellationToken) is not { } actor)
        {
            return Result.Fail(T.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        if (site is null)
        {
            return Result.Fail(T.Finding_SiteRequired);
        }

        var findings = await db.SecurityFindings.Where(f => f.SiteId == siteId).ToListAsync(cancellationToken);
        var check = SecurityFindingRules.CheckReconnect(site.Status, findings.Select(f => (f.Severity, f.State)));
        if (!check.IsSuccess)
        {
            return check;
        }

        changeLog.Add(db, actor, nameof(Site), site.Id.ToString(CultureInfo.InvariantCulture), site.Name, "Reconnect",
            new Dictionary<string, string?> { ["Status"] = site.Status.ToString() },
            new Dictionary<string, string?> { ["Status"] = nameof(SiteConnectionStatus.Connected) });
        site.Status = SiteConnectionStatus.Connected;
        var now = time.GetUtcNow();
        foreach (var finding in findings.Where(f => f.Disconnected && f.ReconnectedAt is null))
        {
            finding.ReconnectedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        connections.Publish(new SiteConnectionChanged(site.Id, site.Status));
        return Result.Ok();
    }

    private async Task<Result> MoveAsync(int findingId, ClaimsPrincipal user, string action, Func<SecurityFindingRecord, Actor, DateTimeOffset, Result> move, CancellationToken cancellationToken)
    {
        if (await OpsAsync(user, cancellationToken) is not { } actor)
        {
            return Result.Fail(T.NotAllowed);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var finding = await db.SecurityFindings.Include(f => f.Site).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding is null)
        {
            return Result.Fail(T.Finding_NotFound);
        }

        var before = finding.State.ToString();
        var result = move(finding, actor, time.GetUtcNow());
        if (!result.IsSuccess)
        {
            return result;
        }

        changeLog.Add(db, actor, nameof(SecurityFindingRecord), finding.Id.ToString(CultureInfo.InvariantCulture), finding.Site!.Name, action,
            new Dictionary<string, string?> { ["State"] = before }, new Dictionary<string, string?> { ["State"] = finding.State.ToString() }, finding.RectificationNote);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }

    private async Task<Actor?> OpsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await actors.AllowsAsync(user, AppPolicies.Applications, cancellationToken) ? await actors.ResolveAsync(user, cancellationToken) : null;
}
