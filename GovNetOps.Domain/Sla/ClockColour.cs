namespace GovNetOps.Domain.Sla;

/// <summary>How a clock, or a ticket's row, is coloured at an instant (PRODUCT.md interpretations 5, 6 and 8).</summary>
/// <remarks>The member names are also the <c>data-state</c> values of the board's rows (CSS and board.js).</remarks>
public enum ClockColour
{
    /// <summary>正常: running and below the Warning rung of the escalation ladder.</summary>
    OnTrack = 1,

    /// <summary>预警: running, at or past the Warning rung (default 80 % of the allowance), not past the deadline.</summary>
    Warning = 2,

    /// <summary>超时: past its deadline without the stop event; permanent (interpretation 6).</summary>
    Breached = 3,

    /// <summary>挂起: the repair clock is suspended (interpretation 5) and not breached.</summary>
    Paused = 4,

    /// <summary>Stopped in time (met) or by cancellation: no verdict is pending.</summary>
    Stopped = 5,
}
