using System.Globalization;
using PolicyText = GovNetOps.Web.Resources.Policy;

namespace GovNetOps.Web.Features.Policy;

/// <summary>How the policy page and the change log write a ladder's shares and intervals, in the UI language.</summary>
public static class PolicyFormat
{
    /// <summary>A share of a clock: 0.5 → "50%", 0.125 → "12.5%".</summary>
    public static string Percent(double fraction) => fraction.ToString("0.##%", CultureInfo.CurrentCulture);

    /// <summary>A duration in hours and minutes: "2 小时", "1 小时 30 分钟", "45 分钟".</summary>
    public static string Interval(TimeSpan value)
    {
        var hours = (int)value.TotalHours;
        return (hours, value.Minutes) switch
        {
            (_, 0) => string.Format(CultureInfo.CurrentCulture, PolicyText.Hours, hours),
            (0, var m) => string.Format(CultureInfo.CurrentCulture, PolicyText.Minutes, m),
            (var h, var m) => string.Format(CultureInfo.CurrentCulture, PolicyText.HoursMinutes, h, m),
        };
    }
}
