using System.ComponentModel.DataAnnotations;
using GovNetOps.Domain.Calendar;

namespace GovNetOps.Web.Features.Calendar;

/// <summary>Section "Calendar".</summary>
public sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>How many days before 1 January the admin home asks for next year's notice (31: from 1 December).</summary>
    [Range(0, 366)]
    public int RemindDaysAhead { get; set; } = CalendarNoticeReminder.DefaultDaysAhead;
}
