using Bunit;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Tests.Web.Admin;

public sealed class SiteFormViewFacts : BunitTestContext
{
    private static readonly Carrier[] Carriers = [new() { Id = 1, Name = "中国电信桐柏分公司", ShortName = "电信" }];

    // The registry as the server checks it: one stored site holding 10.41.1.0/26.
    private static readonly RegistrySnapshot Registry =
        RegistrySnapshot.Of(Carriers, [new Site { Id = 1, Name = "桐柏县财政局", IpAddresses = "10.41.1.0/26" }]);

    private IRenderedComponent<SiteFormView> Render(SiteForm form) =>
        Render<SiteFormView>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Carriers, Carriers)
            .Add(c => c.Save, f => Task.FromResult<IReadOnlyDictionary<string, string>>(SiteRules.Check(f, Registry).Errors)));

    [Fact]
    public void Save_ShowsAChineseMessageUnderEachBadField_NamingIt()
    {
        var form = new SiteForm
        {
            Name = "桐柏县财政局", UserKind = SiteUserKind.PartyGovernment, Address = "城关镇新华街 18 号",
            NetworkAdminName = "王伟", NetworkAdminMobile = "1380000001", TechContactName = "李娜", TechContactMobile = "010-66123456",
            IpCount = 8, BandwidthMbps = 100, LocationClass = GovNetOps.Domain.Sla.LocationClass.CountyDirect, CarrierId = 1, IpAddresses = "10.41.1.5",
        };
        var cut = Render(form);

        cut.Find("[data-testid=save-site]").Click();

        cut.WaitForAssertion(() =>
        {
            var text = cut.Markup;
            Assert.Contains("单位名称“桐柏县财政局”已被使用，请换一个", text, StringComparison.Ordinal);
            Assert.Contains("网络管理员手机须为 11 位手机号码", text, StringComparison.Ordinal);
            Assert.Contains("技术联系人手机须为 11 位手机号码", text, StringComparison.Ordinal);
            Assert.Contains("IP 地址：IP 地址 10.41.1.5 与桐柏县财政局已分配的 10.41.1.0/26 重叠", text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("mud-input-error", cut.Find("[data-field=Address]").ClassList);
    }

    [Fact]
    public void Save_ShowsNoMessage_WhenTheSiteIsValid()
    {
        var form = new SiteForm
        {
            Name = "桐柏县新建局", UserKind = SiteUserKind.PartyGovernment, Address = "城关镇新华街 20 号",
            NetworkAdminName = "王伟", NetworkAdminMobile = "13800000001", TechContactName = "李娜", TechContactMobile = "0377-66123456",
            IpCount = 8, BandwidthMbps = 100, LocationClass = GovNetOps.Domain.Sla.LocationClass.CountyDirect, CarrierId = 1, IpAddresses = "10.41.2.0/29",
        };
        var cut = Render(form);

        cut.Find("[data-testid=save-site]").Click();

        Assert.Empty(cut.FindAll(".mud-input-error"));
        Assert.DoesNotContain("须为", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LocationClass.CountyDirect, 2, true)]
    [InlineData(LocationClass.Township, 2, false)]     // class unchanged
    [InlineData(LocationClass.CountyDirect, 0, false)] // no open tickets
    public void ClassChange_OnASiteWithOpenTickets_SaysTheyKeepTheirClass(LocationClass chosen, int open, bool warned)
    {
        var cut = Render<SiteFormView>(p => p
            .Add(c => c.Form, new SiteForm { Id = 1, Name = "桐柏县财政局", LocationClass = chosen, CarrierId = 1 })
            .Add(c => c.Carriers, Carriers)
            .Add(c => c.OriginalClass, LocationClass.Township)
            .Add(c => c.OpenTickets, open)
            .Add(c => c.Save, f => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>())));

        var warnings = cut.FindAll("[data-testid=class-change-warning]");

        Assert.Equal(warned, warnings.Count == 1);
        if (warned)
        {
            Assert.Equal("该单位有 2 张未关闭工单：改类别后，它们仍按申告时的类别（乡镇区域）计时，只有新工单按新类别计时。", warnings[0].TextContent.Trim());
        }
    }
}
