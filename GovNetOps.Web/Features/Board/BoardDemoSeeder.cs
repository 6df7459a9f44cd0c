using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Features.Board;

/// <summary>
/// Development only: a dozen fault tickets relative to the current time, in every state the board shows
/// (on track, warning, breached, acknowledged, suspended, complex asked/approved, repaired, closed), so
/// <c>dotnet run</c> opens on a lively board. Runs only while the FaultTickets table is empty. The tickets
/// go through <see cref="FaultTicket.Report"/> / <see cref="FaultTicket.Apply"/> with back-dated instants
/// and <see cref="TicketStore"/>, so the events are real and the hash chain verifies.
/// Switched on by <c>Board:DemoTickets</c>, which launchSettings.json sets for <c>dotnet run</c>; the test
/// factories (Development too, but no launch profile) keep an empty ticket table.
/// </summary>
internal sealed class BoardDemoSeeder(
    IDbContextFactory<AppDbContext> factory,
    TicketStore store,
    IOptions<SlaPolicy> policy,
    IHostEnvironment environment,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<BoardDemoSeeder> logger) : IDataSeeder
{
    public const string DemoTicketsKey = "Board:DemoTickets";

    private sealed record Move(TicketTrigger Trigger, double AfterMinutes, string? Reason = null);

    private sealed record Demo(string Site, double ReportedMinutesAgo, string Symptoms, Move[] Moves, FaultScope Scope = FaultScope.Backbone);

    private static readonly Demo[] Demos =
    [
        new("月河镇人民政府", 10, "政务外网整体中断，无法访问市平台", []),
        new("桐柏县人民政府办公室", 50, "专线丢包严重，视频会议卡顿", []),
        new("固县镇人民政府", 75, "光猫 LOS 灯红，线路中断", []),
        new("淮源镇人民政府", 60, "网络时断时续", [new(TicketTrigger.Acknowledge, 20)]),
        new("桐柏县财政局", 100, "核心业务系统无法访问", [new(TicketTrigger.Acknowledge, 15)]),
        new("桐柏县电子政务外网核心机房", 270, "汇聚交换机上联端口故障", [new(TicketTrigger.Acknowledge, 30)]),
        new("黄岗镇人民政府", 180, "机房设备掉电，网络中断",
            [new(TicketTrigger.Acknowledge, 20), new(TicketTrigger.RequestSuspend, 60, "乡政府机房锁门，管理员外出"), new(TicketTrigger.ApproveSuspend, 65)]),
        new("桐柏县政协办公室", 60, "专线中断",
            [new(TicketTrigger.Acknowledge, 10), new(TicketTrigger.RequestComplex, 40, "沿线光缆被施工挖断，需重新熔接")]),
        new("埠江镇人民政府", 600, "主干光缆中断",
            [new(TicketTrigger.Acknowledge, 30), new(TicketTrigger.RequestComplex, 120, "跨河段光缆受损，需架设临时线路"), new(TicketTrigger.ApproveComplex, 150)]),
        new("桐柏县人民法院", 90, "远程庭审专线中断", [new(TicketTrigger.Acknowledge, 70)]),
        new("桐柏县人民医院", 180, "医保专网访问缓慢",
            [new(TicketTrigger.Acknowledge, 20), new(TicketTrigger.MarkRepaired, 100, "更换故障光模块，链路恢复")]),
        new("城郊乡人民政府", 120, "网络中断",
            [new(TicketTrigger.Acknowledge, 15), new(TicketTrigger.RequestSuspend, 90, "单位停电，待恢复供电后处理")]),
        new("桐柏县人民检察院", 300, "网络中断",
            [new(TicketTrigger.Acknowledge, 20), new(TicketTrigger.MarkRepaired, 150, "重启汇聚设备"), new(TicketTrigger.ConfirmClosed, 180, "回访确认已恢复")]),
        new("程湾镇人民政府", 480, "网速慢",
            [new(TicketTrigger.Acknowledge, 25), new(TicketTrigger.MarkRepaired, 180, "调整端口配置"), new(TicketTrigger.ConfirmClosed, 240, "回访确认已恢复")]),
        new("桐柏县教育局", 40, "单位内部交换机故障", [], FaultScope.Lan),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>(DemoTicketsKey))
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.FaultTickets.AnyAsync(cancellationToken))
        {
            return;
        }

        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, u.CarrierId }).ToListAsync(cancellationToken);
        var ops = users.Single(u => u.UserName == "ops");
        var opsActor = new Actor(ops.Id, ops.DisplayName, Role.Ops);
        var now = time.GetUtcNow();
        foreach (var demo in Demos)
        {
            var site = sites[demo.Site];
            var engineer = users.FirstOrDefault(u => u.CarrierId == site.CarrierId);
            var carrierActor = engineer is null
                ? new Actor($"demo-carrier-{site.CarrierId}", "运营商值班工程师", Role.Carrier, site.CarrierId)
                : new Actor(engineer.Id, engineer.DisplayName, Role.Carrier, engineer.CarrierId);
            var reportedAt = now.AddMinutes(-demo.ReportedMinutesAgo);
            var reported = FaultTicket.Report(new ReportFault(
                Guid.NewGuid(), site.Id, site.CarrierId, site.LocationClass, demo.Scope, demo.Symptoms,
                "值班员", "13800000000", reportedAt, null, policy.Value.Version), opsActor, reportedAt.AddMinutes(2));
            var ticket = reported.Value ?? throw new InvalidOperationException($"Demo ticket for {demo.Site}: {reported.Error}");
            foreach (var move in demo.Moves)
            {
                var actor = move.Trigger is TicketTrigger.Acknowledge or TicketTrigger.RequestComplex or TicketTrigger.RequestSuspend
                    or TicketTrigger.MarkRepaired ? carrierActor : opsActor;
                var applied = ticket.Apply(new TicketCommand(move.Trigger, move.Reason), actor, reportedAt.AddMinutes(move.AfterMinutes));
                if (!applied.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo ticket for {demo.Site}, {move.Trigger}: {applied.Error}");
                }
            }
            var saved = await store.SaveAsync(ticket, 0, now, cancellationToken);
            if (!saved.IsSuccess)
            {
                throw new InvalidOperationException($"Demo ticket for {demo.Site}: {saved.Error}");
            }
        }
        logger.LogInformation("Seeded {Count} demo fault tickets for the board", Demos.Length);
    }
}
