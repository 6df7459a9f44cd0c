using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Maintenance;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Maintenance;

/// <summary>Filing, decision, carrying out and faults during a window, through the handlers the pages call, over the real
/// app and a real SQLite file with a fake clock.</summary>
public sealed class MaintenanceWorkflowFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task File_RecordsLateNoticeOnTheCarrierRecord_InTheSameSave_AndNothingWhenOnTime()
    {
        var site = await _app.SiteAsync(LocationClass.CountyDirect);
        var now = _app.Clock.GetUtcNow();

        var onTime = await _app.FileAsync(MaintenanceApp.Form(site, now + TimeSpan.FromHours(2), TimeSpan.FromHours(1)), _app.Telecom);
        var refused = await _app.FileAsync(MaintenanceApp.Form(site, now + TimeSpan.FromHours(2) - TimeSpan.FromSeconds(60), TimeSpan.FromHours(1)), _app.Telecom);
        var late = await _app.FileAsync(MaintenanceApp.Form(site, now + TimeSpan.FromHours(1), TimeSpan.FromHours(2), "光缆被挖断，紧急割接"), _app.Telecom);

        Assert.True(onTime.IsSuccess, onTime.Error);
        Assert.False(onTime.Value!.IsLate);
        Assert.StartsWith("距计划开始不足2小时，须填写未按时报备的原因", refused.Error);
        Assert.True(late.IsSuccess, late.Error);
        Assert.True(late.Value!.IsLate);
        Assert.Contains(onTime.Value.Number, late.Value.Overlaps); // same site, overlapping: allowed with a warning
        var violation = Assert.Single(await _app.ViolationsAsync());
        Assert.Equal((TicketApp.TelecomId, CarrierViolationKind.LateNotice, late.Value.Id, now, site.ToString()),
            (violation.CarrierId, violation.Kind, violation.NoticeId!.Value, violation.OccurredAt, violation.SiteIds));
        await using var db = _app.NewDbContext();
        Assert.Equal(2, await db.ChangeRecords.CountAsync(c => c.EntityType == FileNoticeHandler.EntityType && c.Action == "File"));
    }

    [Fact]
    public async Task File_RefusesAnotherCarriersSite_AndAStartInThePast_SavingNothing()
    {
        var unicomSite = await _app.SiteAsync(LocationClass.CountyDirect, TicketApp.UnicomId);
        var telecomSite = await _app.SiteAsync(LocationClass.CountyDirect);
        var now = _app.Clock.GetUtcNow();

        var foreign = await _app.FileAsync(MaintenanceApp.Form(unicomSite, now + TimeSpan.FromHours(3), TimeSpan.FromHours(1)), _app.Telecom);
        var past = await _app.FileAsync(MaintenanceApp.Form(telecomSite, now - TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), "补报"), _app.Telecom);

        Assert.Equal("所选站点须属于报备运营商（电信）", foreign.Error);
        Assert.Equal("计划开始时间不能早于现在（2026-03-02 09:00）", past.Error);
        await using var db = _app.NewDbContext();
        Assert.Equal(0, await db.MaintenanceNotices.CountAsync());
        Assert.Equal(0, await db.ChangeRecords.CountAsync());
    }

    [Fact]
    public async Task FileOnBehalf_ByOps_IsAuditedAsSuch()
    {
        var site = await _app.SiteAsync(LocationClass.Township);
        var form = MaintenanceApp.Form(site, _app.Clock.GetUtcNow() + TimeSpan.FromHours(4), TimeSpan.FromHours(2));
        form.CarrierId = TicketApp.TelecomId;

        var filed = await _app.FileAsync(form, _app.Ops);

        Assert.True(filed.IsSuccess, filed.Error);
        var notice = await _app.NoticeAsync(filed.Value!.Id);
        Assert.True(notice.FiledByOps);
        await using var db = _app.NewDbContext();
        var audit = await db.ChangeRecords.SingleAsync(c => c.EntityType == FileNoticeHandler.EntityType);
        Assert.Equal(("FileOnBehalf", "Ops"), (audit.Action, audit.Role));
        Assert.Contains("代运营商报备", audit.Note);
    }

    [Fact]
    public async Task Start_RecordsWithoutApproval_AndEarlyStart_ButNotAnOnTimeStart()
    {
        var (pending, _) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        var (early, _) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        var (onTime, _) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        Assert.True((await _app.DecideAsync(early.Id, true, _app.Ops)).IsSuccess);
        Assert.True((await _app.DecideAsync(onTime.Id, true, _app.Ops)).IsSuccess);

        _app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await _app.StartWorkAsync(pending.Id, _app.Telecom)).IsSuccess);
        Assert.True((await _app.StartWorkAsync(early.Id, _app.Telecom)).IsSuccess);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await _app.StartWorkAsync(onTime.Id, _app.Telecom)).IsSuccess);

        var kinds = (await _app.ViolationsAsync()).Select(v => (v.NoticeId, v.Kind)).ToList();
        Assert.Equal([(pending.Id, CarrierViolationKind.StartedWithoutApproval), (early.Id, CarrierViolationKind.StartedEarly)], kinds.Select(k => (k.NoticeId!.Value, k.Kind)));
        Assert.Equal(MaintenanceStatus.InProgress, (await _app.NoticeAsync(onTime.Id)).Status);
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndARejectedNoticeCannotBeCarriedOut()
    {
        var (notice, _) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));

        Assert.Equal("驳回须填写理由", (await _app.DecideAsync(notice.Id, false, _app.Ops)).Error);
        Assert.True((await _app.DecideAsync(notice.Id, false, _app.Ops, "与防汛保障期冲突，请改期")).IsSuccess);

        Assert.Equal("该报备已驳回，不能实施；如需作业请重新报备", (await _app.StartWorkAsync(notice.Id, _app.Telecom)).Error);
    }

    [Fact]
    public async Task Edit_OfAnApprovedNotice_SendsItBackForApproval_AndIsAudited()
    {
        var (filed, site) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        Assert.True((await _app.DecideAsync(filed.Id, true, _app.Ops)).IsSuccess);
        var notice = await _app.NoticeAsync(filed.Id);
        var form = MaintenanceApp.Form(site, notice.StartsAt + TimeSpan.FromHours(1), TimeSpan.FromHours(2));

        var edited = await _app.WithServiceAsync<FileNoticeHandler, GovNetOps.Domain.Common.Result<FiledNotice>>(h => h.EditAsync(filed.Id, notice.Version, form, _app.Telecom));

        Assert.True(edited.IsSuccess, edited.Error);
        Assert.Equal(MaintenanceStatus.Pending, (await _app.NoticeAsync(filed.Id)).Status);
        await using var db = _app.NewDbContext();
        var audit = await db.ChangeRecords.SingleAsync(c => c.Action == "Edit");
        Assert.Equal("已批准的报备被修改，须重新审批", audit.Note);
        Assert.Contains("计划开始", audit.Before);
    }

    [Fact]
    public async Task Fault_InsideAnApprovedWindow_IsLinked_AndRuledPlannedInterruption_CancelsTheTicketWithoutABreach()
    {
        var (filed, site) = await _app.FileTelecomAsync(TimeSpan.FromHours(2), TimeSpan.FromHours(2));
        Assert.True((await _app.DecideAsync(filed.Id, true, _app.Ops)).IsSuccess);
        _app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10));
        Assert.True((await _app.StartWorkAsync(filed.Id, _app.Telecom)).IsSuccess);

        var inside = await _app.NewTicketAsync(IntakeFormBuilder.At(site, _app.Clock.GetUtcNow()).Build());
        var info = await _app.WithServiceAsync<InterruptionHandler, TicketMaintenance?>(h => h.ForTicketAsync(inside.Id, _app.Telecom));
        Assert.Equal(filed.Number, info!.NoticeNumber);

        var ruled = await _app.WithServiceAsync<InterruptionHandler, GovNetOps.Domain.Common.Result>(h => h.DecideAsync(inside.Id, InterruptionVerdict.PlannedInterruption, null, _app.Ops));

        Assert.True(ruled.IsSuccess, ruled.Error);
        var stored = await _app.LoadAsync(inside.Id);
        Assert.Equal(TicketState.Cancelled, stored.Record.State);
        Assert.Equal($"计划内中断（割接报备 {filed.Number}）", stored.Events[^1].Reason);
        Assert.Empty(await _app.ViolationsAsync());
    }

    [Fact]
    public async Task Fault_OutsideAnyWindow_IsNotLinked_AndCarrierWorkIsRecordedAsUnannouncedInterruption()
    {
        var (filed, site) = await _app.FileTelecomAsync(TimeSpan.FromHours(3), TimeSpan.FromHours(1));
        Assert.True((await _app.DecideAsync(filed.Id, true, _app.Ops)).IsSuccess);

        var before = await _app.NewTicketAsync(IntakeFormBuilder.At(site, _app.Clock.GetUtcNow()).Build()); // 3 h before the window
        var info = await _app.WithServiceAsync<InterruptionHandler, TicketMaintenance?>(h => h.ForTicketAsync(before.Id, _app.Ops));
        Assert.Null(info!.NoticeNumber);
        Assert.Equal("该判定不适用于此工单",
            (await _app.WithServiceAsync<InterruptionHandler, GovNetOps.Domain.Common.Result>(h => h.DecideAsync(before.Id, InterruptionVerdict.PlannedInterruption, null, _app.Ops))).Error);

        var ruled = await _app.WithServiceAsync<InterruptionHandler, GovNetOps.Domain.Common.Result>(h => h.DecideAsync(before.Id, InterruptionVerdict.UnannouncedInterruption, "运营商承认擅自调整光路", _app.Ops));

        Assert.True(ruled.IsSuccess, ruled.Error);
        var violation = Assert.Single(await _app.ViolationsAsync());
        Assert.Equal((CarrierViolationKind.UnannouncedInterruption, before.Id, site.ToString()), (violation.Kind, violation.TicketId!.Value, violation.SiteIds));
        Assert.True((await _app.LoadAsync(before.Id)).Record.IsOpen); // a real fault: its clocks run on
    }

    [Fact]
    public async Task Fault_InsideAPendingNoticesWindow_IsNotLinked()
    {
        var (filed, site) = await _app.FileTelecomAsync(TimeSpan.FromHours(2), TimeSpan.FromHours(2));
        _app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var ticket = await _app.NewTicketAsync(IntakeFormBuilder.At(site, _app.Clock.GetUtcNow()).Build());

        await using var db = _app.NewDbContext();
        Assert.False(await db.MaintenanceTicketLinks.AnyAsync(l => l.TicketId == ticket.Id));
        Assert.Equal(MaintenanceStatus.Pending, (await _app.NoticeAsync(filed.Id)).Status);
    }
}
