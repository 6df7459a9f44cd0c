using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Maintenance;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Maintenance;

/// <summary>Short-cuts to file and carry out maintenance notices through the app's own handlers, as the pages do.</summary>
public static class MaintenanceApp
{
    public static NoticeForm Form(int siteId, DateTimeOffset startsAt, TimeSpan length, string? lateReason = null) => new()
    {
        SiteIds = [siteId], StartChina = ChinaTime.ToChina(startsAt).DateTime, EndChina = ChinaTime.ToChina(startsAt + length).DateTime,
        Work = "核心交换机板卡更换", Impact = "作业期间专线中断约30分钟", ContactName = "刘强", ContactMobile = "13937701234", LateReason = lateReason,
    };

    public static Task<GovNetOps.Domain.Common.Result<FiledNotice>> FileAsync(this TicketApp app, NoticeForm form, ClaimsPrincipal by) =>
        app.WithServiceAsync<FileNoticeHandler, GovNetOps.Domain.Common.Result<FiledNotice>>(h => h.FileAsync(form, by));

    /// <summary>Files a notice for a telecom county-direct site starting <paramref name="lead"/> from now; fails the test if refused.</summary>
    public static async Task<(FiledNotice Notice, int SiteId)> FileTelecomAsync(this TicketApp app, TimeSpan lead, TimeSpan length)
    {
        var site = await app.SiteAsync(LocationClass.CountyDirect);
        var filed = await app.FileAsync(Form(site, app.Clock.GetUtcNow() + lead, length), app.Telecom);
        Assert.True(filed.IsSuccess, filed.Error);
        return (filed.Value!, site);
    }

    public static async Task<MaintenanceNoticeRecord> NoticeAsync(this TicketApp app, long id)
    {
        await using var db = app.NewDbContext();
        return await db.MaintenanceNotices.AsNoTracking().Include(n => n.Sites).SingleAsync(n => n.Id == id);
    }

    public static Task<GovNetOps.Domain.Common.Result<int>> DecideAsync(this TicketApp app, long id, bool approve, ClaimsPrincipal by, string? reason = null) =>
        app.WithServiceAsync<NoticeActionHandler, GovNetOps.Domain.Common.Result<int>>(async h => await h.DecideAsync(id, (await app.NoticeAsync(id)).Version, approve, reason, by));

    public static Task<GovNetOps.Domain.Common.Result<int>> StartWorkAsync(this TicketApp app, long id, ClaimsPrincipal by) =>
        app.WithServiceAsync<NoticeActionHandler, GovNetOps.Domain.Common.Result<int>>(async h => await h.StartAsync(id, (await app.NoticeAsync(id)).Version, by));

    public static Task<GovNetOps.Domain.Common.Result<int>> FinishWorkAsync(this TicketApp app, long id, ClaimsPrincipal by) =>
        app.WithServiceAsync<NoticeActionHandler, GovNetOps.Domain.Common.Result<int>>(async h => await h.FinishAsync(id, (await app.NoticeAsync(id)).Version, by));

    public static async Task<List<CarrierViolationRecord>> ViolationsAsync(this TicketApp app)
    {
        await using var db = app.NewDbContext();
        return await db.CarrierViolations.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
    }

    public static async Task<List<MaintenanceAlertRecord>> AlertsAsync(AppDbContext db, long noticeId) =>
        await db.MaintenanceAlerts.AsNoTracking().Where(a => a.NoticeId == noticeId).OrderBy(a => a.Id).ToListAsync();
}
