namespace GovNetOps.Domain.Maintenance;

/// <summary>
/// A breach of Article 12's maintenance rules, entered permanently on the carrier's record and counted per
/// carrier per month in the reports.
/// </summary>
public enum CarrierViolationKind
{
    /// <summary>未按时报备: filed less than 2 h before the planned start.</summary>
    LateNotice = 1,

    /// <summary>未经批准实施: work started before the notice was approved.</summary>
    StartedWithoutApproval = 2,

    /// <summary>提前实施: work started before the approved start.</summary>
    StartedEarly = 3,

    /// <summary>超时作业: work still running after the planned end.</summary>
    Overrun = 4,

    /// <summary>未报备中断: an interruption caused by carrier work with no approved notice.</summary>
    UnannouncedInterruption = 5,
}
