using GovNetOps.Domain.Sla;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class SlaPolicyFingerprintFacts
{
    [Fact]
    public void Cells_IsCanonicalText_ForTheRegulation()
    {
        var regulation = new SlaPolicy { EffectiveFrom = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) };

        Assert.Equal(
            "Response=01:00:00;RepairCountyDirect=02:00:00;RepairTownship=06:00:00;RepairCoreRoom=04:00:00;Complex=2.00:00:00;" +
            "EffectiveFrom=2023-12-31T16:00:00.0000000+00:00",
            SlaPolicyFingerprint.Of(regulation).Cells);
        Assert.Equal(1, SlaPolicyFingerprint.Of(regulation).Version);
    }

    [Fact]
    public void Parse_RoundTripsCells()
    {
        var policy = new SlaPolicy { Version = 3, EffectiveFrom = T0, RepairTownship = H(5.5) };
        var text = SlaPolicyFingerprint.Of(policy).Cells;

        var parsed = SlaPolicyFingerprint.Parse(3, text);

        Assert.Equal(text, parsed.Cells);
        Assert.Empty(parsed.ChangesTo(SlaPolicyFingerprint.Of(policy)));
    }

    [Fact]
    public void Parse_Throws_WhenAPairHasNoEqualsSign() =>
        Assert.Throws<FormatException>(() => SlaPolicyFingerprint.Parse(1, "Response=01:00:00;RepairTownship"));

    // One edited cell per row: the change names the cell with both canonical values.
    [Theory]
    [InlineData(nameof(SlaPolicy.Response), "01:00:00", "01:30:00")]
    [InlineData(nameof(SlaPolicy.RepairCountyDirect), "02:00:00", "03:00:00")]
    [InlineData(nameof(SlaPolicy.RepairTownship), "06:00:00", "08:00:00")]
    [InlineData(nameof(SlaPolicy.RepairCoreRoom), "04:00:00", "00:45:00")]
    [InlineData(nameof(SlaPolicy.Complex), "2.00:00:00", "3.00:00:00")]
    public void ChangesTo_NamesTheCell_WhenOneDurationChanged(string cell, string used, string configured)
    {
        var edited = new SlaPolicy();
        typeof(SlaPolicy).GetProperty(cell)!.SetValue(edited, TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture));

        var change = Assert.Single(SlaPolicyFingerprint.Of(SlaPolicy.Regulation).ChangesTo(SlaPolicyFingerprint.Of(edited)));

        Assert.Equal(new SlaCellChange(1, cell, used, configured), change);
    }

    [Fact]
    public void ChangesTo_NamesEffectiveFrom_WhenTheInstantMoved()
    {
        var used = new SlaPolicy { EffectiveFrom = T0 };
        var moved = new SlaPolicy { EffectiveFrom = T0 + H(1) };

        var change = Assert.Single(SlaPolicyFingerprint.Of(used).ChangesTo(SlaPolicyFingerprint.Of(moved)));

        Assert.Equal((nameof(SlaPolicy.EffectiveFrom), "2026-03-02T01:00:00.0000000+00:00", "2026-03-02T02:00:00.0000000+00:00"),
            (change.Cell, change.Used, change.Configured));
    }

    [Fact]
    public void ChangesTo_IsEmpty_WhenTheSameInstantIsWrittenWithAnotherOffset()
    {
        var utc = new SlaPolicy { EffectiveFrom = T0 };
        var china = new SlaPolicy { EffectiveFrom = T0.ToOffset(TimeSpan.FromHours(8)) };

        Assert.Empty(SlaPolicyFingerprint.Of(utc).ChangesTo(SlaPolicyFingerprint.Of(china)));
    }

    [Fact]
    public void ChangesTo_ListsEveryChangedCell_InCellOrder()
    {
        var edited = new SlaPolicy { Complex = H(72), Response = H(2) };

        var changes = SlaPolicyFingerprint.Of(SlaPolicy.Regulation).ChangesTo(SlaPolicyFingerprint.Of(edited));

        Assert.Equal([nameof(SlaPolicy.Response), nameof(SlaPolicy.Complex)], changes.Select(c => c.Cell));
    }

    // A cell added to the matrix after the fingerprint was kept was never used, so it cannot have been edited.
    [Fact]
    public void ChangesTo_IgnoresCells_ThatTheKeptFingerprintLacks()
    {
        var kept = SlaPolicyFingerprint.Parse(1, "Response=01:00:00;RepairTownship=06:00:00");

        Assert.Empty(kept.ChangesTo(SlaPolicyFingerprint.Of(SlaPolicy.Regulation)));
    }

    [Fact]
    public void Message_NamesVersionCellAndBothValues()
    {
        var change = new SlaCellChange(1, nameof(SlaPolicy.RepairTownship), "06:00:00", "08:00:00");

        Assert.Equal(
            "Sla policy version 1 was used with RepairTownship = 06:00:00 but is now configured as 08:00:00: " +
            "give the changed matrix a new Sla:Version and keep the old one under Sla:PreviousVersions",
            change.Message);
    }
}
