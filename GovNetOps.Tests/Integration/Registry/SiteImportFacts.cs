using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Import;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Registry;

public sealed class SiteImportFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public void Row_UsesTheTemplateHeaders() => Assert.Equal(SiteSheets.Headers, SiteSheets.Row(1).Keys);

    [Fact]
    public async Task ImportAsync_AddsEverySite_WhenTheWholeFileIsValid()
    {
        var before = await CountAsync();
        var (check, outcome, refusal) = await ImportAsync(SiteSheets.Valid(30), onlyValid: false);

        Assert.Null(refusal);
        Assert.Equal((30, 0), (check!.ValidCount, check.InvalidCount));
        Assert.Equal(new ImportOutcome(30, 0, 0), outcome);
        Assert.Equal(before + 30, await CountAsync());
        await using var db = _app.NewDbContext();
        var site = await db.Sites.SingleAsync(s => s.Name == "桐柏县第3测试局");
        Assert.Equal(("tbxd3csj", "0377-60000003", "10.200.0.48/28", LocationClass.Township),
            (site.PinyinInitials, site.TechContactMobile, site.IpAddresses, site.LocationClass));
        Assert.Equal(31, await db.ChangeRecords.CountAsync()); // one per site and one for the import
        Assert.Equal("30", ChangeLog.Fields(
            (await db.ChangeRecords.SingleAsync(c => c.EntityType == SiteImportHandler.ImportEntity)).After)["Created"]);
    }

    [Fact]
    public async Task ImportAsync_WritesNothing_AndNamesRowColumnAndProblem_WhenARowIsInvalid()
    {
        var rows = Enumerable.Range(1, 5).Select(n => SiteSheets.Row(n)).ToList();
        rows[1]["网络管理员手机"] = "1380000001"; // 10 digits: sheet row 3
        rows[2]["IP地址"] = "10.41.1.0/26"; // the demo's 中共桐柏县委办公室 holds it: row 4
        rows[3]["单位名称"] = "桐柏县财政局"; // updates that site, but…
        rows[3]["运营商"] = "铁通"; // …no such carrier: row 5
        rows[4]["单位名称"] = rows[0]["单位名称"]; // the same unit twice: row 6
        var before = await CountAsync();

        var (check, outcome, refusal) = await ImportAsync(SiteSheets.Write(rows), onlyValid: false);

        Assert.Null(outcome);
        Assert.Contains("4 行存在问题", refusal, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        await using (var db = _app.NewDbContext())
        {
            Assert.Empty(await db.ChangeRecords.ToListAsync());
        }

        Assert.Equal(
        [
            (3, "网络管理员手机", "网络管理员手机须为 11 位手机号码（如 13800000000）或带区号 0377 的座机号码（如 0377-66123456）"),
            (4, "IP地址", "IP 地址：IP 地址 10.41.1.0/26 与中共桐柏县委办公室已分配的 10.41.1.0/26 重叠"),
            (5, "运营商", "运营商“铁通”无法识别，应为：电信、联通、移动、中国电信桐柏分公司、中国联通桐柏分公司、中国移动桐柏分公司"),
            (6, "单位名称", "单位名称“桐柏县第1测试局”与第 2 行重复"),
        ], check!.Problems.Select(p => (p.Row, p.Column, p.Message)));
    }

    [Fact]
    public async Task ImportAsync_WritesOnlyTheValidRows_WhenTheAdminChoosesSo()
    {
        var rows = Enumerable.Range(1, 4).Select(n => SiteSheets.Row(n)).ToList();
        rows[2]["位置类别"] = "市直单位";
        rows[3]["IP地址"] = rows[0]["IP地址"]; // overlaps row 2 of the same file
        var before = await CountAsync();

        var (check, outcome, refusal) = await ImportAsync(SiteSheets.Write(rows), onlyValid: true);

        Assert.Null(refusal);
        Assert.Equal(new ImportOutcome(2, 0, 2), outcome);
        Assert.Equal([4, 5], check!.Problems.Select(p => p.Row));
        Assert.Equal(before + 2, await CountAsync());
    }

    [Fact]
    public async Task ImportAsync_UpdatesSitesByName_AndRecordsBeforeAndAfter()
    {
        var rows = new[] { SiteSheets.Row(1, "桐柏县财政局") };
        rows[0]["IP地址"] = "10.41.7.0/26"; // its own allocation stays its own
        rows[0]["带宽(Mbps)"] = 300;

        var (_, outcome, _) = await ImportAsync(SiteSheets.Write(rows), onlyValid: false);

        Assert.Equal(new ImportOutcome(0, 1, 0), outcome);
        await using var db = _app.NewDbContext();
        var site = await db.Sites.SingleAsync(s => s.Name == "桐柏县财政局");
        Assert.Equal(300, site.BandwidthMbps);
        var record = await db.ChangeRecords.SingleAsync(c => c.EntityType == SiteRegistry.EntityType);
        Assert.Equal(("100", "300"), (ChangeLog.Fields(record.Before)["BandwidthMbps"],
            ChangeLog.Fields(record.After)["BandwidthMbps"]));
    }

    [Fact]
    public async Task ExportThenImport_ChangesNothing_AndGivesTheSameColumnsBack()
    {
        await ImportAsync(SiteSheets.Valid(10), onlyValid: false);
        var exported = await _app.WithServiceAsync<SiteImportHandler, byte[]?>(h => h.ExportAsync(_app.Admin));
        await using (var db = _app.NewDbContext())
        {
            Assert.Equal(1, await db.ChangeRecords.CountAsync(c => c.EntityType == SiteImportHandler.ExportEntity));
        }

        using var stream = new MemoryStream(exported!);
        var (rows, problem) = SiteSpreadsheet.Read(stream);
        Assert.Null(problem);
        Assert.Equal(SiteSheets.Headers, rows![0].Cells.Keys);

        var (check, outcome, refusal) = await ImportAsync(exported!, onlyValid: false);

        Assert.Null(refusal);
        Assert.Equal(await CountAsync(), check!.Lines.Count);
        Assert.All(check.Lines, l => Assert.True(l.Updates));
        Assert.Equal(new ImportOutcome(0, 0, 0), outcome); // every row equal to its site: nothing changed
    }

    [Fact]
    public async Task CheckAsync_RefusesAFileThatIsNotTheTemplate()
    {
        var check = await _app.WithServiceAsync<SiteImportHandler, ImportCheck?>(h => h.CheckAsync(_app.Admin, "not a spreadsheet"u8.ToArray()));
        Assert.Equal("无法读取该文件：请上传由模板填写的 .xlsx 文件", check!.FileProblem);

        var wrongHeaders = SiteSheets.Write([new Dictionary<string, object?> { ["名称"] = "x" }]);
        check = await _app.WithServiceAsync<SiteImportHandler, ImportCheck?>(h => h.CheckAsync(_app.Admin, wrongHeaders));
        Assert.StartsWith("文件缺少这些列：单位名称、用户类型", check!.FileProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndExport_AreRefused_ForOps()
    {
        var (_, outcome, refusal) = await _app.WithServiceAsync<SiteImportHandler, (ImportCheck?, ImportOutcome?, string?)>(
            h => h.ImportAsync(_app.Ops, SiteSheets.Valid(2), "x.xlsx", false));
        Assert.Null(outcome);
        Assert.Equal("只有系统管理员可以修改登记信息", refusal);
        Assert.Null(await _app.WithServiceAsync<SiteImportHandler, byte[]?>(h => h.ExportAsync(_app.Ops)));
    }

    [Fact]
    public async Task ImportAsync_ChangesTheClassOfASiteWithOpenTickets_AndSaysTheyKeepTheirClass()
    {
        var siteId = await _app.SiteAsync(LocationClass.Township);
        await _app.NewTicketAsync(LocationClass.Township);
        await _app.NewTicketAsync(LocationClass.Township);
        string name;
        await using (var db = _app.NewDbContext())
        {
            name = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Name).SingleAsync();
        }

        var moved = SiteSheets.Row(1, name);
        moved["位置类别"] = "县直单位";
        var file = SiteSheets.Write([moved, SiteSheets.Row(2)]);

        var check = await _app.WithServiceAsync<SiteImportHandler, ImportCheck?>(h => h.CheckAsync(_app.Admin, file));
        var (_, outcome, refusal) = await ImportAsync(file, onlyValid: false);

        Assert.True(check!.IsAllValid);
        Assert.Equal([(2, "位置类别", "位置类别由“乡镇区域”改为“县直单位”：该单位 2 张未关闭工单仍按原类别计时，新工单按新类别计时。")],
            check.Notices.Select(n => (n.Row, n.Column, n.Message)));
        Assert.Null(refusal);
        Assert.Equal(new ImportOutcome(1, 1, 0), outcome);
        await using var after = _app.NewDbContext();
        Assert.Equal(LocationClass.CountyDirect, (await after.Sites.SingleAsync(s => s.Id == siteId)).LocationClass);
        Assert.All(await after.FaultTickets.Where(t => t.SiteId == siteId).ToListAsync(), t => Assert.Equal(LocationClass.Township, t.LocationClass));
        var audit = await after.ChangeRecords.SingleAsync(c => c.EntityType == SiteRegistry.EntityType && c.EntityId == siteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("Imported", "units.xlsx：" + check.Notices[0].Message), (audit.Action, audit.Note));
        Assert.Equal(("乡镇区域", "县直单位"), (ChangeLabelsOf(audit.Before), ChangeLabelsOf(audit.After)));
    }

    private static string? ChangeLabelsOf(string json) =>
        GovNetOps.Web.Features.Admin.Changes.ChangeLabels.Value("Site", "LocationClass", ChangeLog.Fields(json)["LocationClass"]);

    private Task<(ImportCheck?, ImportOutcome?, string?)> ImportAsync(byte[] file, bool onlyValid) =>
        _app.WithServiceAsync<SiteImportHandler, (ImportCheck?, ImportOutcome?, string?)>(
            h => h.ImportAsync(_app.Admin, file, "units.xlsx", onlyValid));

    private async Task<int> CountAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.Sites.CountAsync();
    }
}
