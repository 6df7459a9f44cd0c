using GovNetOps.Domain.Sla;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Sla;

public class SlaPolicyFacts
{
    [Theory]
    [InlineData(nameof(SlaPolicy.Response), 1)]            // Article 12: respond within 1 h
    [InlineData(nameof(SlaPolicy.RepairCountyDirect), 2)]  // Article 12: county-direct units 2 h
    [InlineData(nameof(SlaPolicy.RepairTownship), 6)]      // Article 12: townships 6 h
    [InlineData(nameof(SlaPolicy.RepairCoreRoom), 4)]      // Article 12: core machine room 4 h
    [InlineData(nameof(SlaPolicy.Complex), 48)]            // Article 12: complex faults 48 h
    public void Regulation_HasArticle12Value_ForEveryCell(string cell, int hours)
    {
        var value = (TimeSpan)typeof(SlaPolicy).GetProperty(cell)!.GetValue(SlaPolicy.Regulation)!;
        Assert.Equal(H(hours), value);
    }

    [Theory]
    [InlineData(LocationClass.CountyDirect, 2)] // Article 12 / interpretation 3
    [InlineData(LocationClass.Township, 6)]     // Article 12 / interpretation 3
    [InlineData(LocationClass.CoreRoom, 4)]     // Article 12 / interpretation 3
    public void RepairFor_ReturnsClassLimit_ForEachLocationClass(LocationClass locationClass, int hours)
    {
        Assert.Equal(H(hours), SlaPolicy.Regulation.RepairFor(locationClass));
        Assert.Equal(H(hours), SlaPolicy.Regulation.RepairAllowance(locationClass, complexApproved: false));
        Assert.Equal(H(48), SlaPolicy.Regulation.RepairAllowance(locationClass, complexApproved: true)); // interpretation 4
    }

    [Fact]
    public void RepairFor_Throws_WhenClassUndefined() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaPolicy.Regulation.RepairFor((LocationClass)99));

    [Fact]
    public void Regulation_IsVersionOne_AndValid()
    {
        Assert.Equal(1, SlaPolicy.Regulation.Version);
        Assert.Empty(SlaPolicy.Regulation.Validate());
        Assert.Equal("Sla", SlaPolicy.SectionName);
    }

    [Theory]
    [InlineData(nameof(SlaPolicy.Response), 0)]             // start-up validation: every cell positive
    [InlineData(nameof(SlaPolicy.RepairCountyDirect), -1)]
    [InlineData(nameof(SlaPolicy.RepairTownship), 0)]
    [InlineData(nameof(SlaPolicy.RepairCoreRoom), 0)]
    [InlineData(nameof(SlaPolicy.Complex), -48)]
    public void Validate_NamesTheCell_WhenCellNotPositive(string cell, int hours)
    {
        var policy = new SlaPolicy();
        typeof(SlaPolicy).GetProperty(cell)!.SetValue(policy, H(hours));

        var error = Assert.Single(policy.Validate());

        Assert.Equal($"Sla:{cell} must be a positive duration (was {H(hours)})", error);
    }

    [Fact]
    public void Validate_ReportsEveryBadCell_WhenSeveralAreWrong()
    {
        var policy = new SlaPolicy { Version = 0, RepairTownship = TimeSpan.Zero, Response = TimeSpan.Zero };

        var errors = policy.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains("Sla:Version must be at least 1 (was 0)", errors);
        Assert.Contains("Sla:RepairTownship must be a positive duration (was 00:00:00)", errors);
    }
}
