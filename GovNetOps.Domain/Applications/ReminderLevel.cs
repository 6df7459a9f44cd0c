namespace GovNetOps.Domain.Applications;

/// <summary>The notices an application clock sends (through the notification channels, once each).</summary>
public enum ReminderLevel
{
    /// <summary>今日到期: at 09:00 China time on the last working day of the clock.</summary>
    DueToday = 1,

    /// <summary>已超期: at the deadline itself (the end of the last working day).</summary>
    Overdue = 2,
}
