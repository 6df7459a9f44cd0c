using GovNetOps.Domain.Sla;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class SlaPolicyBookFacts
{
    private static readonly SlaPolicy V1 = SlaPolicy.Regulation;
    private static readonly SlaPolicy V2 = new() { Version = 2, EffectiveFrom = T0, RepairTownship = H(5) };

    [Fact]
    public void ForVersion_ReturnsTheVersionATicketWasReportedUnder()
    {
        var book = new SlaPolicyBook([V2, V1]);

        Assert.Same(V1, book.ForVersion(1));
        Assert.Same(V2, book.ForVersion(2));
        Assert.Equal([1, 2], book.Versions.Select(v => v.Version));
        Assert.True(book.TryGetVersion(2, out var found));
        Assert.Same(V2, found);
        Assert.False(book.TryGetVersion(3, out _));
    }

    [Fact]
    public void ForVersion_Throws_WhenVersionUnknown() =>
        Assert.Throws<KeyNotFoundException>(() => SlaPolicyBook.Single(V1).ForVersion(9));

    [Theory]
    [InlineData(-1, 1)] // before version 2 is effective: version 1
    [InlineData(0, 2)]  // exactly at EffectiveFrom: the new version
    [InlineData(5, 2)]  // after
    public void CurrentAt_PicksLatestEffectiveVersion(int hoursFromT0, int expected) =>
        Assert.Equal(expected, new SlaPolicyBook([V1, V2]).CurrentAt(T0 + H(hoursFromT0)).Version);

    [Fact]
    public void CurrentAt_FallsBackToEarliest_WhenNoneEffectiveYet() =>
        Assert.Equal(2, SlaPolicyBook.Single(V2).CurrentAt(T0 - H(1)).Version);

    [Fact]
    public void Constructor_Throws_WhenVersionDuplicatedOrInvalidOrEmpty()
    {
        Assert.Throws<ArgumentException>(() => new SlaPolicyBook([V1, SlaPolicy.Regulation]));
        Assert.Throws<ArgumentException>(() => new SlaPolicyBook([new SlaPolicy { Complex = TimeSpan.Zero }]));
        Assert.Throws<ArgumentException>(() => new SlaPolicyBook([]));
    }
}
