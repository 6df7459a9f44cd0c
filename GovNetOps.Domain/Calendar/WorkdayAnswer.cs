namespace GovNetOps.Domain.Calendar;

/// <summary>Whether a China civil date is a working day (Articles 6, 13, 15; PRODUCT.md interpretation 9).</summary>
public enum WorkdayAnswer
{
    /// <summary>A working day: Monday–Friday not declared off, or a make-up working day (调休上班).</summary>
    Working = 1,

    /// <summary>A rest day: a weekend not declared a make-up day, or a public holiday.</summary>
    NonWorking = 2,

    /// <summary>No State Council notice is loaded for that year: the answer is not known.</summary>
    Unknown = 3,
}
