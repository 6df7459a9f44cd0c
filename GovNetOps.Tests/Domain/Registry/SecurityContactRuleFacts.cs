using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Registry;

namespace GovNetOps.Tests.Domain.Registry;

public class SecurityContactRuleFacts
{
    private static readonly WorkingCalendar Cn = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-02", "2026-03-03", false)] // Monday → Tuesday
    [InlineData("2026-03-06", "2026-03-09", false)] // Friday → Monday (weekend not counted)
    [InlineData("2026-09-30", "2026-10-08", false)] // across 国庆 (10-01..10-07 off)
    [InlineData("2026-10-09", "2026-10-10", false)] // Friday → the make-up Saturday 10-10 (调休) counts
    [InlineData("2026-02-13", "2026-02-14", false)] // Friday → the make-up Saturday 02-14 before 春节
    [InlineData("2026-12-31", "2027-01-04", true)]  // 元旦 2027 off even unentered; the rest of 2027 is provisional
    public void DueAfter_CountsOneWorkingDay_WithHolidaysAndMakeUpDays(string stopped, string due, bool provisional)
    {
        var result = SecurityContactRule.DueAfter(Cn, D(stopped));

        Assert.Equal((D(due), provisional), (result.DueDate, result.IsProvisional));
        Assert.Equal(new DateTimeOffset(D(due).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), result.DueAt); // 24:00 China time
    }

    [Fact]
    public void IsOverdue_FromTheEndOfTheDueDay()
    {
        var due = SecurityContactRule.DueAfter(Cn, D("2026-10-09"));

        Assert.False(due.IsOverdue(null, due.DueAt.AddTicks(-1)));
        Assert.True(due.IsOverdue(null, due.DueAt));
        Assert.False(due.IsOverdue(due.DueAt.AddMinutes(-1), due.DueAt.AddDays(3))); // registered in time: never overdue
        Assert.True(due.IsOverdue(due.DueAt, due.DueAt)); // registered at the end instant: late
    }

    [Theory]
    [InlineData("", "13803770001", "安全联系人姓名")]
    [InlineData("王敏", "12345", "安全联系人电话")]
    public void Check_Refuses_NamingTheField(string name, string mobile, string field) =>
        Assert.StartsWith(field, SecurityContactRule.Check(name, mobile).Error);
}
