using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>One outage, many sites: an incident report creates one ticket per site (or none), all with one report time
/// and one incident; the carrier acknowledges its own tickets of the incident together.</summary>
public sealed class IncidentFacts(TicketApp app) : IClassFixture<TicketApp>
{
    private async Task<List<Site>> SitesAsync(int carrierId, LocationClass cls, int count)
    {
        await using var db = app.NewDbContext();
        var sites = await db.Sites.AsNoTracking().Where(s => s.CarrierId == carrierId && s.LocationClass == cls && s.IsActive)
            .OrderBy(s => s.Id).Take(count).ToListAsync();
        Assert.Equal(count, sites.Count);
        return sites;
    }

    private IntakeForm Form(IEnumerable<int> siteIds, DateTimeOffset reportedAt, FaultScope scope = FaultScope.Backbone) => new()
    {
        SiteIds = siteIds.ToList(), Scope = scope, Symptoms = "汇聚链路中断，多个乡镇政务外网不通", ReporterName = "赵伟",
        ReporterMobile = "13937712345", ReportedAtChina = ChinaTime.ToChina(reportedAt).DateTime, BackdateReason = "汇聚链路告警后补录",
    };

    private Task<IncidentResult> ReportAsync(IntakeForm form, ClaimsPrincipal? user = null) =>
        app.WithServiceAsync<ReportIncidentHandler, IncidentResult>(h => h.ReportAsync(form, user ?? app.Ops));

    private async Task<List<FaultTicketRecord>> TicketsAsync(string incident)
    {
        await using var db = app.NewDbContext();
        return await db.FaultTickets.AsNoTracking().Where(t => t.IncidentNumber == incident).OrderBy(t => t.Number).ToListAsync();
    }

    [Fact]
    public async Task ReportAsync_CreatesOneTicketPerSite_WithOneReportTimeAndIncident_AndEachSitesRegistryClassAndCarrier()
    {
        var sites = (await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 2))
            .Concat(await SitesAsync(TicketApp.TelecomId, LocationClass.CountyDirect, 1)).ToList();
        var reportedAt = app.Clock.GetUtcNow() - TimeSpan.FromMinutes(20);

        var result = await ReportAsync(Form(sites.Select(s => s.Id), reportedAt));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Matches(@"^SJ-\d{8}-\d{2}$", result.IncidentNumber);
        var tickets = await TicketsAsync(result.IncidentNumber!);
        Assert.Equal(result.Numbers.Order(), tickets.Select(t => t.Number));
        Assert.Equal(sites.Select(s => (s.Id, s.CarrierId, s.LocationClass)).Order(), tickets.Select(t => (t.SiteId, t.CarrierId, t.LocationClass)).Order());
        Assert.All(tickets, t =>
        {
            Assert.Equal(reportedAt, t.ReportedAt);
            Assert.Equal(FaultScope.Backbone, t.Scope);
            Assert.Equal(tickets[0].IncidentId, t.IncidentId);
            Assert.Equal(TicketState.Reported, t.State);
            Assert.Equal(reportedAt + TimeSpan.FromHours(1), t.ResponseDeadline); // each its own clocks
        });
        Assert.Equal(reportedAt + TimeSpan.FromHours(6), tickets.First(t => t.LocationClass == LocationClass.Township).RepairDeadline);
        Assert.Equal(reportedAt + TimeSpan.FromHours(2), tickets.Single(t => t.LocationClass == LocationClass.CountyDirect).RepairDeadline);
        var stored = await app.LoadAsync(tickets[0].Id);
        Assert.Equal(tickets[0].IncidentId, stored.Rehydrated.IncidentId); // in the Report event's data

