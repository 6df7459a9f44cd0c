using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Carriers;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Web.Admin;

/// <summary>The carrier page over the real app: the admin adds a carrier, sees each refusal under its field in Chinese,
/// and a carrier's page lists its user accounts.</summary>
public sealed class CarrierPageFacts : BunitTestContext, IAsyncLifetime
{
    private readonly TicketApp _app = new();
    private IServiceScope? _scope;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        await _app.InitializeAsync();
        _scope = _app.Services.CreateScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<CarrierRegistry>());
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(AppRoles.SystemAdmin);
        auth.SetClaims(_app.Admin.Claims.ToArray());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _scope?.Dispose();
        await _app.DisposeAsync();
    }

    private static void Type(IRenderedComponent<CarrierPage> cut, string field, string text) =>
        cut.Find($"input[data-testid={field}]").Change(text);

    [Fact]
    public async Task NewCarrier_ShowsEachRefusalUnderItsField_ThenSavesAndOpensTheCarrier()
    {
        var cut = Render<CarrierPage>();
        Assert.Equal("新增运营商", cut.Find("[data-testid=carrier-title]").TextContent.Trim());

        Type(cut, "carrier-name", "中国移动桐柏分公司");
        Type(cut, "carrier-mobile", "0377-66123456");
        await cut.Find("button[data-testid=save-carrier]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("运营商名称“中国移动桐柏分公司”已被使用，请换一个", cut.Markup));
        Assert.Contains("简称不能为空", cut.Markup);
        Assert.Contains("客户经理不能为空", cut.Markup);
        Assert.Contains("客户经理手机须为 11 位手机号码", cut.Markup);
        Assert.Contains("值班电话不能为空", cut.Markup);

        Type(cut, "carrier-name", "中国广电桐柏分公司");
        Type(cut, "carrier-short", "广电");
        Type(cut, "carrier-manager", "孙立军");
        Type(cut, "carrier-mobile", "13937705555");
        Type(cut, "carrier-duty", "0377-68150000");
        await cut.Find("button[data-testid=save-carrier]").ClickAsync(new());

        await using var db = _app.NewDbContext();
        var id = await db.Carriers.Where(c => c.Name == "中国广电桐柏分公司").Select(c => c.Id).SingleAsync();
        cut.WaitForAssertion(() => Assert.EndsWith($"/admin/carriers/{id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void CarrierPage_ListsItsUsers_AndItsHistory()
    {
        var cut = Render<CarrierPage>(p => p.Add(c => c.Id, TicketApp.TelecomId));

        cut.WaitForAssertion(() => Assert.Contains("telecom", cut.Find("[data-testid=carrier-users]").TextContent));
        Assert.DoesNotContain("unicom", cut.Find("[data-testid=carrier-users]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=history-empty]"));
    }
}
