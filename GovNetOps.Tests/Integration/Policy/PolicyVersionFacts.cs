using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Policy;

/// <summary>New SLA matrix versions made by the admin, in the real app over SQLite: stored, audited, effective from
/// their instant, and never moving a ticket reported before.</summary>
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
}
