using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Maintenance;

public class MaintenanceRulesFacts
{
    private static readonly TimeSpan Max = MaintenanceRules.DefaultMaximumWindow;

    private static MaintenanceFiling Filing(TimeSpan lead, TimeSpan? length = null, string? lateReason = null, string? longReason = null) =>
        new(1, "核心交换机割接", T0 + lead, T0 + lead + (length ?? H(1)), lateReason, longReason);

    private static MaintenanceNotice Notice(DateTimeOffset start, DateTimeOffset end, MaintenanceStatus status = MaintenanceStatus.Approved,
        DateTimeOffset? startedAt = null, DateTimeOffset? finishedAt = null, long id = 1, params int[] sites) =>
        new(id, CarrierId, sites.Length == 0 ? [1] : sites, start, end, status, startedAt, finishedAt);

    [Fact]
    public void CheckFiling_AcceptsOnTime_WhenFiledExactlyTwoHoursAhead()
    {
        var result = MaintenanceRules.CheckFiling(Filing(H(2)), T0, Max);

        Assert.True(result.IsSuccess, result.Error);
        Assert.False(result.Value!.IsLate); // Article 12: "至少提前2小时" — exactly 2 h is enough
    }

    [Fact]
    public void CheckFiling_AcceptsAsLateNotice_WhenOneSecondShortOfTwoHoursWithAReason()
    {
        var lead = H(2) - TimeSpan.FromSeconds(1);

        var refused = MaintenanceRules.CheckFiling(Filing(lead), T0, Max);
        var accepted = MaintenanceRules.CheckFiling(Filing(lead, lateReason: "光缆被施工挖断，需紧急割接"), T0, Max);

        // Without a reason the carrier is told why and what an on-time start would be (China time).
        Assert.Equal("距计划开始不足2小时，须填写未按时报备的原因（将记为未按时报备违规）；按时报备的开始时间不早于 2026-03-02 11:00", refused.Error);
        Assert.True(accepted.IsSuccess, accepted.Error);
        Assert.True(accepted.Value!.IsLate);
    }

    [Theory]
    [InlineData(0, true)]     // starting right now: late, but not in the past
    [InlineData(-1, false)]   // one minute ago: refused
    public void CheckFiling_RefusesAStartInThePast(int leadMinutes, bool ok)
    {
        var result = MaintenanceRules.CheckFiling(Filing(M(leadMinutes), lateReason: "紧急抢修"), T0, Max);

        Assert.Equal(ok, result.IsSuccess);
        if (!ok)
        {
            Assert.Equal("计划开始时间不能早于现在（2026-03-02 09:00）", result.Error);
        }
    }

    [Fact]
    public void CheckFiling_RefusesBadInput_NamingTheField()
    {
        Assert.Equal("请选择受影响的站点（至少一个）", MaintenanceRules.CheckFiling(Filing(H(3)) with { SiteCount = 0 }, T0, Max).Error);
        Assert.Equal("请填写工作内容", MaintenanceRules.CheckFiling(Filing(H(3)) with { Work = " " }, T0, Max).Error);
        Assert.Equal("计划结束时间必须晚于计划开始时间", MaintenanceRules.CheckFiling(Filing(H(3), length: TimeSpan.Zero), T0, Max).Error);
    }

    [Theory]
    [InlineData(24, null, true, false)]          // exactly the maximum: no reason needed
    [InlineData(25, null, false, false)]         // longer: needs a reason
    [InlineData(25, "整局设备搬迁", true, true)]
    public void CheckFiling_NeedsAReason_WhenTheWindowIsLongerThanTheMaximum(int hours, string? reason, bool ok, bool isLong)
    {
        var result = MaintenanceRules.CheckFiling(Filing(H(3), H(hours), longReason: reason), T0, Max);

        Assert.Equal(ok, result.IsSuccess);
        if (ok)
        {
            Assert.Equal(isLong, result.Value!.IsLong);
        }
        else
        {
            Assert.Equal("作业窗口超过 24 小时，须填写超长窗口的原因", result.Error);
        }
    }

    [Fact]
    public void CheckFiling_CountsClockTime_WhenTheWindowCrossesMidnight()
    {
        // 23:00 → 02:00 China time: 3 h, whatever the date change.
        var start = ChinaTime.At(new DateOnly(2026, 3, 2), new TimeOnly(23, 0));
        var filing = new MaintenanceFiling(1, "汇聚层割接", start, ChinaTime.At(new DateOnly(2026, 3, 3), new TimeOnly(2, 0)));

        var result = MaintenanceRules.CheckFiling(filing, start - H(2), TimeSpan.FromHours(3));

        Assert.True(result.IsSuccess, result.Error);
        Assert.False(result.Value!.IsLate);
        Assert.False(result.Value!.IsLong);
    }

    [Fact]
    public void CheckFiling_CountsClockTime_WhenTheWindowAndTheLeadCrossAHoliday()
    {
        // National Day 2026: filed on 30 September 22:00, work 1 October 00:00 – 2 October 00:00 China time. Lead time
        // and window are hours on the clock — the holiday neither stretches the lead nor shortens the 24 h window.
        var filedAt = ChinaTime.At(new DateOnly(2026, 9, 30), new TimeOnly(22, 0));
        var start = ChinaTime.At(new DateOnly(2026, 10, 1), TimeOnly.MinValue);
        var filing = new MaintenanceFiling(2, "国庆期间核心机房设备替换", start, start + H(24));

        var onTime = MaintenanceRules.CheckFiling(filing, filedAt, Max);
        var late = MaintenanceRules.CheckFiling(filing, filedAt + TimeSpan.FromSeconds(1), Max);

        Assert.True(onTime.IsSuccess, onTime.Error);
        Assert.False(onTime.Value!.IsLate);
        Assert.False(onTime.Value!.IsLong);
        Assert.False(late.IsSuccess); // 1 s short of 2 h across the holiday's midnight: late notice
    }

