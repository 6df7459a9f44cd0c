using System.Globalization;

namespace GovNetOps.Web.Components;

/// <summary>Human durations for clocks: "1 小时 05 分", "2 天 3 小时", "45 秒".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        span = span.Duration();
        if (span.TotalDays >= 1)
            return en ? $"{(int)span.TotalDays} d {span.Hours} h" : $"{(int)span.TotalDays} 天 {span.Hours} 小时";
        if (span.TotalHours >= 1)
            return en ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{(int)span.TotalHours} 小时 {span.Minutes:00} 分";
        if (span.TotalMinutes >= 1)
            return en ? $"{span.Minutes} min" : $"{span.Minutes} 分钟";
        return en ? $"{span.Seconds} s" : $"{span.Seconds} 秒";
    }
}
