using GovNetOps.Domain.Common;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Common;

public class ChinaTimeFacts
{
    [Theory] // interpretation 9: stored in UTC, shown in CST (UTC+8, no DST)
    [InlineData("2026-03-01T16:00:00Z", "2026-03-02", "2026-03-02 00:00")] // UTC evening is the next China day
    [InlineData("2026-03-01T15:59:59Z", "2026-03-01", "2026-03-01 23:59")]
    public void DateOfAndFormat_UseChinaStandardTime(string utc, string date, string shown)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.DateOf(instant));
        Assert.Equal(shown, ChinaTime.Format(instant));
    }

    [Fact]
    public void Conversions_RoundTrip()
    {
        Assert.Equal(H(8), ChinaTime.Offset);
        Assert.Equal(H(8), ChinaTime.ToChina(T0).Offset);
        Assert.Equal(T0, ChinaTime.ToUtc(ChinaTime.ToChina(T0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartOfDayUtc(new DateOnly(2026, 3, 2)));
        Assert.Equal(T0, ChinaTime.At(new DateOnly(2026, 3, 2), new TimeOnly(9, 0)));
        Assert.Equal(TimeSpan.Zero, ChinaTime.At(new DateOnly(2026, 3, 2), new TimeOnly(9, 0)).Offset);
    }
}
