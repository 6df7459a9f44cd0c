using System.Text.RegularExpressions;
using GovNetOps.Tests.Integration.Registry;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovNetOps.Tests.Browser;

/// <summary>A county's first day (issue 13): the admin imports its units from the template, and Ops reports a fault
/// at one of them, found by the pinyin initials of its name.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RegistryBrowserFacts(BrowserApp app)
{
    [Fact]
    public async Task AdminImports30Sites_ThenOpsFindsOneByItsInitials_AndReportsAFault()
    {
        var admin = await app.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(admin, "/admin/sites/import");

        // A file with problems first: nothing is written, and the table says row, column and problem.
        var rows = Enumerable.Range(1, 30).Select(n => SiteSheets.Row(n)).ToList();
        var broken = rows.Select(r => new Dictionary<string, object?>(r)).ToList();
        broken[4]["网络管理员手机"] = "1390000";
        broken[9]["位置类别"] = "市直单位";
        await UploadAsync(admin, "units-with-errors.xlsx", SiteSheets.Write(broken));
        await Expect(admin.GetByTestId("import-problems").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(admin.GetByTestId("import-problems")).ToContainTextAsync("网络管理员手机须为 11 位手机号码");
        await Expect(admin.GetByTestId("import-all")).ToHaveCountAsync(0);
        await Shot(admin, "import-errors-zh");

        // The corrected file imports whole.
        await UploadAsync(admin, "units.xlsx", SiteSheets.Write(rows));
        await Expect(admin.GetByTestId("import-summary")).ToContainTextAsync("共 30 行：30 行无误");
        await admin.GetByTestId("import-all").ClickAsync();
        await Expect(admin.GetByTestId("import-done")).ToContainTextAsync("新增 30 个");

        await BrowserSession.GotoInteractiveAsync(admin, "/admin/sites");
        var search = admin.Locator("input[data-testid=site-search]");
        await search.ClickAsync();
        await search.PressSequentiallyAsync("tbxd1");
        await Expect(admin.GetByTestId("site-link").First).ToContainTextAsync("桐柏县第1");
        await Expect(admin.GetByTestId("site-link")).ToHaveCountAsync(11); // 第1 and 第10–19
        await search.FillAsync("");
        await Expect(admin.GetByTestId("site-link").Filter(new() { HasTextRegex = new Regex("测试局$") })).ToHaveCountAsync(30);
        await Shot(admin, "site-list-zh");
        await admin.GetByTestId("site-link").Filter(new() { HasText = "桐柏县第7测试局" }).ClickAsync();
        await Expect(admin.GetByTestId("history")).ToContainTextAsync("导入");
        await Shot(admin, "site-page-zh");
        await admin.Context.CloseAsync();

        // Ops takes a call from the imported unit and finds it by its initials.
        var ops = await app.NewPageAsync();
        await BrowserSession.SignInAsync(ops, "ops", DemoData.Password);
        await BrowserSession.GotoInteractiveAsync(ops, "/tickets/new");
        var site = ops.Locator("input[data-testid=site]");
        await site.ClickAsync();
        await site.PressSequentiallyAsync("tbxd7csj");
        await ops.GetByText("桐柏县第7测试局").First.ClickAsync();
        await Expect(site).ToHaveValueAsync("桐柏县第7测试局");
        await ops.GetByTestId("symptoms").PressSequentiallyAsync("办公楼政务外网中断");
        await ops.GetByTestId("reporter-name").PressSequentiallyAsync("王伟");
        await ops.GetByTestId("reporter-mobile").PressSequentiallyAsync("13937710007");
        await ops.GetByTestId("reporter-mobile").PressAsync("Enter");
        await Expect(ops).ToHaveURLAsync(new Regex(@"/tickets/GZ-\d{8}-\d{4}(\?new=1)?$"));
        await Expect(ops.GetByText("桐柏县第7测试局").First).ToBeVisibleAsync();
        await ops.Context.CloseAsync();
    }

    [Fact]
    public async Task RegistryPages_InEnglish_ShowTheSameData()
    {
        var admin = await app.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin", DemoData.Password);
        await admin.GotoAsync("/culture?name=en&redirect=/admin/sites");
        await BrowserSession.WaitInteractiveAsync(admin);
        await Expect(admin.GetByTestId("sites").Locator("tbody tr").First).ToBeVisibleAsync();
        await Shot(admin, "site-list-en");
        await admin.GetByTestId("site-link").First.ClickAsync();
        await Expect(admin.GetByTestId("site-form")).ToBeVisibleAsync();
        await Shot(admin, "site-page-en");

        await BrowserSession.GotoInteractiveAsync(admin, "/admin/sites/import");
        var rows = Enumerable.Range(101, 3).Select(n => SiteSheets.Row(n)).ToList();
        rows[1]["IP地址"] = "10.41.1.0/26";
        await UploadAsync(admin, "units-en.xlsx", SiteSheets.Write(rows));
        await Expect(admin.GetByTestId("import-problems").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(admin.GetByTestId("import-valid")).ToContainTextAsync("Import only the 2 valid rows");
        await Shot(admin, "import-errors-en");
        await admin.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, string name, byte[] file)
    {
        await BrowserSession.SetFileAsync(page.GetByTestId("import-upload"), new FilePayload
        {
            Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = file,
        });
        await Expect(page.GetByTestId("import-file")).ToHaveTextAsync(name);
    }

    private static Task Shot(IPage page, string name)
    {
        var folder = Path.Combine(TestPaths.Artifacts("screenshots"), "13");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
