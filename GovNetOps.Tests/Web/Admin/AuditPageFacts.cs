using System.Globalization;
using Bunit;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Audit;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Web.Admin;

/// <summary>The admin's event-chain page over a real database: intact, then tampered with by SQL.</summary>
public sealed class AuditPageFacts : BunitTestContext, IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        await _app.InitializeAsync();
        var ticket = await _app.NewTicketAsync();
        await _app.MoveAsync(ticket, (TicketTrigger.Acknowledge, _app.Telecom), (TicketTrigger.PostProgress, _app.Telecom));
        Services.AddSingleton(_app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(_app.Services.GetRequiredService<GovNetOps.Web.Infrastructure.Tickets.TicketStore>());
        Services.AddSingleton<TimeProvider>(_app.Clock);
        Services.AddSingleton<ILoggerFactory>(_app.Services.GetRequiredService<ILoggerFactory>());
        Services.AddLogging();
    }

    // MudBlazor's services are async-disposable only: dispose the bUnit container asynchronously first.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Verify_ShowsIntactWithEventCount_WhenLogIsUntouched()
    {
        var cut = Render<AuditPage>();
        Assert.Empty(cut.FindAll("[data-testid=intact]"));

        await cut.Find("[data-testid=verify]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("完整", cut.Find("[data-testid=intact]").TextContent));
        Assert.Contains("共 3 条事件", cut.Find("[data-testid=intact]").TextContent);
        Assert.Contains("2026-03-02 09:02", cut.Find("[data-testid=intact]").TextContent);
        Assert.Empty(cut.FindAll("[data-problem]"));
    }

    [Fact]
    public async Task Verify_ListsEveryProblem_WhenEventsWereEditedAndDeleted()
    {
        await using (var db = _app.NewDbContext())
        {
            var events = await db.TicketEvents.OrderBy(e => e.Id).ToListAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE TicketEvents SET Reason = '伪造说明' WHERE Id = {events[0].Id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM TicketEvents WHERE Id = {events[2].Id}");
        }
        var cut = Render<AuditPage>();

        await cut.Find("[data-testid=verify]").ClickAsync(new());

        // The deleted event was the last one: the signed chain head (keyed chain) also names the cut tail.
        cut.WaitForAssertion(() => Assert.Contains("发现 3 处问题（共 2 条事件）", cut.Find("[data-testid=broken]").TextContent));
        var problems = cut.FindAll("[data-problem]").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("第 1 条）的内容与哈希不符：该记录被修改"));
        Assert.Contains(problems, p => p.Contains("记录了 3 条事件，事件表中实际有 2 条：事件被删除或插入"));
        Assert.Contains(problems, p => p.Contains("事件链末尾被截断"));
        Assert.Empty(cut.FindAll("[data-testid=intact]"));
        Assert.Contains(_app.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Event chain verification found 3 problems"));
    }
}
