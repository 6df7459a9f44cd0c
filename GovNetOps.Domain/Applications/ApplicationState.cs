namespace GovNetOps.Domain.Applications;

/// <summary>Where an access or change application stands (Articles 13, 15):
/// received → approved (implementing) or rejected; implementing ↔ paused; implementing → completed.</summary>
public enum ApplicationState
{
    /// <summary>已受理: recorded from the unit's paper form; the 3-working-day review clock runs.</summary>
    Received = 1,

    /// <summary>实施中: approved; the carrier's 7-working-day implementation clock runs.</summary>
    Implementing = 2,

    /// <summary>已暂停: the unit is not ready to be connected (使用单位不具备接入条件); the implementation clock stands.</summary>
    Paused = 3,

    /// <summary>已完成: the carrier connected, changed or removed the line; the registry has been updated.</summary>
    Completed = 4,

    /// <summary>未通过: rejected at review, with the reason told to the unit.</summary>
    Rejected = 5,
}
