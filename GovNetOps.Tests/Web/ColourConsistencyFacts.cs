using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Features.Board;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Components;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Web;

/// <summary>One ticket, one colour: the clock card, the ticket list row, the carrier queue row and the board row
/// agree at the Warning rung and at the deadline, under a policy version whose ladder has its Warning rung at 70 % (not the
/// default 80 %): every view takes the ladder of the ticket's own version.</summary>
public sealed class ColourConsistencyFacts : BunitTestContext
{
    // Monday 2026-11-23 10:00 China time; a county-direct backbone fault reported then, response 1 h.
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly EscalationPolicy Ladder = new()
    {
        Rules =
        [
            new() { Level = EscalationLevel.Reminder, Fraction = 0.5, Recipients = RecipientGroup.CarrierEngineers },
            new() { Level = EscalationLevel.Warning, Fraction = 0.7, Recipients = RecipientGroup.OpsDutyOfficer },
            new() { Level = EscalationLevel.Breach, Fraction = 1.0, Recipients = RecipientGroup.Leadership },
        ],
    };

    private static readonly SlaPolicyBook Book = SlaPolicyBook.Single(SlaPolicy.Regulation.WithEscalation(Ladder));

    private readonly FakeTimeProvider _time = new(T0);
    private readonly string _folder = TestPaths.NewTempFolder();
    private readonly BunitAuthorizationContext _auth;
    private readonly Dictionary<string, Claim[]> _accounts = [];
    private string _number = "";

    public ColourConsistencyFacts()
    {
        var connection = $"Data Source={Path.Combine(_folder, "colours.db")}";
        Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(connection));
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(Book);
        // The ticket chain is keyed (Security:LogKey in the app).
        Services.AddSingleton(new GovNetOps.Web.Infrastructure.SecurityLog.ChainKeys("test-key-for-the-ticket-chain-000000000"));
        Services.AddTicketReadModel();
        Services.AddScoped<ReportFaultHandler>();
        Services.AddScoped<ListTicketsHandler>();
        Services.AddScoped<CarrierQueueHandler>();
        Services.AddScoped<TicketActionHandler>();
        // The maintenance panels have facts of their own (Integration/Maintenance, Browser/MaintenanceBrowserFacts).
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.MaintenanceWindowsPanel>();
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.CarrierNoticesPanel>();
        ComponentFactories.AddStub<GovNetOps.Web.Features.Maintenance.TicketMaintenancePanel>();
        using (var db = TestDatabase.WithDemoRegistry(connection))
        {
            _accounts[AppRoles.Ops] = TestAccounts.Add(db, "u-Ops", "值班员", AppRoles.Ops);
            _accounts[AppRoles.Carrier] = TestAccounts.Add(db, "u-Carrier", "工程师", AppRoles.Carrier, carrierId: 1);
        }
        _auth = AddAuthorization();
    }

    [Theory]
    [InlineData(42 * 60 - 1, ClockColour.OnTrack)] // one second before 70 % of the hour
    [InlineData(42 * 60, ClockColour.Warning)]     // exactly at the configured Warning rung
    [InlineData(60 * 60, ClockColour.Warning)]     // at the deadline: still in time (a breach is strictly after it)
    [InlineData(60 * 60 + 1, ClockColour.Breached)] // one second past it
    public async Task EveryView_ShowsTheSameColour(int secondsAfterReport, ClockColour expected)
    {
        await ReportAsync();
        _time.SetUtcNow(T0.AddSeconds(secondsAfterReport));

        Assert.Equal(expected, ClockCardColour());
        Assert.Equal(expected, ListRowColour());
        Assert.Equal(expected, QueueRowColour());
        Assert.Equal(expected, await BoardRowColourAsync());
    }

    private async Task ReportAsync()
    {
        SignIn(AppRoles.Ops, null);
        int site;
        await using (var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            site = await db.Sites.Where(s => s.LocationClass == LocationClass.CountyDirect && s.CarrierId == 1).Select(s => s.Id).FirstAsync();
        }
        var form = new IntakeForm
        {
            SiteId = site, Scope = FaultScope.Backbone, Symptoms = "专线中断", ReporterName = "赵伟", ReporterMobile = "13937712345",
            ReportedAtChina = ChinaTime.ToChina(T0).DateTime,
        };
        var result = await Services.GetRequiredService<ReportFaultHandler>().ReportAsync(form, Principal(AppRoles.Ops, null));
        Assert.True(result.IsSuccess, result.Error);
        _number = result.Number!;
    }

    private ClockColour ClockCardColour()
    {
        var ticket = Services.GetRequiredService<TicketStore>().LoadWhereAsync(t => t.Number == _number).GetAwaiter().GetResult().Single();
        var now = _time.GetUtcNow();
        var response = SlaClocks.Compute(ticket, Book, now).Single(c => c.Kind == ClockKind.Response);
        var card = Render<ClockCard>(p => p.Add(c => c.Clock, response).Add(c => c.At, now).Add(c => c.Ladder, Book.ForVersion(ticket.PolicyVersion).Escalation));
        return Enum.Parse<ClockColour>(card.Find(".clock-card").GetAttribute("data-colour")!);
    }

    private ClockColour ListRowColour()
    {
        SignIn(AppRoles.Ops, null);
        var list = Render<TicketListPage>();
        var row = list.WaitForElement("[data-testid=ticket-link]").Closest("tr")!;
        return row.ClassList.Contains("row-breached") ? ClockColour.Breached
            : row.ClassList.Contains("row-warning") ? ClockColour.Warning : ClockColour.OnTrack;
    }

    private ClockColour QueueRowColour()
    {
        SignIn(AppRoles.Carrier, 1);
        var queue = Render<CarrierQueuePage>();
        var deadline = queue.WaitForElement("[data-testid=queue-deadline]");
        return deadline.ClassList.Contains("breached") ? ClockColour.Breached
            : deadline.ClassList.Contains("warning") ? ClockColour.Warning : ClockColour.OnTrack;
    }

    private async Task<ClockColour> BoardRowColourAsync()
    {
        var ticket = (await Services.GetRequiredService<TicketStore>().LoadWhereAsync(t => t.Number == _number)).Single();
        var row = BoardRules.RowFor(ticket, _number, "县财政局", "电信", Book, T0)!;
        var board = Render<BoardView>(p => p.Add(v => v.Snapshot, new BoardSnapshot(1, T0, [row], 0, [], [])));
        return Enum.Parse<ClockColour>(board.Find("[data-testid=board-row]").GetAttribute("data-state")!);
    }

    // The accounts behind the principals: Ops, and a carrier-1 engineer.
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
