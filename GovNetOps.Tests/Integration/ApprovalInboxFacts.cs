using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

/// <summary>Ops's inbox over the real app: what waits, who asked, when and why; a decision takes it out.</summary>
public sealed class ApprovalInboxFacts : IAsyncLifetime
{
    private readonly GovNetOpsFactory _app = new();
    private TicketDriver _driver = default!;

    public Task InitializeAsync()
    {
        _app.CreateClient().Dispose();
        _driver = new TicketDriver(_app.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task List_ShowsEachPendingRequest_UntilOpsDecidesIt()
    {
        var inbox = _app.Services.GetRequiredService<ApprovalInbox>();
        var site = await _driver.SiteAsync(LocationClass.Township, carrierId: 1);
        var (id, number) = await _driver.ReportAsync(site, TimeProvider.System.GetUtcNow());
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.Acknowledge);
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.RequestComplex, "主干光缆被挖断，需重新熔接");
        await _driver.ApplyAsync(id, "telecom", TicketTrigger.RequestSuspend, "单位机房锁门");

        var items = await inbox.ListAsync();

        // One ticket, two requests: two items, each with its own reason; the request events carry who and when.
        Assert.Equal([("申请复杂故障", "主干光缆被挖断，需重新熔接"), ("申请挂起", "单位机房锁门")], items.Select(i => (i.What, i.Reason)));
        Assert.All(items, i => Assert.Equal((number, $"/tickets/{number}", "刘强"), (i.Reference, i.Href, i.RequestedBy)));
        Assert.Equal(2, await inbox.CountAsync());

        await _driver.ApplyAsync(id, "ops", TicketTrigger.ApproveComplex);

        Assert.Equal(["申请挂起"], (await inbox.ListAsync()).Select(i => i.What));
        Assert.Equal(1, await inbox.CountAsync());
    }
}