        // The ticket page names the incident and links its tickets (a carrier: its own); the list filters by it.
        var ops = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(h => h.FindAsync(tickets[0].Number, app.Ops));
        Assert.Equal(tickets.Select(t => t.Number), ops!.Incident.Select(i => i.Number));
        var unicomTicket = tickets.First(t => t.CarrierId == TicketApp.UnicomId).Number;
        var unicom = await app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(h => h.FindAsync(unicomTicket, app.Unicom));
        Assert.Equal(2, unicom!.Incident.Count);
        var listed = await app.WithServiceAsync<ListTicketsHandler, TicketResults>(h => h.ListAsync(new TicketQuery { Incident = result.IncidentNumber }, app.Ops));
        Assert.Equal(3, listed.Total);
        Assert.All(listed.Items, r => Assert.Equal(result.IncidentNumber, r.IncidentNumber));
    }

    [Fact]
    public async Task ReportAsync_GivesLanScopeToEveryTicket_WithoutCarrierClocks()
    {
        var sites = await SitesAsync(TicketApp.TelecomId, LocationClass.Township, 2);

        var result = await ReportAsync(Form(sites.Select(s => s.Id), app.Clock.GetUtcNow(), FaultScope.Lan));

        Assert.True(result.IsSuccess, result.Error);
        Assert.All(await TicketsAsync(result.IncidentNumber!), t => Assert.Equal((FaultScope.Lan, (DateTimeOffset?)null), (t.Scope, t.ResponseDeadline)));
    }

    [Fact]
    public async Task ReportAsync_CreatesNothing_WhenOneSiteIsRetired()
    {
        var sites = await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 2);
        int retired;
        await using (var db = app.NewDbContext())
        {
            var site = new Site { Name = "旧城郊乡政府（已撤并）", PinyinInitials = "jcjx", LocationClass = LocationClass.Township, CarrierId = TicketApp.UnicomId, IsActive = false };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            retired = site.Id;
        }
        int before;
        await using (var db = app.NewDbContext())
        {
            before = await db.FaultTickets.CountAsync();
        }

        var result = await ReportAsync(Form([sites[0].Id, retired, sites[1].Id], app.Clock.GetUtcNow()));

        Assert.False(result.IsSuccess);
        Assert.Equal("以下接入单位已停用或不存在：旧城郊乡政府（已撤并）。未创建任何工单，请移除后再提交", result.Errors[nameof(IntakeForm.SiteIds)]);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(before, await db.FaultTickets.CountAsync());
        }
    }

    [Theory]
    [InlineData(1, "同一事件请至少选择 2 个接入单位")]
    [InlineData(0, "同一事件请至少选择 2 个接入单位")]
    public async Task ReportAsync_Refuses_WhenFewerThanTwoSites(int count, string message)
    {
        var sites = await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 1);

        var result = await ReportAsync(Form(sites.Take(count).Select(s => s.Id), app.Clock.GetUtcNow()));

        Assert.Equal(message, result.Errors[nameof(IntakeForm.SiteIds)]);
    }

    [Fact]
    public async Task ReportAsync_Refuses_ForACarrier()
    {
        var sites = await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 2);

        var result = await ReportAsync(Form(sites.Select(s => s.Id), app.Clock.GetUtcNow()), app.Unicom);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task AcknowledgeIncident_AcknowledgesExactlyTheCarriersOwnReportedTickets_AndReportsEachRefusal()
    {
        var sites = (await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 3))
            .Concat(await SitesAsync(TicketApp.TelecomId, LocationClass.Township, 1)).ToList();
        var result = await ReportAsync(Form(sites.Select(s => s.Id), app.Clock.GetUtcNow()));
        Assert.True(result.IsSuccess, result.Error);
        var incident = result.IncidentNumber!;
        var seen = await app.WithServiceAsync<CarrierQueueHandler, IReadOnlyList<TicketRow>>(h => h.QueueAsync(app.Unicom));
        var group = Assert.Single(CarrierQueueHandler.Incidents(seen), g => g.Incident == incident);
        Assert.Equal(3, group.Rows.Count);
        // Meanwhile one of them was acknowledged from another screen: the carrier's view of it is stale.
        var stale = group.Rows[2];
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await app.ApplyAsync(stale.Id, stale.Version, new TicketCommand(TicketTrigger.Acknowledge), app.Unicom)).IsSuccess);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var done = await app.WithServiceAsync<CarrierQueueHandler, IncidentAcknowledgement>(h => h.AcknowledgeIncidentAsync(incident, seen, app.Unicom));

        Assert.Equal(group.Rows.Take(2).Select(r => r.Number), done.Acknowledged);
        var refused = Assert.Single(done.Refused);
        Assert.Equal((stale.Number, TicketStore.ConflictMessage), refused);
        var tickets = await TicketsAsync(incident);
        Assert.All(tickets.Where(t => t.CarrierId == TicketApp.UnicomId), t => Assert.Equal(TicketState.Acknowledged, t.State));
        Assert.Equal(TicketState.Reported, tickets.Single(t => t.CarrierId == TicketApp.TelecomId).State); // another carrier's: untouched
    }

    [Fact]
    public async Task AcknowledgeIncident_TouchesNoOtherCarriersTicket_WhenHandedItsRows()
    {
        var sites = (await SitesAsync(TicketApp.UnicomId, LocationClass.Township, 1))
            .Concat(await SitesAsync(TicketApp.TelecomId, LocationClass.Township, 1)).ToList();
        var result = await ReportAsync(Form(sites.Select(s => s.Id), app.Clock.GetUtcNow()));
        var telecomRows = await app.WithServiceAsync<CarrierQueueHandler, IReadOnlyList<TicketRow>>(h => h.QueueAsync(app.Telecom));

        // A crafted call: Unicom hands over Telecom's rows of the incident.
        var done = await app.WithServiceAsync<CarrierQueueHandler, IncidentAcknowledgement>(h => h.AcknowledgeIncidentAsync(result.IncidentNumber!, telecomRows, app.Unicom));

        Assert.Empty(done.Acknowledged);
        Assert.Single(done.Refused);
        Assert.All(await TicketsAsync(result.IncidentNumber!), t => Assert.Equal(TicketState.Reported, t.State));
    }
}
