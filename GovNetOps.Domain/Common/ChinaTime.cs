using System.Globalization;

namespace GovNetOps.Domain.Common;

/// <summary>
/// China Standard Time (Asia/Shanghai, UTC+8), PRODUCT.md interpretation 9: stored in UTC, shown in CST.
/// </summary>
/// <remarks>China has observed no daylight saving time since 1991, so a fixed +08:00 offset is exact
/// for every instant this product handles and needs no time-zone database.</remarks>
public static class ChinaTime
{
    /// <summary>The fixed CST offset, +08:00.</summary>
    public static TimeSpan Offset { get; } = TimeSpan.FromHours(8);

    /// <summary>The same instant expressed with the +08:00 offset.</summary>
    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The same instant expressed in UTC.</summary>
    public static DateTimeOffset ToUtc(DateTimeOffset instant) => instant.ToUniversalTime();

    /// <summary>The China civil date on which <paramref name="instant"/> falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>"yyyy-MM-dd HH:mm" in CST.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The UTC instant at which the China civil date <paramref name="date"/> begins (00:00 CST).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The UTC instant of China wall-clock time <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();
}
