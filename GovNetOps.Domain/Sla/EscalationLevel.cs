namespace GovNetOps.Domain.Sla;

/// <summary>Rungs of the escalation ladder (Article 12; PRODUCT.md interpretation 8).</summary>
public enum EscalationLevel
{
    /// <summary>提醒: by default at 50 % of a clock, remind the carrier.</summary>
    Reminder = 1,

    /// <summary>预警: by default at 80 %, warn the ops duty officer and the carrier's manager.</summary>
    Warning = 2,

    /// <summary>超时: at 100 % the clock is breached; notify bureau leadership.</summary>
    Breach = 3,

    /// <summary>再通知: every <see cref="EscalationPolicy.RenotifyEvery"/> while overdue.</summary>
    Renotify = 4,
}
