using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Applications.Actions;
using GovNetOps.Web.Features.Applications.Queries;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Applications;

/// <summary>Access and change applications through their handlers over the real app: recorded by Ops, approved with an
/// IP allocation, completed by the carrier into the registry; carrier isolation; refusals leave nothing half-saved.</summary>
public sealed class ApplicationFlowFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private async Task<NetworkApplicationRecord> RecordAsync(ApplicationForm form)
    {
        var errors = new Dictionary<string, string>();
        var number = await _app.WithServiceAsync<RecordApplicationHandler, Result<string>>(h => h.RecordAsync(form, _app.Ops, errors));
        Assert.True(number.IsSuccess, number.Error);
        return await LoadAsync(number.Value!);
    }

    private async Task<NetworkApplicationRecord> LoadAsync(string number)
    {
        await using var db = _app.NewDbContext();
        return await db.NetworkApplications.AsNoTracking().Include(a => a.Pauses).SingleAsync(a => a.Number == number);
    }

    private Task<Result> ApproveAsync(NetworkApplicationRecord app, string ips) =>
        _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.ApproveAsync(app.Id, app.Version,
            new ApprovalInput { IpAllocation = ips, CarrierId = TicketApp.TelecomId, LocationClass = LocationClass.CountyDirect, Opinion = "同意接入" }, _app.Ops));

    [Fact]
    public async Task AccessApplication_BecomesAConnectedSite_WhenApprovedAndCompletedByItsCarrier()
    {
        var app = await RecordAsync(ApplicationFormBuilder.Access());
        Assert.StartsWith("JR-20260302-", app.Number, StringComparison.Ordinal);
        Assert.Equal(ChinaTime.StartOfDayUtc(new DateOnly(2026, 3, 6)), app.NextDeadlineAt); // received Monday: Tue, Wed, Thu

        var early = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.CompleteAsync(app.Id, app.Version, "", _app.Ops));
        Assert.Equal("申请尚未审核通过，不能实施完成", early.Error);

        // 10.41.1.0/26 is a demo site's allocation: refused, naming it; nothing saved.
        var overlap = await ApproveAsync(app, "10.41.1.32/27");
        Assert.False(overlap.IsSuccess);
        Assert.Contains("重叠", overlap.Error, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Received, (await LoadAsync(app.Number)).State);

        _app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await ApproveAsync(app, "10.60.5.0/28")).IsSuccess);
        app = await LoadAsync(app.Number);
        Assert.Equal(ApplicationState.Implementing, app.State);
        Assert.Equal("10.60.5.0/28", app.IpAllocation);
        Assert.Equal(ChinaTime.StartOfDayUtc(new DateOnly(2026, 3, 12)), app.NextDeadlineAt); // 7 working days: Mar 3–6, 9–11

        // The carrier is told and sees it among its tasks; another carrier sees nothing and cannot act.
        await using (var db = _app.NewDbContext())
        {
            var telecomUser = await db.Users.SingleAsync(u => u.UserName == "telecom");
            Assert.Contains(await db.Notifications.Where(n => n.UserId == telecomUser.Id).ToListAsync(), n => n.Link == $"/applications/{app.Number}");
        }
        var telecomTasks = await _app.WithServiceAsync<ApplicationQueries, IReadOnlyList<ApplicationRow>>(q => q.CarrierTasksAsync(_app.Telecom));
        Assert.Equal([app.Number], telecomTasks.Select(t => t.Number));
        Assert.Empty(await _app.WithServiceAsync<ApplicationQueries, IReadOnlyList<ApplicationRow>>(q => q.CarrierTasksAsync(_app.Unicom)));
        Assert.Null(await _app.WithServiceAsync<ApplicationQueries, ApplicationDetails?>(q => q.DetailAsync(app.Number, _app.Unicom)));
        Assert.Empty(await _app.WithServiceAsync<ApplicationQueries, IReadOnlyList<ApplicationRow>>(q => q.ListAsync(_app.Telecom, openOnly: true)));
        var foreign = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.CompleteAsync(app.Id, app.Version, "已开通", _app.Unicom));
        Assert.Equal("申请不存在或您无权查看", foreign.Error);
        var carrierApproves = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.RejectAsync(app.Id, app.Version, "不行", _app.Telecom));
        Assert.Equal("您无权执行此操作", carrierApproves.Error);

        _app.Clock.Advance(TimeSpan.FromDays(2));
        var done = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.CompleteAsync(app.Id, app.Version, "光纤已开通", _app.Telecom));
        Assert.True(done.IsSuccess, done.Error);

        app = await LoadAsync(app.Number);
        await using var check = _app.NewDbContext();
        var site = await check.Sites.AsNoTracking().SingleAsync(s => s.Id == app.SiteId);
        Assert.Equal(("桐柏县医疗保障局", SiteConnectionStatus.Connected, true, "10.60.5.0/28", TicketApp.TelecomId),
            (site.Name, site.Status, site.IsActive, site.IpAddresses, site.CarrierId));
        Assert.Equal(ApplicationState.Completed, app.State);
        Assert.Null(app.NextDeadlineAt);
        var audit = await check.ChangeRecords.AsNoTracking().Where(c => c.EntityId == app.Number).OrderBy(c => c.Id).Select(c => c.Action).ToListAsync();
        Assert.Equal(["Record", "Approve", "Create", "Complete"], audit); // the site's creation is audited under the application
    }

    [Fact]
    public async Task ChangeApplication_RetiresTheSite_WhenRemovalCompleted()
    {
        var siteId = await _app.SiteAsync(LocationClass.Township);
        var app = await RecordAsync(ApplicationFormBuilder.Change(siteId, ChangeType.Remove));
        Assert.StartsWith("BG-", app.Number, StringComparison.Ordinal);

        Assert.True((await ApproveAsync(app, "")).IsSuccess);
        app = await LoadAsync(app.Number);
        var done = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.CompleteAsync(app.Id, app.Version, "线路已拆除", _app.Ops));
        Assert.True(done.IsSuccess, done.Error);

        await using var db = _app.NewDbContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId);
        Assert.Equal((SiteConnectionStatus.Revoked, false), (site.Status, site.IsActive));
    }

    [Fact]
    public async Task Pause_StopsTheImplementationClock_AndCompletionIsRefusedUntilResumed()
    {
        var app = await RecordAsync(ApplicationFormBuilder.Access("桐柏县退役军人事务局"));
        Assert.True((await ApproveAsync(app, "10.60.6.0/28")).IsSuccess);
        app = await LoadAsync(app.Number);

        var noReason = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.PauseAsync(app.Id, app.Version, " ", _app.Ops));
        Assert.Equal("请填写暂停原因（使用单位不具备接入条件的具体情况）", noReason.Error);
        Assert.True((await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.PauseAsync(app.Id, app.Version, "单位机房装修未完成", _app.Ops))).IsSuccess);
        app = await LoadAsync(app.Number);
        Assert.Equal(ApplicationState.Paused, app.State);
        Assert.Null(app.NextDeadlineAt);

        var stale = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.ResumeAsync(app.Id, app.Version - 1, _app.Ops));
        Assert.Equal("申请已被他人更新，请刷新后重试", stale.Error);
        var paused = await _app.WithServiceAsync<ApplicationActionHandler, Result>(h => h.CompleteAsync(app.Id, app.Version, "", _app.Telecom));
        Assert.Equal("实施时限已暂停（使用单位不具备接入条件），请先恢复再实施完成", paused.Error);
    }

    [Fact]
    public async Task Approve_IsRefused_WhenAddressesOverlapAnotherApprovedApplication()
    {
        var first = await RecordAsync(ApplicationFormBuilder.Access("桐柏县林业局"));
        var second = await RecordAsync(ApplicationFormBuilder.Access("桐柏县水利局"));
        Assert.True((await ApproveAsync(first, "10.60.7.0/28")).IsSuccess);

        var result = await ApproveAsync(second, "10.60.7.8-10.60.7.20");

        Assert.Equal("IP地址分配：IP 地址 10.60.7.8-10.60.7.20 与桐柏县林业局（申请 " + first.Number + "）已分配的 10.60.7.0/28 重叠", result.Error);
    }

    [Fact]
    public async Task Record_NamesEachBadField_AndSavesNothing()
    {
        var form = ApplicationFormBuilder.Access();
        form.NetworkAdminMobile = "1234";
        form.IpCount = 0;
        form.Purpose = "";
        var errors = new Dictionary<string, string>();

        var result = await _app.WithServiceAsync<RecordApplicationHandler, Result<string>>(h => h.RecordAsync(form, _app.Ops, errors));

        Assert.False(result.IsSuccess);
        Assert.Equal(ContactNumber.InvalidMessage("网络管理员手机号码"), errors[nameof(ApplicationForm.NetworkAdminMobile)]);
        Assert.Equal("IP 数量须为 1–4096 之间的整数", errors[nameof(ApplicationForm.IpCount)]);
        Assert.Equal("请填写网络用途", errors[nameof(ApplicationForm.Purpose)]);
        await using var db = _app.NewDbContext();
        Assert.Equal(0, await db.NetworkApplications.CountAsync());
    }
}
