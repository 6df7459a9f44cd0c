using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;

namespace GovNetOps.Domain.Security;

/// <summary>
/// Inspection findings and disconnection (Article 9, Article 25): a finding names a site, a severity, what is wrong and a
/// rectification deadline; a serious one disconnects the site at once (断网整改中); the unit's rectification is recorded,
/// Ops verifies it, and only a site whose serious findings are all verified may be reconnected.
/// </summary>
public static class SecurityFindingRules
{
    /// <summary>Checks a new finding: a description, a deadline not before today (China date), a site that is not revoked.</summary>
    public static Result CheckNew(SiteConnectionStatus siteStatus, string description, DateOnly? deadline, DateTimeOffset now)
    {
        if (siteStatus == SiteConnectionStatus.Revoked)
        {
            return Result.Fail("该单位已撤销（拆机），不能登记安全检查问题");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return Result.Fail("请填写问题描述");
        }

        if (deadline is not { } due)
        {
            return Result.Fail("请填写整改期限");
        }

        return due < ChinaTime.DateOf(now) ? Result.Fail("整改期限不能早于今天") : Result.Ok();
    }

    /// <summary>The site's status after a finding of <paramref name="severity"/> is recorded: serious disconnects at once.</summary>
    public static SiteConnectionStatus StatusAfterFinding(SiteConnectionStatus current, FindingSeverity severity) =>
        severity == FindingSeverity.Serious && current == SiteConnectionStatus.Connected ? SiteConnectionStatus.DisconnectedForRectification : current;

    /// <summary>整改完成 (recorded from the unit's report): only an open finding, with what was done.</summary>
    public static Result CheckRectify(FindingState state, string note)
    {
        if (state != FindingState.Open)
        {
            return Result.Fail(state == FindingState.Rectified ? "整改情况已登记，等待验证" : "该问题已验证整改，无需再登记");
        }

        return string.IsNullOrWhiteSpace(note) ? Result.Fail("请填写整改情况") : Result.Ok();
    }

    /// <summary>验证整改: only after the rectification was recorded.</summary>
    public static Result CheckVerify(FindingState state) => state switch
    {
        FindingState.Rectified => Result.Ok(),
        FindingState.Open => Result.Fail("使用单位尚未登记整改情况，不能验证"),
        _ => Result.Fail("该问题已验证整改"),
    };

    /// <summary>恢复接入: only a disconnected site, and only when none of its serious findings is unverified.</summary>
    public static Result CheckReconnect(SiteConnectionStatus status, IEnumerable<(FindingSeverity Severity, FindingState State)> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (status != SiteConnectionStatus.DisconnectedForRectification)
        {
            return Result.Fail("该单位未处于断网整改中，无需恢复接入");
        }

        var pending = findings.Count(f => f.Severity == FindingSeverity.Serious && f.State != FindingState.Verified);
        return pending > 0
            ? Result.Fail($"该单位还有 {pending} 个严重问题的整改未经验证，验证整改后才能恢复接入")
            : Result.Ok();
    }
}
