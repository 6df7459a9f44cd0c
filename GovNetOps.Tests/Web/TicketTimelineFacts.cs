using Bunit;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Components;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Tests.Web;

/// <summary>The ticket timeline shows the lifecycle events and the recorded escalations in time order.</summary>
public sealed class TicketTimelineFacts : BunitTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timeline_InterleavesEscalationsWithEvents_NewestFirst()
    {
        var ops = new Actor("u-ops", "张敏", Role.Ops);
        var ticket = FaultTicket.Report(new ReportFault(Guid.NewGuid(), 14, 1, LocationClass.Township, FaultScope.Backbone,
            "光纤中断", "王建军", "13937700123", T0, null, 1), ops, T0).Value!;
        ticket.Apply(new TicketCommand(TicketTrigger.Acknowledge), new Actor("u-tel", "刘强", Role.Carrier, 1), T0.AddMinutes(70));
        EscalationRecord[] escalations =
        [
            new() { TicketId = ticket.Id, Clock = ClockKind.Response, Level = EscalationLevel.Reminder, DueAt = T0.AddMinutes(30), RecordedAt = T0.AddMinutes(30), Recipients = RecipientGroup.CarrierEngineers },
            new() { TicketId = ticket.Id, Clock = ClockKind.Response, Level = EscalationLevel.Breach, DueAt = T0.AddHours(1), RecordedAt = T0.AddHours(1).AddMinutes(3), LatenessMs = 180_000, Recipients = RecipientGroup.Leadership },
        ];

        var cut = Render<TicketTimeline>(p => p.Add(c => c.Events, ticket.Events).Add(c => c.Escalations, escalations));

        var order = cut.FindAll("[data-trigger], [data-escalation]")
            .Select(e => e.GetAttribute("data-trigger") ?? e.GetAttribute("data-escalation")).ToArray();
        Assert.Equal(new string?[] { "Acknowledge", "Breach", "Reminder", "Report" }, order);
        var breach = cut.Find("[data-escalation=Breach]").TextContent;
        Assert.Contains("已通知", breach);
        Assert.Contains("补记", breach); // recorded 3 minutes late (the app was down): said so
        Assert.DoesNotContain("补记", cut.Find("[data-escalation=Reminder]").TextContent);
    }

    [Fact]
    public void Timeline_ShowsAPhonedAcknowledgement_AsRecordedByOpsForTheCarrier_WithTheCallTime()
    {
        // Interpretation 9: the call was at 09:05 China time, 张敏 logged it at 09:20.
        var ops = new Actor("u-ops", "张敏", Role.Ops);
        var ticket = FaultTicket.Report(new ReportFault(Guid.NewGuid(), 14, 1, LocationClass.Township, FaultScope.Backbone,
            "光纤中断", "王建军", "13937700123", T0, null, 1), ops, T0).Value!;
        Assert.True(ticket.Apply(new TicketCommand(TicketTrigger.RecordAcknowledgement, "刘强来电，已派人", T0.AddMinutes(5)), ops, T0.AddMinutes(20)).IsSuccess);

        var cut = Render<TicketTimeline>(p => p.Add(c => c.Events, ticket.Events).Add(c => c.CarrierName, "中国电信桐柏分公司"));

        var line = cut.Find("[data-trigger=RecordAcknowledgement] [data-testid=on-behalf]").TextContent;
        Assert.Contains("张敏（运维值班员）代运营商 中国电信桐柏分公司 记录电话响应，通话时间 11-24 09:05", line);
        Assert.Contains("2026-11-24 09:20", line); // when it was logged
        Assert.Contains("刘强来电，已派人", cut.Find("[data-trigger=RecordAcknowledgement]").TextContent);
    }
}
