namespace GovNetOps.Domain.Applications;

/// <summary>How a working-day clock stands at an instant.</summary>
public enum ApplicationClockState
{
    /// <summary>Not started yet (the implementation clock before approval).</summary>
    NotStarted = 0,

    /// <summary>Counting towards its deadline.</summary>
    Running = 1,

    /// <summary>Stopped while the unit is not ready; the deadline moves when it resumes.</summary>
    Paused = 2,

    /// <summary>Met: the review was decided or the work completed; <see cref="WorkingDayClock.StoppedAt"/> tells when.</summary>
    Stopped = 3,
}
