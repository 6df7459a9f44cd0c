namespace GovNetOps.Domain.Calendar;

/// <summary>The result of counting working days (Articles 6, 13, 15).</summary>
/// <param name="Due">The due date (China civil date).</param>
/// <param name="IsProvisional">True when the count crossed a year with no holiday notice loaded; such days were
/// counted Monday–Friday and the deadline must be shown as provisional until the notice is added.</param>
public sealed record WorkingDayDeadline(DateOnly Due, bool IsProvisional);
