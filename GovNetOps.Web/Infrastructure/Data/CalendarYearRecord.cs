namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>One year's State Council holiday notice as entered (seeded from the Domain's embedded data on first
/// start, then edited by an admin). A year with no row is not entered: its working days are unknown.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    /// <summary>The notice's number and title.</summary>
    public string Notice { get; set; } = "";

    /// <summary>When the notice was last entered or edited (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<CalendarDayRecord> Days { get; set; } = [];
}

/// <summary>One line of a notice: a date that differs from Monday–Friday.</summary>
public sealed class CalendarDayRecord
{
    public int Id { get; set; }

    public int Year { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>True: a day off; false: a make-up working day (调休上班).</summary>
    public bool Off { get; set; }

    public string Name { get; set; } = "";
}
