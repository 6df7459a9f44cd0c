using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Security;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Features.Tickets.Intake;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Applications;

/// <summary>Article 9 over the real app: a serious finding disconnects the site at once (still active, visible at
/// intake as disconnected); reconnection is refused until the rectification is recorded and verified; all audited.</summary>
public sealed class SecurityFindingFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private Task<Result> Do(Func<SecurityFindingHandler, Task<Result>> action) => _app.WithServiceAsync(action);

    [Fact]
    public async Task SeriousFinding_DisconnectsAtOnce_AndReconnectNeedsAVerifiedRectification()
    {
        var siteId = await _app.SiteAsync(LocationClass.Township);
        var due = ChinaTime.DateOf(_app.Clock.GetUtcNow()).AddDays(10);

        Assert.Equal("整改期限不能早于今天", (await Do(h => h.RecordAsync(siteId, FindingSeverity.Serious, "弱口令", due.AddDays(-20), _app.Ops))).Error);
        Assert.Equal("您无权执行此操作", (await Do(h => h.RecordAsync(siteId, FindingSeverity.Serious, "弱口令", due, _app.Telecom))).Error);
        Assert.True((await Do(h => h.RecordAsync(siteId, FindingSeverity.Serious, "终端存在弱口令并私接互联网", due, _app.Ops))).IsSuccess);

        await using (var db = _app.NewDbContext())
        {
            var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId);
            Assert.Equal((SiteConnectionStatus.DisconnectedForRectification, true), (site.Status, site.IsActive));
        }

        var sites = await _app.WithServiceAsync<ReportFaultHandler, IReadOnlyList<SiteOption>>(h => h.SitesAsync());
        Assert.Equal(SiteConnectionStatus.DisconnectedForRectification, sites.Single(s => s.Id == siteId).Status); // the intake form warns

        Assert.Equal("该单位还有 1 个严重问题的整改未经验证，验证整改后才能恢复接入", (await Do(h => h.ReconnectAsync(siteId, _app.Ops))).Error);
        int findingId;
        await using (var db = _app.NewDbContext())
        {
            findingId = await db.SecurityFindings.Where(f => f.SiteId == siteId).Select(f => f.Id).SingleAsync();
        }

        Assert.Equal("使用单位尚未登记整改情况，不能验证", (await Do(h => h.VerifyAsync(findingId, _app.Ops))).Error);
        Assert.True((await Do(h => h.RectifyAsync(findingId, "已修改口令并拆除私接线路", _app.Ops))).IsSuccess);
        Assert.Equal("该单位还有 1 个严重问题的整改未经验证，验证整改后才能恢复接入", (await Do(h => h.ReconnectAsync(siteId, _app.Ops))).Error);
        Assert.True((await Do(h => h.VerifyAsync(findingId, _app.Ops))).IsSuccess);
        _app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.True((await Do(h => h.ReconnectAsync(siteId, _app.Ops))).IsSuccess);

        await using var check = _app.NewDbContext();
        Assert.Equal(SiteConnectionStatus.Connected, (await check.Sites.AsNoTracking().SingleAsync(s => s.Id == siteId)).Status);
        var finding = await check.SecurityFindings.AsNoTracking().SingleAsync(f => f.Id == findingId);
        Assert.Equal((true, _app.Clock.GetUtcNow()), (finding.Disconnected, finding.ReconnectedAt)); // the monthly report counts the reconnection then
        var audit = await check.ChangeRecords.AsNoTracking().OrderBy(c => c.Id).Select(c => c.EntityType + "." + c.Action).ToListAsync();
        Assert.Equal(["SecurityFindingRecord.Record", "Site.Disconnect", "SecurityFindingRecord.Rectify", "SecurityFindingRecord.Verify", "Site.Reconnect"], audit);
    }
}
