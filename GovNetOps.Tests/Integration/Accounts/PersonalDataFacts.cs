using System.Security.Claims;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Admin.Carriers;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Features.Tickets.Detail;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Integration.Accounts;

/// <summary>Mobile numbers (等保 personal data, issue 14 item 6) over the real app: those who call people read them in
/// full (Ops, the owning carrier, the system administrator who keeps the registry); a leader reads them masked, on the
/// ticket page and in the registry, because the handlers mask them on the server.</summary>
public sealed class PersonalDataFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TicketPage_ShowsTheReporterAndSiteContactInFull_ToOpsAndTheCarrier_AndMasked_ToALeader()
    {
        var ticket = await _app.NewTicketAsync();
        await using var db = _app.NewDbContext();
        var siteMobile = await db.FaultTickets.Where(t => t.Id == ticket.Id).Select(t => t.Site!.NetworkAdminMobile).SingleAsync();
        Assert.Matches("^1[3-9][0-9]{9}$", siteMobile);
        var masked = $"{siteMobile[..3]}****{siteMobile[7..]}";

        var ops = await DetailsAsync(_app.Ops, ticket.Number);
        var carrier = await DetailsAsync(_app.Telecom, ticket.Number);
        var leader = await DetailsAsync(_app.Leader, ticket.Number);

        Assert.Equal(("13937712345", "13937712345", "139****2345"), (ops.ReporterMobile, carrier.ReporterMobile, leader.ReporterMobile));
        Assert.EndsWith(" " + siteMobile, ops.SiteContact, StringComparison.Ordinal);
        Assert.EndsWith(" " + siteMobile, carrier.SiteContact, StringComparison.Ordinal);
        Assert.EndsWith(" " + masked, leader.SiteContact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_ShowsMobilesInFull_ToOpsAndTheAdministrator_AndMasked_ToALeader_WithoutChangingTheStoredNumbers()
    {
        await using var db = _app.NewDbContext();
        var site = await db.Sites.AsNoTracking().OrderBy(s => s.Id).FirstAsync(s => s.IsActive);
        var carrier = await db.Carriers.AsNoTracking().SingleAsync(c => c.Id == TicketApp.TelecomId);

        foreach (var (user, full) in new[] { (_app.Ops, true), (_app.Admin, true), (_app.Leader, false) })
        {
            var expect = (string n) => full ? n : $"{n[..3]}****{n[7..]}";
            var row = (await _app.WithServiceAsync<SiteRegistry, IReadOnlyList<SiteRow>?>(r => r.ListAsync(user, null, false)))!.Single(r => r.Id == site.Id);
            var details = (await _app.WithServiceAsync<SiteRegistry, SiteDetails?>(r => r.GetAsync(user, site.Id)))!;
            var carrierRow = (await _app.WithServiceAsync<CarrierRegistry, IReadOnlyList<CarrierRow>?>(r => r.ListAsync(user)))!.Single(c => c.Carrier.Id == carrier.Id);
            var carrierDetails = (await _app.WithServiceAsync<CarrierRegistry, CarrierDetails?>(r => r.GetAsync(user, carrier.Id)))!;

            Assert.Equal(expect(site.NetworkAdminMobile), row.NetworkAdminMobile);
            Assert.Equal((expect(site.NetworkAdminMobile), expect(site.TechContactMobile)), (details.Site.NetworkAdminMobile, details.Site.TechContactMobile));
            Assert.Equal(expect(carrier.ManagerMobile), carrierRow.Carrier.ManagerMobile);
            Assert.Equal(expect(carrier.ManagerMobile), carrierDetails.Carrier.ManagerMobile);
        }

        await using var after = _app.NewDbContext();
        Assert.Equal(site.NetworkAdminMobile, (await after.Sites.SingleAsync(s => s.Id == site.Id)).NetworkAdminMobile);
        Assert.Equal(carrier.ManagerMobile, (await after.Carriers.SingleAsync(c => c.Id == carrier.Id)).ManagerMobile);
    }

    private async Task<TicketDetails> DetailsAsync(ClaimsPrincipal user, string number) =>
        (await _app.WithServiceAsync<TicketDetailsHandler, TicketDetails?>(h => h.FindAsync(number, user)))!;
}
