using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Web;

/// <summary>The ticket page rendered with the real handlers over a real SQLite file.</summary>
public sealed class TicketPageFacts : BunitTestContext
{
    // 2026-11-24 10:00 China time.
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly string _folder = TestPaths.NewTempFolder();
    private readonly BunitAuthorizationContext _auth;
    private readonly Dictionary<string, Claim[]> _accounts = [];

    public TicketPageFacts()
    {
        var connection = $"Data Source={Path.Combine(_folder, "ticket.db")}";
        Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connection));
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(SlaPolicyBook.Single(SlaPolicy.Regulation));
        // The ticket chain is keyed (Security:LogKey in the app).
        Services.AddSingleton(new GovNetOps.Web.Infrastructure.SecurityLog.ChainKeys("test-key-for-the-ticket-chain-000000000"));
        Services.AddTicketReadModel();
        Services.AddScoped<ReportFaultHandler>();
        Services.AddScoped<TicketDetailsHandler>();
        Services.AddScoped<TicketActionHandler>();
        // The maintenance panels have facts of their own (Integration/Maintenance, Browser/MaintenanceBrowserFacts).
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.TicketMaintenancePanel>();
        using (var db = TestDatabase.WithDemoRegistry(connection))
        {
            // The handlers check every principal against its account (CurrentActors).
            _accounts[AppRoles.Ops] = TestAccounts.Add(db, "u-Ops", "值班员", AppRoles.Ops);
            _accounts[AppRoles.Carrier] = TestAccounts.Add(db, "u-Carrier", "工程师", AppRoles.Carrier, carrierId: 1);
        }
        _auth = AddAuthorization();
    }

    [Theory]
    [InlineData(AppRoles.Carrier, new string[0])]                 // the site's own carrier: nothing to do on the unit's LAN
    [InlineData(AppRoles.Ops, new[] { "PostProgress", "Cancel" })] // Ops assists: notes and cancel, no phoned acknowledgement
    public async Task LanTicket_SaysItIsTheUnitsOwn_AndOffersNoCarrierAction(string role, string[] expected)
    {
        var number = await ReportAsync(FaultScope.Lan);
        SignIn(role, role == AppRoles.Carrier ? 1 : null);

        var cut = Render<TicketPage>(p => p.Add(c => c.Number, number));

        cut.WaitForAssertion(() => Assert.Equal(
            "单位局域网故障（第十一条）：由用户单位自行处理，运维值班员协助，不计运营商时限",
            cut.Find("[data-testid=lan-notice]").TextContent.Trim()));
        Assert.Equal(expected, cut.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")).ToArray());
        Assert.Empty(cut.FindAll("[data-clock]"));
    }

    [Fact]
    public async Task BackboneTicket_ShowsNoLanNotice()
    {
        var number = await ReportAsync(FaultScope.Backbone);
        SignIn(AppRoles.Carrier, 1);

        var cut = Render<TicketPage>(p => p.Add(c => c.Number, number));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-action=Acknowledge]")));
        Assert.Empty(cut.FindAll("[data-testid=lan-notice]"));
    }

    private async Task<string> ReportAsync(FaultScope scope)
    {
        int site;
        await using (var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            site = await db.Sites.Where(s => s.LocationClass == LocationClass.CountyDirect && s.CarrierId == 1).Select(s => s.Id).FirstAsync();
        }
        var form = new IntakeForm
        {
            SiteId = site, Scope = scope, Symptoms = "办公室交换机故障", ReporterName = "赵伟", ReporterMobile = "13937712345",
            ReportedAtChina = ChinaTime.ToChina(T0).DateTime,
        };
        var result = await Services.GetRequiredService<ReportFaultHandler>().ReportAsync(form, Principal(AppRoles.Ops, null));
        Assert.True(result.IsSuccess, result.Error);
        return result.Number!;
    }

    private void SignIn(string role, int? carrierId)
    {
        Assert.Equal(role == AppRoles.Carrier ? 1 : null, carrierId);
        _auth.SetAuthorized(role);
        _auth.SetRoles(role);
        _auth.SetClaims(_accounts[role]);
    }

    private ClaimsPrincipal Principal(string role, int? carrierId)
    {
        Assert.Equal(role == AppRoles.Carrier ? 1 : null, carrierId);
        return new ClaimsPrincipal(new ClaimsIdentity([.. _accounts[role], new Claim(ClaimTypes.Role, role)], "Test"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
