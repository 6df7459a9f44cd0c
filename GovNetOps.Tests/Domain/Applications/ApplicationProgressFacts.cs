using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;

namespace GovNetOps.Tests.Domain.Applications;

public class ApplicationProgressFacts
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();
    private static readonly DateTimeOffset Received = ChinaTime.At(new DateOnly(2026, 11, 2), new TimeOnly(10, 0));

    private static ApplicationProgress NewApplication() => ApplicationProgress.Receive(Received, Received).Value!;

    [Fact]
    public void Receive_IsRefused_WhenInTheFuture()
    {
        var result = ApplicationProgress.Receive(Received.AddMinutes(1), Received);

        Assert.Equal("受理时间不能晚于当前时间", result.Error);
    }

    [Fact]
    public void Complete_IsRefused_WhenNotApproved()
    {
        var result = NewApplication().Complete(Received.AddHours(1));

        Assert.False(result.IsSuccess);
        Assert.Equal("申请尚未审核通过，不能实施完成", result.Error);
    }

    [Fact]
    public void Approve_StartsImplementationClock_AndStopsReview()
    {
        var approved = NewApplication().Approve(Received.AddDays(1)).Value!;

        Assert.Equal(ApplicationState.Implementing, approved.State);
        Assert.Equal(ApplicationClockState.Stopped, approved.ReviewClock(Cn).State);
        Assert.Equal(ApplicationClockState.Running, approved.ImplementationClock(Cn).State);
        Assert.Equal("该申请已审核通过，不能重复审核", approved.Approve(Received.AddDays(2)).Error);
        Assert.Equal("该申请已审核通过，不能再审核不通过", approved.Reject(Received.AddDays(2), "重复").Error);
    }

    [Fact]
    public void Reject_NeedsAReason_AndEndsTheApplication()
    {
        var app = NewApplication();

        Assert.Equal("请填写不通过理由（将告知使用单位）", app.Reject(Received.AddHours(1), "  ").Error);
        var rejected = app.Reject(Received.AddHours(1), "用途不属于政务业务").Value!;
        Assert.False(rejected.IsOpen);
        Assert.Equal(ApplicationClockState.NotStarted, rejected.ImplementationClock(Cn).State);
        Assert.Equal("申请审核未通过，不能实施完成", rejected.Complete(Received.AddHours(2)).Error);
    }

    [Fact]
    public void Pause_ThenResume_ThenComplete_WhenUnitNotReady()
    {
        var approved = NewApplication().Approve(Received).Value!;

        Assert.Equal("请填写暂停原因（使用单位不具备接入条件的具体情况）", approved.Pause(Received.AddDays(1), "", Cn).Error);
        var paused = approved.Pause(Received.AddDays(3), "机房未装修完毕", Cn).Value!;
        Assert.Equal(ApplicationState.Paused, paused.State);
        Assert.Empty(paused.ReminderSteps(Cn));
        Assert.Equal("实施时限已暂停（使用单位不具备接入条件），请先恢复再实施完成", paused.Complete(Received.AddDays(4)).Error);
        Assert.Equal("实施时限已暂停，请先恢复", paused.Pause(Received.AddDays(4), "再次", Cn).Error);

        var resumed = paused.Resume(Received.AddDays(8)).Value!;
        Assert.Equal(ApplicationState.Implementing, resumed.State);
        Assert.Equal(new DateOnly(2026, 11, 17), resumed.ImplementationClock(Cn).Due);
        Assert.Equal("实施时限未暂停，无需恢复", resumed.Resume(Received.AddDays(9)).Error);
        Assert.Equal(ApplicationState.Completed, resumed.Complete(Received.AddDays(9)).Value!.State);
    }

    [Fact]
    public void Pause_IsRefused_WhenTheDeadlineHasPassed()
    {
        var approved = NewApplication().Approve(Received).Value!; // due 2026-11-11, 24:00 China time

        var result = approved.Pause(ChinaTime.StartOfDayUtc(new DateOnly(2026, 11, 12)), "单位未准备好", Cn);

        Assert.Equal("实施时限已过，不能再暂停；超期已记录", result.Error);
    }
}
