using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Features.Reports;
using GovNetOps.Web.Features.Reports.Disputes;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Reports;

/// <summary>Disputes of the breach ledger over the April of <see cref="ReportMonthFixture"/> (M3 waived with a photo, M5 upheld,
/// M9 pending): who may dispute and decide what, once; the audit; who may download an attachment; Ops's inbox.</summary>
public sealed class BreachDisputeFacts(ReportMonthFixture month) : IClassFixture<ReportMonthFixture>
{
    private Task<Result<long>> RaiseAsync(ClaimsPrincipal user, string number, ClockKind clock, string? reason, params DisputeUpload[] files) =>
        month.App.WithServiceAsync<BreachDisputeHandler, Result<long>>(h => h.RaiseAsync(user, number, clock, reason, files));

    private Task<Result> DecideAsync(ClaimsPrincipal user, long id, bool waive, string? reason) =>
        month.App.WithServiceAsync<BreachDisputeHandler, Result>(h => h.DecideAsync(user, id, waive, reason));

    private Task<BreachLineView?> LineAsync(ClaimsPrincipal user, string number, ClockKind clock) =>
        month.App.WithServiceAsync<BreachDisputeHandler, BreachLineView?>(h => h.LineAsync(user, number, clock));

    [Fact]
    public async Task Raise_IsRefused_WhenTheLineIsAnotherCarriers()
    {
        var m11 = await month.NumberAsync("M11");

        foreach (var other in new[] { month.App.Telecom, month.App.Unicom })
        {
            var raised = await RaiseAsync(other, m11, ClockKind.Response, "不是本运营商的记录");
            Assert.Equal("未找到该超时记录，或您无权查看。", raised.Error);
            Assert.Null(await LineAsync(other, m11, ClockKind.Response));
        }
        Assert.Equal("只有该记录所属运营商的账号可以申诉。", (await RaiseAsync(month.App.Ops, m11, ClockKind.Response, "运维代申诉")).Error);
        Assert.Equal("只有该记录所属运营商的账号可以申诉。", (await RaiseAsync(month.App.Leader, m11, ClockKind.Response, "领导代申诉")).Error);
        Assert.Null((await LineAsync(month.Mobile, m11, ClockKind.Response))!.Dispute);
    }

    [Fact]
    public async Task Raise_IsRefused_WhenTheClockWasMet_OrTheLineIsAlreadyDisputed()
    {
        var m1 = await month.NumberAsync("M1");
        Assert.Equal("未找到该超时记录，或您无权查看。", (await RaiseAsync(month.Mobile, m1, ClockKind.Repair, "恰好在截止时间修复")).Error);
        Assert.Null(await LineAsync(month.App.Ops, m1, ClockKind.Repair));

        var m3 = await month.NumberAsync("M3");
        Assert.Equal("该超时记录已申诉（已豁免），每条记录只能申诉一次。", (await RaiseAsync(month.Mobile, m3, ClockKind.Response, "再次申诉")).Error);
        var m5 = await month.NumberAsync("M5");
        Assert.Equal("该超时记录已申诉（维持超时），每条记录只能申诉一次。", (await RaiseAsync(month.Mobile, m5, ClockKind.Repair, "对维持不服")).Error);
    }

