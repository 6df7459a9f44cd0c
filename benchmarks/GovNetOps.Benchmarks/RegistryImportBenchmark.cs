using System.Diagnostics;
using System.Globalization;
using GovNetOps.Web.Features.Admin.Import;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace GovNetOps.Benchmarks;

/// <summary>The day-one import (issue 13: 500 rows in under 5 s): generates an N-row site list as .xlsx, then times the
/// admin's check and the import (check again + write in one transaction + audit) through <see cref="SiteImportHandler"/>.</summary>
internal static class RegistryImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        using var app = new BenchmarkApp(kestrel: false);
        System.Security.Claims.ClaimsPrincipal admin;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == "admin");
            admin = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        }

        var file = Generate(rows);
        Console.WriteLine($"registry-import: {rows} rows, {file.Length / 1024.0:0.0} KiB .xlsx");

        var check = Stopwatch.StartNew();
        ImportCheck? checkedFile;
        using (var scope = app.Services.CreateScope())
        {
            checkedFile = await scope.ServiceProvider.GetRequiredService<SiteImportHandler>().CheckAsync(admin, file);
        }

        check.Stop();
        var import = Stopwatch.StartNew();
        ImportOutcome? outcome;
        using (var scope = app.Services.CreateScope())
        {
            (_, outcome, var refusal) = await scope.ServiceProvider.GetRequiredService<SiteImportHandler>()
                .ImportAsync(admin, file, "bench.xlsx", onlyValidRows: false);
            if (refusal is not null)
            {
                await Console.Error.WriteLineAsync($"refused: {refusal}");
                return 1;
            }
        }

        import.Stop();
        Console.WriteLine($"check (validate every row, nothing written): {check.Elapsed.TotalMilliseconds:0} ms, {checkedFile!.ValidCount} valid");
        Console.WriteLine($"import (validate again + write + audit, one transaction): {import.Elapsed.TotalMilliseconds:0} ms, " +
                          $"{outcome!.Created} created, {outcome.Updated} updated");
        var ok = import.Elapsed < TimeSpan.FromSeconds(5);
        Console.WriteLine(ok ? "PASS: under 5 s" : "FAIL: 5 s or more");
        return ok ? 0 : 1;
    }

    private static byte[] Generate(int count)
    {
        var rows = Enumerable.Range(1, count).Select(n => new Dictionary<string, object?>
        {
            ["单位名称"] = $"桐柏县第{n}号导入单位",
            ["用户类型"] = n % 7 == 0 ? "其他" : n % 5 == 0 ? "事业单位" : "党政机关",
            ["其他类型说明"] = n % 7 == 0 ? "社区" : "",
            ["办公地址"] = $"城关镇长江路 {n} 号",
            ["网络管理员"] = "王伟",
            ["网络管理员手机"] = $"139377{n:00000}",
            ["技术联系人"] = "李娜",
            ["技术联系人手机"] = $"0377-6{n:0000000}",
            ["IP数量"] = 16,
            ["带宽(Mbps)"] = 100,
            ["网络用途"] = "电子政务办公",
            ["位置类别"] = n % 3 == 0 ? "乡镇区域" : "县直单位",
            ["运营商"] = (n % 3) switch { 0 => "电信", 1 => "联通", _ => "移动" },
            ["IP地址"] = $"10.{200 + n / 4096}.{n / 16 % 256}.{n % 16 * 16}/28",
            ["接入状态"] = "已接入",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SiteSpreadsheet.SheetName);
        return stream.ToArray();
    }
}
