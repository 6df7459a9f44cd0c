using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Maintenance;

/// <summary>
/// Article 12: work that interrupts the network is notified to the management unit at least 2 h ahead and carried
/// out only after approval. A notice filed later is accepted as late notice (未按时报备) with a reason and recorded
/// as a violation; starting before approval or before the approved start, overrunning the planned end, and an
/// interruption with no approved notice are violations too (PRODUCT.md interpretation 10).
/// </summary>
/// <remarks>All durations are clock time: a window across midnight or a public holiday is as long as the hours it
/// spans; working days play no part here.</remarks>
public static class MaintenanceRules
{
    /// <summary>Article 12: minimum lead time between filing and planned start, 2 h.</summary>
    public static TimeSpan MinimumLead { get; } = TimeSpan.FromHours(2);

    /// <summary>The default longest window accepted without a reason (configurable).</summary>
    public static TimeSpan DefaultMaximumWindow { get; } = TimeSpan.FromHours(24);

    /// <summary>A notice still undecided this long before its planned start notifies the Ops duty officer.</summary>
    public static TimeSpan ApprovalReminderLead { get; } = TimeSpan.FromMinutes(30);

    /// <summary>True when a notice filed at <paramref name="filedAt"/> comes less than 2 h before <paramref name="startsAt"/> (exactly 2 h is on time).</summary>
    public static bool IsLateNotice(DateTimeOffset filedAt, DateTimeOffset startsAt) => startsAt - filedAt < MinimumLead;

    /// <summary>
    /// Article 12: checks a filing at <paramref name="now"/>: at least one site, the work described, an end after the
    /// start, a start not in the past, a reason for late notice and for a window longer than
    /// <paramref name="maximumWindow"/>. Accepted filings say whether they are late (a violation) or long.
    /// </summary>
    public static Result<FilingAssessment> CheckFiling(MaintenanceFiling filing, DateTimeOffset now, TimeSpan maximumWindow)
    {
        ArgumentNullException.ThrowIfNull(filing);
        if (filing.SiteCount < 1)
        {
            return Result<FilingAssessment>.Fail("请选择受影响的站点（至少一个）");
        }

        if (string.IsNullOrWhiteSpace(filing.Work))
        {
            return Result<FilingAssessment>.Fail("请填写工作内容");
        }

        if (filing.EndsAt <= filing.StartsAt)
        {
            return Result<FilingAssessment>.Fail("计划结束时间必须晚于计划开始时间");
        }

        if (filing.StartsAt < now)
        {
            return Result<FilingAssessment>.Fail($"计划开始时间不能早于现在（{ChinaTime.Format(now)}）");
        }

        var isLate = IsLateNotice(now, filing.StartsAt);
        if (isLate && string.IsNullOrWhiteSpace(filing.LateReason))
        {
            return Result<FilingAssessment>.Fail(
                $"距计划开始不足2小时，须填写未按时报备的原因（将记为未按时报备违规）；按时报备的开始时间不早于 {ChinaTime.Format(now + MinimumLead)}");
        }

        var isLong = filing.EndsAt - filing.StartsAt > maximumWindow;
        if (isLong && string.IsNullOrWhiteSpace(filing.LongWindowReason))
        {
            return Result<FilingAssessment>.Fail($"作业窗口超过 {maximumWindow.TotalHours:0.#} 小时，须填写超长窗口的原因");
        }

        return Result<FilingAssessment>.Ok(new FilingAssessment(isLate, isLong));
    }

    /// <summary>Ops decides only a notice waiting for a decision; a rejection needs a reason.</summary>
    public static Result CheckDecision(MaintenanceStatus status, bool approve, string? reason)
    {
        if (status != MaintenanceStatus.Pending)
        {
            return Result.Fail("该报备不在待审批状态，不能审批");
        }

        return !approve && string.IsNullOrWhiteSpace(reason) ? Result.Fail("驳回须填写理由") : Result.Ok();
    }

    /// <summary>The carrier may mark the work started while the notice is pending or approved (a rejected notice may not be carried out).</summary>
    public static Result CheckStart(MaintenanceStatus status) => status switch
    {
        MaintenanceStatus.Pending or MaintenanceStatus.Approved => Result.Ok(),
        MaintenanceStatus.Rejected => Result.Fail("该报备已驳回，不能实施；如需作业请重新报备"),
        _ => Result.Fail("该作业已开始，不能重复标记"),
    };

    /// <summary>The carrier marks finished only work in progress.</summary>
    public static Result CheckFinish(MaintenanceStatus status) =>
        status == MaintenanceStatus.InProgress ? Result.Ok() : Result.Fail("作业尚未开始或已完成，不能标记完成");

    /// <summary>Only a notice whose work has not started may be edited; an approved one goes back to Ops (re-approval).</summary>
    public static Result CheckEdit(MaintenanceStatus status) =>
        status is MaintenanceStatus.Pending or MaintenanceStatus.Approved
            ? Result.Ok()
            : Result.Fail("作业已开始、已完成或已驳回的报备不能修改");

    /// <summary>
    /// The violation of starting work at <paramref name="now"/>: before approval (未经批准实施), or approved but before the
    /// planned start (提前实施); none when approved and on or after the start.
    /// </summary>
    public static CarrierViolationKind? StartViolation(MaintenanceStatus status, DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (status != MaintenanceStatus.Approved)
        {
            return CarrierViolationKind.StartedWithoutApproval;
        }

        return now < startsAt ? CarrierViolationKind.StartedEarly : null;
    }

    /// <summary>When an undecided notice reminds the Ops duty officer: 30 min before the planned start.</summary>
    public static DateTimeOffset ApprovalReminderAt(DateTimeOffset startsAt) => startsAt - ApprovalReminderLead;

    /// <summary>True when work is still in progress at or after its planned end (超时作业): finishing must be marked
    /// before the planned end instant to be in time. The overrun alert falls due at the planned end itself.</summary>
    public static bool IsOverrun(MaintenanceNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Status == MaintenanceStatus.InProgress && now >= notice.EndsAt;
    }

    /// <summary>
    /// True when an interruption at <paramref name="siteId"/> at <paramref name="instant"/> falls inside the notice's
    /// approved window: the planned window once approved, and while the work is in progress from its actual start
    /// until it is marked finished (an overrun stays covered, and is itself a violation).
    /// </summary>
    public static bool Covers(MaintenanceNotice notice, int siteId, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!notice.SiteIds.Contains(siteId))
        {
            return false;
        }

        var planned = instant >= notice.StartsAt && instant < notice.EndsAt;
        return notice.Status switch
        {
            MaintenanceStatus.Approved => planned,
            MaintenanceStatus.InProgress => planned || instant >= notice.StartedAt,
            MaintenanceStatus.Completed => planned && instant < notice.FinishedAt
                || instant >= notice.StartedAt && instant < notice.FinishedAt,
            _ => false,
        };
    }

    /// <summary>Pairs of notices that interrupt a common site at overlapping times (touching end-to-start is not an overlap), earlier start first.</summary>
    public static IReadOnlyList<(MaintenanceNotice First, MaintenanceNotice Second)> FindOverlaps(IEnumerable<MaintenanceNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var ordered = notices.OrderBy(n => n.StartsAt).ThenBy(n => n.EndsAt).ThenBy(n => n.Id).ToList();
        var pairs = new List<(MaintenanceNotice, MaintenanceNotice)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count && ordered[j].StartsAt < ordered[i].EndsAt; j++)
            {
                if (ordered[i].Overlaps(ordered[j]))
                {
                    pairs.Add((ordered[i], ordered[j]));
                }
            }
        }

        return pairs;
    }
}