    [Fact]
    public async Task Raise_IsRefused_WithANamedReason_WhenReasonOrFilesAreBad_AndNothingIsSaved()
    {
        var m11 = await month.NumberAsync("M11");
        var pdf = "%PDF-1.7 test"u8.ToArray();

        Assert.Equal("申诉理由不能为空：请说明该超时不应计入的原因。", (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "   ")).Error);
        Assert.Equal("申诉理由不能超过 1000 字。", (await RaiseAsync(month.Mobile, m11, ClockKind.Response, new string('理', 1001))).Error);
        Assert.Equal("附件“setup.exe”的类型不允许：只接受照片（JPG、PNG）、PDF 和 Word/Excel 文档。",
            (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "理由", new DisputeUpload("setup.exe", [0x4D, 0x5A]))).Error);
        Assert.Equal("附件“说明.pdf”的内容不是真正的 PDF 文件（扩展名与内容不符），请从原程序重新导出后上传。",
            (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "理由", new DisputeUpload("说明.pdf", ReportMonthFixture.Photo))).Error);
        Assert.Equal("附件“大.pdf”超过 5 MB，请压缩或拆分后再上传。",
            (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "理由", new DisputeUpload("大.pdf", [.. pdf, .. new byte[DisputeFiles.MaxBytes]]))).Error);
        Assert.Equal("附件“空.png”是空文件，请重新选择。",
            (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "理由", new DisputeUpload("空.png", []))).Error);
        var six = Enumerable.Range(1, 6).Select(i => new DisputeUpload($"{i}.pdf", pdf)).ToArray();
        Assert.Equal("附件最多 5 个，当前选择了 6 个，请删去多余的文件。", (await RaiseAsync(month.Mobile, m11, ClockKind.Response, "理由", six)).Error);

        var line = await LineAsync(month.Mobile, m11, ClockKind.Response);
        Assert.Null(line!.Dispute);
        Assert.True(line.CanDispute);
        Assert.Empty(line.History);
    }

    [Fact]
    public async Task Raise_TwiceAtOnce_SavesOneDispute()
    {
        var m2 = await month.NumberAsync("M2");
        var pdf = "%PDF-1.4 运维记录"u8.ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RaiseAsync(month.Mobile, m2, ClockKind.Repair, "仅超时 1 秒，系网管时钟误差", new DisputeUpload("网管日志.pdf", pdf))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal("该超时记录已申诉（申诉待处理），每条记录只能申诉一次。", Assert.Single(results, r => !r.IsSuccess).Error);
        await using var db = month.App.NewDbContext();
        var id = month.Tickets["M2"].Id;
        var dispute = await db.BreachDisputes.Include(d => d.Attachments).SingleAsync(d => d.TicketId == id);
        Assert.Equal((BreachDisputeState.Pending, ReportMonthFixture.MobileId, 1), (dispute.State, dispute.CarrierId, dispute.Attachments.Count));
        Assert.Equal(pdf, dispute.Attachments[0].Content);
        Assert.Equal("application/pdf", dispute.Attachments[0].ContentType);
    }

    [Fact]
    public async Task Decide_IsRefused_ForACarrier_WithoutReason_AndOnceDecided()
    {
        Assert.Equal("只有运维中心可以处理申诉。", (await DecideAsync(month.Mobile, month.Disputes["M9"], true, "自行豁免")).Error);
        Assert.Equal("只有运维中心可以处理申诉。", (await DecideAsync(month.App.Leader, month.Disputes["M9"], true, "领导豁免")).Error);
        Assert.Equal("处理意见不能为空：请写明维持或豁免的理由。", (await DecideAsync(month.App.Ops, month.Disputes["M9"], true, "")).Error);
        Assert.Equal("该申诉已处理（已豁免），不能再次处理。", (await DecideAsync(month.App.Ops, month.Disputes["M3"], false, "改为维持")).Error);
        Assert.Equal("该申诉已处理（维持超时），不能再次处理。", (await DecideAsync(month.App.Ops, month.Disputes["M5"], true, "改为豁免")).Error);
        Assert.Equal("未找到该申诉。", (await DecideAsync(month.App.Ops, 999_999, true, "不存在")).Error);

        var m9 = await LineAsync(month.App.Ops, await month.NumberAsync("M9"), ClockKind.Repair);
        Assert.Equal(BreachDisputeState.Pending, m9!.Dispute!.State);
        Assert.True(m9.CanDecide);
        Assert.False((await LineAsync(month.App.Leader, await month.NumberAsync("M9"), ClockKind.Repair))!.CanDecide);
    }

    [Fact]
    public async Task Decide_TwiceAtOnce_DecidesOnce()
    {
        var m11 = await month.NumberAsync("M11");
        var raised = await RaiseAsync(month.Mobile, m11, ClockKind.Repair, "修复时限内已恢复业务，待观察后才标记");
        Assert.True(raised.IsSuccess, raised.Error);

        var results = await Task.WhenAll(DecideAsync(month.App.Ops, raised.Value, true, "豁免"), DecideAsync(month.App.Ops, raised.Value, false, "维持"));

        var won = Assert.Single(results, r => r.IsSuccess);
        var lost = Assert.Single(results, r => !r.IsSuccess);
        await using var db = month.App.NewDbContext();
        var state = await db.BreachDisputes.Where(d => d.Id == raised.Value).Select(d => d.State).SingleAsync();
        Assert.Equal($"该申诉已处理（{BreachDisputeHandler.StateLabel(state)}），不能再次处理。", lost.Error);
        Assert.Single(await db.ChangeRecords.Where(c => c.EntityType == BreachDisputeHandler.EntityType && c.EntityId == $"{m11}/Repair" && c.Action != "Disputed").ToListAsync());
        Assert.NotNull(won);
    }

    [Fact]
    public async Task DisputeAndDecision_AreAudited_OnTheLine()
    {
        var m3 = await month.NumberAsync("M3");

        var line = await LineAsync(month.App.Leader, m3, ClockKind.Response);

        Assert.Equal(BreachDisputeState.Waived, line!.Dispute!.State);
        Assert.Equal(("孙浩", "核实供电公司停电通知属实，予以豁免。"), (line.Dispute.RaisedByName, line.Dispute.DecisionReason));
        Assert.Equal(ReportMonthFixture.ReportAt, line.Dispute.DecidedAt);
        Assert.Equal(
        [
            ("Disputed", "Carrier", "孙浩", "当日县供电公司计划停电，已提前报备，见停电通知照片。"),
            ("Waived", "Ops", line.History[1].UserName, "核实供电公司停电通知属实，予以豁免。"),
        ], line.History.Select(h => (h.Action, h.Role, h.UserName, h.Note)));
        Assert.Contains("停电通知.png (16 B, SHA-256 ", line.History[0].After, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"Waived\"", line.History[1].After, StringComparison.Ordinal);
        Assert.Contains("\"State\":\"Pending\"", line.History[1].Before, StringComparison.Ordinal);
        Assert.False(line.CanDispute);
        Assert.False(line.CanDecide);
    }

    [Fact]
    public async Task Attachment_IsDownloadable_ByOpsLeaderAndTheOwningCarrierOnly()
    {
        var line = await LineAsync(month.App.Ops, await month.NumberAsync("M3"), ClockKind.Response);
        var attachment = Assert.Single(line!.Dispute!.Attachments);
        Assert.Equal(("停电通知.png", 16L), (attachment.FileName, attachment.Size));

        foreach (var allowed in new[] { month.App.Ops, month.App.Leader, month.Mobile })
        {
            var file = await month.App.WithServiceAsync<BreachDisputeHandler, DisputeFile?>(h => h.AttachmentAsync(allowed, attachment.Id));
            Assert.Equal(("停电通知.png", "image/png"), (file!.FileName, file.ContentType));
            Assert.Equal(ReportMonthFixture.Photo, file.Content);
        }
        foreach (var refused in new[] { month.App.Telecom, month.App.Unicom, month.App.Admin, month.App.AuditAdmin })
        {
            Assert.Null(await month.App.WithServiceAsync<BreachDisputeHandler, DisputeFile?>(h => h.AttachmentAsync(refused, attachment.Id)));
        }
    }

    [Fact]
    public async Task PendingDisputes_AreInOpsApprovalsInbox_LinkingToTheLine()
    {
        var m9 = await month.NumberAsync("M9");

        var items = await month.App.WithServiceAsync<ApprovalInbox, IReadOnlyList<ApprovalItem>>(i => i.ListAsync());

        var item = Assert.Single(items, i => i.Key.StartsWith("dispute:", StringComparison.Ordinal) && i.Reference == m9);
        Assert.Equal(("超时申诉（修复）", $"/reports/breaches/{m9}/repair", "移动", "孙浩", "光缆被市政施工挖断，属复杂故障。"),
            (item.What, item.Href, item.CarrierShortName, item.RequestedBy, item.Reason));
        var decided = new[] { await month.NumberAsync("M3"), await month.NumberAsync("M5") };
        Assert.DoesNotContain(items, i => decided.Contains(i.Reference));
        Assert.Equal(BreachLine.PathOf(m9, ClockKind.Repair), item.Href);
    }
}
