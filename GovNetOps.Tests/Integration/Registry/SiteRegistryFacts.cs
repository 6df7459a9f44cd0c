using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Registry;

public sealed class SiteRegistryFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private static SiteForm NewForm(string name = "桐柏县长江路社区服务中心") => new()
    {
        Name = name, UserKind = GovNetOps.Web.Infrastructure.Data.SiteUserKind.Other, UserTypeOther = "社区",
        Address = "城关镇长江路 2 号", NetworkAdminName = "赵敏", NetworkAdminMobile = "139 3770 8888",
        TechContactName = "钱进", TechContactMobile = "037766123456", IpCount = 8, BandwidthMbps = 50,
        LocationClass = LocationClass.CountyDirect, CarrierId = 2, IpAddresses = "10.201.0.0/29",
    };

    [Fact]
    public async Task SaveAsync_AddsASiteTheIntakeFindsByItsInitials()
    {
        var result = await SaveAsync(_app.Admin, NewForm());

        Assert.True(result.IsSuccess);
        var sites = await _app.WithServiceAsync<ReportFaultHandler, IReadOnlyList<SiteOption>>(h => h.SitesAsync());
        var found = SiteSearch.Find(sites, "tbxcjl").First();
        Assert.Equal(("桐柏县长江路社区服务中心", "tbxcjlsqfwzx"), (found.Name, found.PinyinInitials));
        await using var db = _app.NewDbContext();
        var site = await db.Sites.SingleAsync(s => s.Id == result.Id);
        Assert.Equal(("13937708888", "0377-66123456", "社区"), (site.NetworkAdminMobile, site.TechContactMobile, site.UserType));
        Assert.Equal("Created", (await db.ChangeRecords.SingleAsync()).Action);
    }

    [Fact]
    public async Task SaveAsync_NamesEveryBadField_AndWritesNothing()
    {
        var form = NewForm("桐柏县财政局");
        form.NetworkAdminMobile = "12345";
        form.TechContactName = " ";
        form.UserTypeOther = "";
        form.IpAddresses = "10.41.2.10";
        form.CarrierId = 99;

        var result = await SaveAsync(_app.Admin, form);

        Assert.False(result.IsSuccess);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Name"] = "单位名称“桐柏县财政局”已被使用，请换一个",
            ["UserTypeOther"] = "用户类型选“其他”时须填写其他类型说明",
            ["NetworkAdminMobile"] = "网络管理员手机须为 11 位手机号码（如 13800000000）或带区号 0377 的座机号码（如 0377-66123456）",
            ["TechContactName"] = "技术联系人不能为空",
            ["CarrierId"] = "请选择运营商",
            ["IpAddresses"] = "IP 地址：IP 地址 10.41.2.10 与桐柏县人大常委会办公室已分配的 10.41.2.0/26 重叠",
        }, result.Errors);
        await using var db = _app.NewDbContext();
        Assert.Empty(await db.ChangeRecords.ToListAsync());
    }

    [Fact]
    public async Task SaveAsync_SaysOpenTicketsKeepTheirClass_WhenTheClassOfASiteWithOpenTicketsChanges()
    {
        var siteId = await _app.SiteAsync(LocationClass.Township);
        await _app.NewTicketAsync(LocationClass.Township);
        await using (var db = _app.NewDbContext())
        {
            var form = SiteForm.From(await db.Sites.SingleAsync(s => s.Id == siteId));
            form.LocationClass = LocationClass.CountyDirect;
            var result = await SaveAsync(_app.Admin, form);

            Assert.True(result.IsSuccess);
            Assert.Equal("已保存。该单位有 1 张未关闭工单，它们仍按申告时的位置类别（乡镇区域）计时；新工单按新类别计时。", result.Notice);
        }

        await using (var db = _app.NewDbContext())
        {
            Assert.Equal(LocationClass.Township, (await db.FaultTickets.SingleAsync(t => t.SiteId == siteId)).LocationClass);
        }
    }

    [Fact]
    public async Task RetireAsync_KeepsTheSite_RevokedAndOffTheIntake()
    {
        var created = await SaveAsync(_app.Admin, NewForm());

        var result = await _app.WithServiceAsync<SiteRegistry, Result>(r => r.RetireAsync(_app.Admin, created.Id!.Value));

        Assert.True(result.IsSuccess);
        await using var db = _app.NewDbContext();
        var site = await db.Sites.SingleAsync(s => s.Id == created.Id);
        Assert.Equal((SiteConnectionStatus.Revoked, false), (site.Status, site.IsActive));
        var sites = await _app.WithServiceAsync<ReportFaultHandler, IReadOnlyList<SiteOption>>(h => h.SitesAsync());
        Assert.DoesNotContain(sites, s => s.Id == created.Id);
    }

    [Fact]
    public async Task Writes_AreRefused_AndReadsAllowed_ForOps()
    {
        var result = await SaveAsync(_app.Ops, NewForm());
        Assert.Equal("只有系统管理员可以修改登记信息", Assert.Single(result.Errors).Value);

        var rows = await _app.WithServiceAsync<SiteRegistry, IReadOnlyList<SiteRow>?>(r => r.ListAsync(_app.Ops, "cgz", false));
        Assert.Equal("城关镇人民政府", rows!.First().Name);
        Assert.Null(await _app.WithServiceAsync<SiteRegistry, IReadOnlyList<SiteRow>?>(r => r.ListAsync(_app.Telecom, null, false)));
    }

    [Fact]
    public async Task ConnectionStatus_SetByHandOrRetired_IsPublished_ForTheBoardsDisconnectedPanel()
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<SiteConnectionChanged>();
        using var subscription = _app.Services.GetRequiredService<Notifier<SiteConnectionChanged>>()
            .Subscribe(e => { heard.Enqueue(e); return Task.CompletedTask; });
        var created = await SaveAsync(_app.Admin, NewForm());
        var id = created.Id!.Value;
        SiteForm form;
        await using (var db = _app.NewDbContext())
        {
            form = SiteForm.From(await db.Sites.SingleAsync(s => s.Id == id));
        }

        form.NetworkPurpose = "政务办公";
        Assert.True((await SaveAsync(_app.Admin, form)).Id is not null);
        form.Status = SiteConnectionStatus.DisconnectedForRectification;
        Assert.True((await SaveAsync(_app.Admin, form)).Id is not null);
        form.Status = SiteConnectionStatus.Connected;
        Assert.True((await SaveAsync(_app.Admin, form)).Id is not null);
        Assert.True((await _app.WithServiceAsync<SiteRegistry, Result>(r => r.RetireAsync(_app.Admin, id))).IsSuccess);

        // Publishing hands each subscriber to the thread pool (in any order): wait for the three, then nothing more
        // (no event for the new connected site or the purpose edit).
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (heard.Count < 3 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }
        await Task.Delay(200);
        Assert.Equal(
            [SiteConnectionStatus.Connected, SiteConnectionStatus.DisconnectedForRectification, SiteConnectionStatus.Revoked],
            heard.Where(e => e.SiteId == id).Select(e => e.Status).Order().ToArray());
    }

    private Task<SiteSaveResult> SaveAsync(System.Security.Claims.ClaimsPrincipal user, SiteForm form) =>
        _app.WithServiceAsync<SiteRegistry, SiteSaveResult>(r => r.SaveAsync(user, form));
}
