namespace GovNetOps.Domain.Applications;

/// <summary>One notice a running application clock sends at an exact instant.</summary>
/// <param name="Clock">Which clock.</param>
/// <param name="Level">Due today, or overdue.</param>
/// <param name="DueAt">The instant (UTC). A moved deadline (after a pause) is a new step.</param>
public sealed record ReminderStep(ApplicationClockKind Clock, ReminderLevel Level, DateTimeOffset DueAt);
