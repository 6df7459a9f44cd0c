using GovNetOps.Domain.Registry;

namespace GovNetOps.Tests.Domain.Registry;

public sealed class IpAllocationFacts
{
    [Fact]
    public void Parse_ReadsAddressesBlocksAndRanges_WithChineseSeparators()
    {
        var result = IpAllocation.Parse("10.1.3.5；10.1.2.0/24，10.1.4.1-10.1.4.20");

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("10.1.2.0/24, 10.1.3.5, 10.1.4.1-10.1.4.20", IpAllocation.Format(result.Value!));
        Assert.Equal(256 + 1 + 20, IpAllocation.CountAddresses(result.Value!));
    }

    [Theory]
    [InlineData("10.1.2", "不是有效的 IPv4 地址")]
    [InlineData("10.1.2.256", "不是有效的 IPv4 地址")]
    [InlineData("10.01.2.3", "不是有效的 IPv4 地址")]
    [InlineData("10.1.2.5/24", "应为 10.1.2.0/24")]
    [InlineData("10.1.2.0/33", "不是有效的网段")]
    [InlineData("10.1.2.9-10.1.2.1", "结束地址早于起始地址")]
    [InlineData("10.1.2.0/24, 10.1.2.7", "重叠")]
    public void Parse_RefusesWithAChineseMessage_WhenMalformed(string text, string expected)
    {
        var result = IpAllocation.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckNoOverlap_NamesTheOtherSite_WhenAnAddressIsShared()
    {
        var mine = IpAllocation.Parse("10.1.2.128/25").Value!;
        var others = new Dictionary<string, IReadOnlyList<IpRange>>
        {
            ["城关镇政府"] = IpAllocation.Parse("10.1.1.0/24").Value!,
            ["县教育局"] = IpAllocation.Parse("10.1.2.200-10.1.2.210").Value!,
        };

        var result = IpAllocation.CheckNoOverlap(mine, others);

        Assert.False(result.IsSuccess);
        Assert.Equal("IP 地址 10.1.2.128/25 与县教育局已分配的 10.1.2.200-10.1.2.210 重叠", result.Error);
    }

    [Fact]
    public void CheckNoOverlap_Passes_WhenRangesOnlyTouch()
    {
        var mine = IpAllocation.Parse("10.1.2.0/25").Value!;
        var others = new Dictionary<string, IReadOnlyList<IpRange>> { ["县教育局"] = IpAllocation.Parse("10.1.2.128/25").Value! };

        Assert.True(IpAllocation.CheckNoOverlap(mine, others).IsSuccess);
    }
}
