namespace GovNetOps.Domain.Calendar;

/// <summary>
/// One line of a State Council holiday notice: a date that differs from Monday–Friday.
/// </summary>
/// <param name="Date">The China civil date.</param>
/// <param name="Off">True: a day off (a holiday on a weekday, or a weekend day inside a holiday block);
/// false: a make-up working day (调休上班) on a weekend.</param>
/// <param name="Name">The holiday the line belongs to (元旦, 春节, …).</param>
public sealed record CalendarDay(DateOnly Date, bool Off, string Name);
