using GovNetOps.Domain.Registry;

namespace GovNetOps.Tests.Domain.Registry;

public sealed class PinyinInitialsFacts
{
    [Theory]
    [InlineData("桐柏县人民政府", "tbxrmzf")]
    [InlineData("城关镇人民政府", "cgzrmzf")]
    [InlineData("埠江镇人民政府", "bjzrmzf")]
    [InlineData("桐柏县行政审批和政务信息管理局", "tbxxzsphzwxxglj")] // 行 in 行政 keeps its default x
    [InlineData("中国农业银行桐柏支行", "zgnyyhtbzh")] // 行 in a bank is h, both times
    [InlineData("长岗村委会", "cgcwh")] // 长 in a place name is c
    [InlineData("桐柏县县长办公室", "tbxxzbgs")] // 长 after an office is z
    [InlineData("重庆路社区", "cqlsq")] // 重 in 重庆 is c
    [InlineData("乐山路小学", "lslxx")] // 乐 in a place name is l
    [InlineData("县音乐学校", "xyyxx")] // 乐 in 音乐 is y
    [InlineData("县财政局会计核算中心", "xczjkjhszx")] // 会计 is k
    [InlineData("曾家湾村", "zjwc")] // the surname 曾 is z
    [InlineData("桐柏县长江路社区", "tbxcjlsq")] // 县 + 长江, not 县长 + 江: words match from the end
    public void Of_ReadsPolyphonesAsInPlaceNames(string name, string expected) =>
        Assert.Equal(expected, PinyinInitials.Of(name));

    [Theory]
    [InlineData("第2中学（东校区）", "d2zxdxq")] // digits kept, brackets dropped
    [InlineData("县ＩＴ中心", "xitzx")] // full-width Latin letters from a Chinese input method
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Of_KeepsLettersAndDigits_AndDropsPunctuation(string name, string expected) =>
        Assert.Equal(expected, PinyinInitials.Of(name));
}
