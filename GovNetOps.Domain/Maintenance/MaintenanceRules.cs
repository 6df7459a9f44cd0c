using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Maintenance;

/// <summary>
/// Article 12: work that interrupts the network is notified to the management unit at least 2 h ahead and
/// carried out only after approval. Overlapping notices for one site are reported.
/// </summary>
public static class MaintenanceRules
{
    /// <summary>Article 12: minimum lead time between filing and start, 2 h.</summary>
    public static TimeSpan MinimumLead { get; } = TimeSpan.FromHours(2);

    /// <summary>Article 12: checks a notice as filed: a title, an end after the start, and a lead time of at least 2 h.</summary>
    public static Result CheckFiling(MaintenanceNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (string.IsNullOrWhiteSpace(notice.Title))
        {
            return Result.Fail("请填写维护内容");
        }

        if (notice.EndsAt <= notice.StartsAt)
        {
            return Result.Fail("结束时间必须晚于开始时间");
        }

        if (notice.StartsAt - notice.FiledAt < MinimumLead)
        {
            return Result.Fail(
                $"中断网络的维护须至少提前2小时报备，开始时间不能早于 {ChinaTime.Format(notice.FiledAt + MinimumLead)}");
        }

        return Result.Ok();
    }

    /// <summary>Article 12: ops may approve a notice only before the work starts (an approval at the start instant is in time).</summary>
    public static Result CheckApproval(MaintenanceNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.ApprovedAt is not null)
        {
            return Result.Fail("该维护报备已批准，无需重复审批");
        }

        return now > notice.StartsAt
            ? Result.Fail("维护已开始，不能再补批；未经批准中断网络已记为违规")
            : Result.Ok();
    }

    /// <summary>
    /// Article 12: true when, at <paramref name="now"/>, the work has started without approval or was approved
    /// only after it started (approval at the very start instant is in time).
    /// </summary>
    public static bool IsViolation(MaintenanceNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return now >= notice.StartsAt && !(notice.ApprovedAt <= notice.StartsAt);
    }

    /// <summary>Pairs of notices for the same site whose intervals overlap (touching end-to-start is not an overlap), earlier start first.</summary>
    public static IReadOnlyList<(MaintenanceNotice First, MaintenanceNotice Second)> FindOverlaps(IEnumerable<MaintenanceNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var pairs = new List<(MaintenanceNotice, MaintenanceNotice)>();
        foreach (var site in notices.GroupBy(n => n.SiteId).OrderBy(g => g.Key))
        {
            var ordered = site.OrderBy(n => n.StartsAt).ThenBy(n => n.EndsAt).ThenBy(n => n.Id).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count && ordered[j].StartsAt < ordered[i].EndsAt; j++)
                {
                    pairs.Add((ordered[i], ordered[j]));
                }
            }
        }

        return pairs;
    }
}