    [Theory]
    [InlineData(MaintenanceStatus.Pending, 0, CarrierViolationKind.StartedWithoutApproval)]
    [InlineData(MaintenanceStatus.Pending, 60, CarrierViolationKind.StartedWithoutApproval)]
    [InlineData(MaintenanceStatus.Approved, -1, CarrierViolationKind.StartedEarly)] // one minute before the approved start
    [InlineData(MaintenanceStatus.Approved, 0, null)]                                 // at the approved start: in time
    [InlineData(MaintenanceStatus.Approved, 10, null)]
    public void StartViolation_NamesTheBreach(MaintenanceStatus status, int minutesAfterStart, CarrierViolationKind? expected)
    {
        var start = T0 + H(3);

        Assert.Equal(expected, MaintenanceRules.StartViolation(status, start, start + M(minutesAfterStart)));
    }

    [Fact]
    public void CheckDecision_RefusesARejectionWithoutReason_AndADecidedNotice()
    {
        Assert.True(MaintenanceRules.CheckDecision(MaintenanceStatus.Pending, approve: true, null).IsSuccess);
        Assert.Equal("驳回须填写理由", MaintenanceRules.CheckDecision(MaintenanceStatus.Pending, approve: false, "").Error);
        Assert.Equal("该报备不在待审批状态，不能审批", MaintenanceRules.CheckDecision(MaintenanceStatus.Approved, approve: true, null).Error);
    }

    [Fact]
    public void CheckStartFinishEdit_FollowTheStatus()
    {
        Assert.Equal("该报备已驳回，不能实施；如需作业请重新报备", MaintenanceRules.CheckStart(MaintenanceStatus.Rejected).Error);
        Assert.True(MaintenanceRules.CheckStart(MaintenanceStatus.Pending).IsSuccess); // allowed, and recorded as a violation
        Assert.False(MaintenanceRules.CheckFinish(MaintenanceStatus.Approved).IsSuccess);
        Assert.True(MaintenanceRules.CheckFinish(MaintenanceStatus.InProgress).IsSuccess);
        Assert.True(MaintenanceRules.CheckEdit(MaintenanceStatus.Approved).IsSuccess);
        Assert.False(MaintenanceRules.CheckEdit(MaintenanceStatus.InProgress).IsSuccess);
    }

    [Fact]
    public void ApprovalReminderAt_IsThirtyMinutesBeforeTheStart()
    {
        Assert.Equal(T0 + H(2) + M(30), MaintenanceRules.ApprovalReminderAt(T0 + H(3)));
    }

    [Theory]
    [InlineData(MaintenanceStatus.InProgress, -1, false)] // a second before the planned end: in time
    [InlineData(MaintenanceStatus.InProgress, 0, true)]   // still running at the planned end: overrun
    [InlineData(MaintenanceStatus.InProgress, 1, true)]
    [InlineData(MaintenanceStatus.Completed, 60, false)]
    public void IsOverrun_OnlyForWorkStillRunningPastTheEnd(MaintenanceStatus status, int secondsAfterEnd, bool expected)
    {
        var notice = Notice(T0, T0 + H(2), status, startedAt: T0, finishedAt: status == MaintenanceStatus.Completed ? T0 + H(1) : null);

        Assert.Equal(expected, MaintenanceRules.IsOverrun(notice, T0 + H(2) + TimeSpan.FromSeconds(secondsAfterEnd)));
    }

    [Theory]
    [InlineData(MaintenanceStatus.Approved, 1, 30, true)]
    [InlineData(MaintenanceStatus.Approved, 2, 30, false)]      // another site
    [InlineData(MaintenanceStatus.Approved, 1, -1, false)]      // before the window
    [InlineData(MaintenanceStatus.Approved, 1, 120, false)]     // the end is outside [start, end)
    [InlineData(MaintenanceStatus.Pending, 1, 30, false)]       // not approved: no cover
    [InlineData(MaintenanceStatus.Rejected, 1, 30, false)]
    [InlineData(MaintenanceStatus.InProgress, 1, 150, true)]    // overrunning work still covers the site
    public void Covers_OnlyApprovedWindowsAtAffectedSites(MaintenanceStatus status, int site, int minutes, bool expected)
    {
        var notice = Notice(T0, T0 + H(2), status, startedAt: status == MaintenanceStatus.InProgress ? T0 : null, sites: [1, 3]);

        Assert.Equal(expected, MaintenanceRules.Covers(notice, site, T0 + M(minutes)));
    }

    [Fact]
    public void FindOverlaps_PairsNoticesSharingASiteAtOverlappingTimes()
    {
        var a = Notice(T0, T0 + H(2), id: 1, sites: [1, 2]);
        var b = Notice(T0 + H(1), T0 + H(3), id: 2, sites: [2]);       // shares site 2, overlaps a
        var c = Notice(T0 + H(2), T0 + H(4), id: 3, sites: [1]);       // touches a end-to-start: no overlap
        var d = Notice(T0 + H(1), T0 + H(2), id: 4, sites: [9]);       // another site

        var pairs = MaintenanceRules.FindOverlaps([d, c, b, a]);

        Assert.Equal([(1L, 2L)], pairs.Select(p => (p.First.Id, p.Second.Id)));
    }
}
