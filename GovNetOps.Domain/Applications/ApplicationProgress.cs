using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Applications;

/// <summary>
/// The lifecycle of an access or change application (Articles 13, 15) and its refusals: received → approved
/// (implementing) or rejected; implementing ↔ paused (the unit not ready, with a reason); implementing → completed.
/// Immutable: each accepted move returns the next progress; a refused move returns a Chinese message naming what to do.
/// </summary>
/// <param name="State">Where the application stands.</param>
/// <param name="ReceivedAt">When the management unit received the signed form (UTC); the review clock starts here.</param>
/// <param name="DecidedAt">When Ops approved or rejected it.</param>
/// <param name="CompletedAt">When the work was completed.</param>
/// <param name="Pauses">The pauses of the implementation clock, oldest first.</param>
public sealed record ApplicationProgress(
    ApplicationState State,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ApplicationPause> Pauses)
{
    /// <summary>A new application received at <paramref name="receivedAt"/>; refused in the future.</summary>
    public static Result<ApplicationProgress> Receive(DateTimeOffset receivedAt, DateTimeOffset now) =>
        receivedAt > now
            ? Result<ApplicationProgress>.Fail("受理时间不能晚于当前时间")
            : Result<ApplicationProgress>.Ok(new ApplicationProgress(ApplicationState.Received, receivedAt, null, null, []));

    /// <summary>True while the application still needs someone to act (review or implementation).</summary>
    public bool IsOpen => State is ApplicationState.Received or ApplicationState.Implementing or ApplicationState.Paused;

    /// <summary>审核通过: only a received application; the implementation clock starts.</summary>
    public Result<ApplicationProgress> Approve(DateTimeOffset now) => State switch
    {
        ApplicationState.Received => Ok(this with { State = ApplicationState.Implementing, DecidedAt = Checked(now) }),
        ApplicationState.Rejected => Fail("该申请已审核不通过，不能再审核通过；如单位重新申请，请新建申请"),
        _ => Fail("该申请已审核通过，不能重复审核"),
    };

    /// <summary>审核不通过: only a received application, with the reason to tell the unit.</summary>
    public Result<ApplicationProgress> Reject(DateTimeOffset now, string reason)
    {
        if (State != ApplicationState.Received)
        {
            return Fail(State == ApplicationState.Rejected ? "该申请已审核不通过" : "该申请已审核通过，不能再审核不通过");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? Fail("请填写不通过理由（将告知使用单位）")
            : Ok(this with { State = ApplicationState.Rejected, DecidedAt = Checked(now) });
    }

    /// <summary>暂停 (使用单位不具备接入条件): only while implementing, with a reason, and not once the deadline has passed
    /// (a breach is a fact a later pause cannot undo).</summary>
    public Result<ApplicationProgress> Pause(DateTimeOffset now, string reason, WorkingCalendar calendar)
    {
        if (State != ApplicationState.Implementing)
        {
            return Fail(State == ApplicationState.Paused ? "实施时限已暂停，请先恢复" : "只有审核通过、实施中的申请才能暂停实施时限");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Fail("请填写暂停原因（使用单位不具备接入条件的具体情况）");
        }

        if (ImplementationClock(calendar).IsOverdueAt(now))
        {
            return Fail("实施时限已过，不能再暂停；超期已记录");
        }

        return Ok(this with { State = ApplicationState.Paused, Pauses = [.. Pauses, new ApplicationPause(Checked(now), null, reason.Trim())] });
    }

    /// <summary>恢复: only a paused application; the remaining working days count from the day after.</summary>
    public Result<ApplicationProgress> Resume(DateTimeOffset now)
    {
        if (State != ApplicationState.Paused)
        {
            return Fail("实施时限未暂停，无需恢复");
        }

        var last = Pauses[^1];
        if (now < last.From)
        {
            return Fail("恢复时间不能早于暂停时间");
        }

        return Ok(this with { State = ApplicationState.Implementing, Pauses = [.. Pauses.Take(Pauses.Count - 1), last with { To = now }] });
    }

    /// <summary>实施完成: only while implementing (not before approval, not while paused).</summary>
    public Result<ApplicationProgress> Complete(DateTimeOffset now) => State switch
    {
        ApplicationState.Implementing => Ok(this with { State = ApplicationState.Completed, CompletedAt = Checked(now) }),
        ApplicationState.Received => Fail("申请尚未审核通过，不能实施完成"),
        ApplicationState.Paused => Fail("实施时限已暂停（使用单位不具备接入条件），请先恢复再实施完成"),
        ApplicationState.Rejected => Fail("申请审核未通过，不能实施完成"),
        _ => Fail("申请已实施完成"),
    };

    /// <summary>The review clock now.</summary>
    public WorkingDayClock ReviewClock(WorkingCalendar calendar) => ApplicationClocks.Review(calendar, ReceivedAt, DecidedAt);

    /// <summary>The implementation clock now (not started unless approved).</summary>
    public WorkingDayClock ImplementationClock(WorkingCalendar calendar) =>
        ApplicationClocks.Implementation(calendar, State == ApplicationState.Rejected ? null : DecidedAt, Pauses, CompletedAt);

    /// <summary>The notices still to send: the review clock's while received, the implementation clock's while implementing.</summary>
    public IReadOnlyList<ReminderStep> ReminderSteps(WorkingCalendar calendar) => State switch
    {
        ApplicationState.Received => ApplicationClocks.Steps(ReviewClock(calendar), ReceivedAt),
        ApplicationState.Implementing => ApplicationClocks.Steps(ImplementationClock(calendar), Pauses.Count > 0 ? Pauses[^1].To!.Value : DecidedAt!.Value),
        _ => [],
    };

    private DateTimeOffset Checked(DateTimeOffset now) =>
        now < ReceivedAt ? throw new InvalidOperationException("An application cannot move before it was received.") : now;

    private static Result<ApplicationProgress> Ok(ApplicationProgress next) => Result<ApplicationProgress>.Ok(next);

    private static Result<ApplicationProgress> Fail(string message) => Result<ApplicationProgress>.Fail(message);
}
