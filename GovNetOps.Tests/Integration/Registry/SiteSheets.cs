using GovNetOps.Web.Features.Admin.Sites;
using MiniExcelLibs;

namespace GovNetOps.Tests.Integration.Registry;

/// <summary>Builds import files in the tests: rows of cells by header, written as .xlsx with MiniExcel.</summary>
public static class SiteSheets
{
    /// <summary>A valid row for unit <paramref name="n"/>: a county-direct unit of carrier 电信 with its own /28 in 10.200.x.</summary>
    public static Dictionary<string, object?> Row(int n, string? name = null) => new()
    {
        ["单位名称"] = name ?? $"桐柏县第{n}测试局",
        ["用户类型"] = n % 5 == 0 ? "事业单位" : "党政机关",
        ["其他类型说明"] = "",
        ["办公地址"] = $"城关镇测试路 {n} 号",
        ["网络管理员"] = "王伟",
        ["网络管理员手机"] = $"1393771{n:0000}",
        ["技术联系人"] = "李娜",
        ["技术联系人手机"] = $"0377-6{n:0000000}",
        ["IP数量"] = 16,
        ["带宽(Mbps)"] = 100,
        ["网络用途"] = "电子政务办公",
        ["位置类别"] = n % 3 == 0 ? "乡镇区域" : "县直单位",
        ["运营商"] = "电信",
        ["IP地址"] = $"10.200.{n / 16}.{n % 16 * 16}/28",
        ["接入状态"] = "已接入",
    };

    public static byte[] Write(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: "接入单位");
        return stream.ToArray();
    }

    public static byte[] Valid(int count, int first = 1) => Write(Enumerable.Range(first, count).Select(n => Row(n)));

    /// <summary>The headers are the registry's: a test row that drifts from them fails here first.</summary>
    public static IEnumerable<string> Headers => SiteFields.Columns.Select(c => c.Header);
}
