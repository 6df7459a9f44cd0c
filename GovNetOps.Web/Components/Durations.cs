using System.Globalization;
using GovNetOps.Web.Resources;

namespace GovNetOps.Web.Components;

/// <summary>Human durations for clocks: "1 小时 05 分", "2 天 3 小时", "45 秒" (Resources/Text.resx, per UI culture).</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalDays >= 1)
        {
            return string.Format(CultureInfo.CurrentCulture, Text.DurationDays, (int)span.TotalDays, span.Hours);
        }

        if (span.TotalHours >= 1)
        {
            return string.Format(CultureInfo.CurrentCulture, Text.DurationHours, (int)span.TotalHours, span.Minutes);
        }

        if (span.TotalMinutes >= 1)
        {
            return string.Format(CultureInfo.CurrentCulture, Text.DurationMinutes, span.Minutes);
        }

        return string.Format(CultureInfo.CurrentCulture, Text.DurationSeconds, span.Seconds);
    }
}
