using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Features.Policy;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Policy;

/// <summary>New SLA matrix versions made by the admin, in the real app over SQLite: stored, audited, effective from
/// their instant, and never moving a ticket reported before — neither its deadlines nor its escalation ladder.</summary>
public sealed class PolicyVersionFacts : IAsyncLifetime
{
    private readonly TicketApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private static PolicyVersionForm Form(DateTimeOffset effectiveFrom, double township = 8) => new(1, 2, township, 4, 48, effectiveFrom);

    private Task<Result<int>> CreateAsync(System.Security.Claims.ClaimsPrincipal user, PolicyVersionForm form) =>
        _app.WithServiceAsync<CreatePolicyVersionHandler, Result<int>>(h => h.CreateAsync(user, form));

    [Fact]
    public async Task CreateAsync_FutureVersion_LeavesOpenTicketsOnTheirVersion_AndTimesLaterReports()
    {
        var before = await _app.NewTicketAsync(LocationClass.Township);
        var effective = _app.Clock.GetUtcNow().AddDays(1);

        var created = await CreateAsync(_app.Admin, Form(effective));

        Assert.Equal(2, created.Value);
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        var after = await _app.NewTicketAsync(LocationClass.Township);
        await using var db = _app.NewDbContext();
        var open = await db.FaultTickets.AsNoTracking().SingleAsync(t => t.Id == before.Id);
        var later = await db.FaultTickets.AsNoTracking().SingleAsync(t => t.Id == after.Id);
        Assert.Equal((1, open.ReportedAt + TimeSpan.FromHours(6)), (open.PolicyVersion, open.RepairDeadline));
        Assert.Equal((2, later.ReportedAt + TimeSpan.FromHours(8)), (later.PolicyVersion, later.RepairDeadline));
        var stored = await db.SlaPolicyVersions.AsNoTracking().SingleAsync(v => v.Version == 2);
        Assert.Equal((effective, TimeSpan.FromHours(8)), (stored.EffectiveFrom, stored.RepairTownship));
        var audit = await db.ChangeRecords.SingleAsync(c => c.EntityType == "SlaPolicy");
        Assert.Equal(("2", "Create", "SystemAdmin"), (audit.EntityId, audit.Action, audit.Role));
        Assert.Contains("RepairTownship", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Refuses_WhenBackDatedOrBadCellOrNotAdmin_AndStoresNothing()
    {
        var now = _app.Clock.GetUtcNow();

        var backDated = await CreateAsync(_app.Admin, Form(now.AddHours(-1)));
        var zero = await CreateAsync(_app.Admin, Form(now.AddHours(1), township: 0));
        var ops = await CreateAsync(_app.Ops, Form(now.AddHours(1)));

        Assert.StartsWith("生效时间：不能早于现在", backDated.Error);
        Assert.Equal("乡镇区域修复时限：须大于 0 且不超过 720 小时。", zero.Error);
        Assert.Equal("只有系统管理员可以新建时限规则版本。", ops.Error);
        await using var db = _app.NewDbContext();
        Assert.Equal([1], await db.SlaPolicyVersions.Select(v => v.Version).ToListAsync());
        Assert.Equal([1], _app.Services.GetRequiredService<SlaPolicyBook>().Versions.Select(v => v.Version));
    }

    // Remind at 40 %, warn at 70 %, breach at 100 %, re-notify every hour.
    private static readonly PolicyLadderForm Ladder40 = new(40, 70, 100, 1, 0);

    private static Dictionary<EscalationLevel, TimeSpan> ResponseSteps(IReadOnlyList<EscalationScheduler.PlannedStep> pending, DateTimeOffset reportedAt) =>
        pending.Where(p => p.Step.Clock == ClockKind.Response).ToDictionary(p => p.Step.Level, p => p.Step.DueAt - reportedAt);

    [Fact]
    public async Task CreateAsync_NewLadder_EscalatesLaterReportsOnIt_AndKeepsEarlierTicketsOnTheirs()
    {
        var before = await _app.NewTicketAsync(LocationClass.CountyDirect); // version 1: 50 / 80 / 100 %, 2 h
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var now = _app.Clock.GetUtcNow();

        var created = await CreateAsync(_app.Admin, Form(now) with { Ladder = Ladder40 });

        Assert.True(created.IsSuccess, created.Error);
        var after = await _app.NewTicketAsync(LocationClass.CountyDirect);
        var scheduler = _app.Services.GetRequiredService<EscalationScheduler>();
        await scheduler.PlanAsync(before.Id);
        await scheduler.PlanAsync(after.Id);
        await using var db = _app.NewDbContext();
        var old = await db.FaultTickets.AsNoTracking().SingleAsync(t => t.Id == before.Id);
        var fresh = await db.FaultTickets.AsNoTracking().SingleAsync(t => t.Id == after.Id);
        Assert.Equal((1, 2), (old.PolicyVersion, fresh.PolicyVersion));
        // Response clock of 1 h: the old ticket keeps 30 / 48 / 60 min and re-notifies 2 h later; the new one 24 / 42 / 60, then 1 h.
        Assert.Equal(
            new Dictionary<EscalationLevel, TimeSpan>
            {
                [EscalationLevel.Reminder] = TimeSpan.FromMinutes(30), [EscalationLevel.Warning] = TimeSpan.FromMinutes(48),
                [EscalationLevel.Breach] = TimeSpan.FromMinutes(60), [EscalationLevel.Renotify] = TimeSpan.FromMinutes(180),
            },
            ResponseSteps(await scheduler.PendingAsync(before.Id), old.ReportedAt));
        Assert.Equal(
            new Dictionary<EscalationLevel, TimeSpan>
            {
                [EscalationLevel.Reminder] = TimeSpan.FromMinutes(24), [EscalationLevel.Warning] = TimeSpan.FromMinutes(42),
                [EscalationLevel.Breach] = TimeSpan.FromMinutes(60), [EscalationLevel.Renotify] = TimeSpan.FromMinutes(120),
            },
            ResponseSteps(await scheduler.PendingAsync(after.Id), fresh.ReportedAt));

        // Lists, queues and the ticket page colour each ticket by its own version's Warning rung.
        var rows = await db.FaultTickets.AsNoTracking().Where(t => t.Id == before.Id || t.Id == after.Id)
            .Select(TicketRow.Projection(_app.Services.GetRequiredService<SlaPolicyBook>())).ToListAsync();
        Assert.Equal(old.ReportedAt + TimeSpan.FromMinutes(48), rows.Single(r => r.Id == before.Id).Response!.WarningFrom);
        Assert.Equal(fresh.ReportedAt + TimeSpan.FromMinutes(42), rows.Single(r => r.Id == after.Id).Response!.WarningFrom);

        // Stored with its version (version 1 keeps none: it follows the configured section), and audited.
        var stored = await db.SlaPolicyVersions.AsNoTracking().OrderBy(v => v.Version).ToListAsync();
        Assert.Null(stored[0].Escalation);
        var configured = EscalationPolicy.Default;
        Assert.Same(configured, SlaPolicyStore.ToPolicy(stored[0], configured).Escalation);
        var readBack = SlaPolicyStore.ToPolicy(stored[1], configured).Escalation;
        Assert.Equal([0.4, 0.7, 1.0], readBack.Ladder.Select(r => r.Fraction));
        Assert.Equal(EscalationPolicy.DefaultRules.Select(r => r.Recipients), readBack.Ladder.Select(r => r.Recipients)); // kept from version 1
        Assert.Equal(TimeSpan.FromHours(1), readBack.RenotifyEvery);
        var audit = await db.ChangeRecords.SingleAsync(c => c.EntityType == "SlaPolicy");
        Assert.Contains("\"Escalation:Warning\":\"0.7\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"Escalation:RenotifyEvery\":\"01:00:00\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_RefusesABadLadder_NamingTheField_AndStoresNothing()
    {
        var now = _app.Clock.GetUtcNow().AddHours(1);

        var flat = await CreateAsync(_app.Admin, Form(now) with { Ladder = new(50, 50, 100, 2, 0) });
        var short100 = await CreateAsync(_app.Admin, Form(now) with { Ladder = new(50, 80, 90, 2, 0) });
        var noInterval = await CreateAsync(_app.Admin, Form(now) with { Ladder = new(50, 80, 100, 0, 0) });

        Assert.Equal("预警比例：须高于提醒比例（现为 50 %，提醒比例为 50 %）。", flat.Error);
        Assert.StartsWith("超时比例：须为 100 %", short100.Error);
        Assert.Equal("重复通知间隔：须大于 0 且不超过 720 小时。", noInterval.Error);
        await using var db = _app.NewDbContext();
        Assert.Equal([1], await db.SlaPolicyVersions.Select(v => v.Version).ToListAsync());
        Assert.False(await db.ChangeRecords.AnyAsync(c => c.EntityType == "SlaPolicy"));
        Assert.Equal([1], _app.Services.GetRequiredService<SlaPolicyBook>().Versions.Select(v => v.Version));
    }
}
