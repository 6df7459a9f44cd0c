using GovNetOps.Domain.Maintenance;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Maintenance;

public class MaintenanceRulesFacts
{
    private static MaintenanceNotice Notice(TimeSpan startsAfterFiling, TimeSpan? approvedAfterFiling = null, int site = 1, TimeSpan? length = null) =>
        new(Guid.NewGuid(), site, "核心交换机割接", T0, T0 + startsAfterFiling, T0 + startsAfterFiling + (length ?? H(1)),
            approvedAfterFiling is { } a ? T0 + a : null, CarrierId);

    [Theory]
    [InlineData(120, true)]   // Article 12: exactly 2 h ahead is enough
    [InlineData(119, false)]  // one minute short
    [InlineData(180, true)]
    public void CheckFiling_EnforcesTwoHourLead(int leadMinutes, bool ok)
    {
        var result = MaintenanceRules.CheckFiling(Notice(M(leadMinutes)));

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal("中断网络的维护须至少提前2小时报备，开始时间不能早于 2026-03-02 11:00", result.Error);
        }
    }

    [Fact]
    public void CheckFiling_RefusesEmptyTitleOrEndBeforeStart()
    {
        Assert.Equal(H(2), MaintenanceRules.MinimumLead);
        Assert.Equal("请填写维护内容", MaintenanceRules.CheckFiling(Notice(H(3)) with { Title = "" }).Error);
        Assert.Equal("结束时间必须晚于开始时间", MaintenanceRules.CheckFiling(Notice(H(3), length: TimeSpan.Zero)).Error);
    }

    [Theory]
    [InlineData(null, 179, false)] // not started yet: no violation
    [InlineData(null, 180, true)]  // Article 12: started without approval
    [InlineData(170, 200, false)]  // approved before the start
    [InlineData(180, 200, false)]  // approved at the start instant: in time
    [InlineData(181, 200, true)]   // approved after the start
    public void IsViolation_WhenStartedWithoutTimelyApproval(int? approvedMinutes, int nowMinutes, bool violation)
    {
        var notice = Notice(H(3), approvedMinutes is { } a ? M(a) : null);

        Assert.Equal(violation, MaintenanceRules.IsViolation(notice, T0 + M(nowMinutes)));
    }

    [Theory]
    [InlineData(null, 170, null)]                                          // Article 12: approve before start
    [InlineData(null, 181, "维护已开始，不能再补批；未经批准中断网络已记为违规")]
    [InlineData(60, 100, "该维护报备已批准，无需重复审批")]
    public void CheckApproval_OnlyBeforeStart(int? approvedMinutes, int nowMinutes, string? error) =>
        Assert.Equal(error, MaintenanceRules.CheckApproval(Notice(H(3), approvedMinutes is { } a ? M(a) : null), T0 + M(nowMinutes)).Error);

    [Fact]
    public void FindOverlaps_ReportsPairsPerSite()
    {
        var a = Notice(H(3));                      // 3 h - 4 h, site 1
        var b = Notice(H(3.5));                    // 3.5 h - 4.5 h, site 1: overlaps a
        var c = Notice(H(4.5));                    // 4.5 h - 5.5 h: touches b end-to-start, no overlap
        var d = Notice(H(3), site: 2);             // other site

        var pairs = MaintenanceRules.FindOverlaps([c, d, b, a]);

        var pair = Assert.Single(pairs);
        Assert.Equal((a.Id, b.Id), (pair.First.Id, pair.Second.Id));
        Assert.True(a.Overlaps(b));
        Assert.False(b.Overlaps(c));
        Assert.False(a.Overlaps(d));
    }
}
