using System.Globalization;
using Bunit;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Security;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Web.Board;

/// <summary>The board's 断网整改中 panel over the real app: it appears when a serious finding cuts a site off and goes
/// when the site is reconnected, pushed by SiteConnectionChanged from the findings handler (no polling: nothing else
/// would re-render it).</summary>
public sealed class DisconnectedSitesPanelFacts : BunitTestContext, IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        await _app.InitializeAsync();
        Services.AddSingleton(_app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(_app.Services.GetRequiredService<Notifier<SiteConnectionChanged>>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Task<Result> Findings(Func<SecurityFindingHandler, Task<Result>> action) => _app.WithServiceAsync(action);

    [Fact]
    public async Task Panel_AppearsLiveWithSinceAndFinding_AndGoesWhenTheSiteIsReconnected()
    {
        var siteId = await _app.SiteAsync(LocationClass.Township);
        string siteName;
        await using (var db = _app.NewDbContext())
        {
            siteName = await db.Sites.Where(s => s.Id == siteId).Select(s => s.Name).SingleAsync();
        }

        var cut = Render<DisconnectedSitesPanel>();
        Assert.Empty(cut.FindAll("[data-testid=board-disconnected]"));

        var due = ChinaTime.DateOf(_app.Clock.GetUtcNow()).AddDays(7);
        Assert.True((await Findings(h => h.RecordAsync(siteId, FindingSeverity.General, "机房未上锁", due, _app.Ops))).IsSuccess);
        Assert.True((await Findings(h => h.RecordAsync(siteId, FindingSeverity.Serious, "终端私接互联网", due, _app.Ops))).IsSuccess);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find($"[data-testid=board-disconnected-site][data-site-id='{siteId}']");
            Assert.Equal(siteName, row.QuerySelector(".bd-name")!.TextContent);
            Assert.Equal($"自 {ChinaTime.Format(_app.Clock.GetUtcNow())} 起", row.QuerySelector(".bd-since")!.TextContent);
            Assert.Equal("终端私接互联网", row.QuerySelector(".bd-finding")!.TextContent); // the finding that cut it off, not the general one
            Assert.Equal("断网整改中（1 个单位）", cut.Find(".board-disconnected-title").TextContent);
        }, TimeSpan.FromSeconds(10));

        int findingId;
        await using (var db = _app.NewDbContext())
        {
            findingId = await db.SecurityFindings.Where(f => f.SiteId == siteId && f.Disconnected).Select(f => f.Id).SingleAsync();
        }

        Assert.True((await Findings(h => h.RectifyAsync(findingId, "已拆除私接线路", _app.Ops))).IsSuccess);
        Assert.True((await Findings(h => h.VerifyAsync(findingId, _app.Ops))).IsSuccess);
        Assert.True((await Findings(h => h.ReconnectAsync(siteId, _app.Ops))).IsSuccess);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=board-disconnected]")), TimeSpan.FromSeconds(10));
    }
}
