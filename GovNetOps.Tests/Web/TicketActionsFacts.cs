using Bunit;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Components;

namespace GovNetOps.Tests.Web;

/// <summary>The ticket page's action panel shows exactly what the Domain allows this viewer now.</summary>
public sealed class TicketActionsFacts : BunitTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ops = new("u-ops", "张敏", Role.Ops);
    private static readonly Actor Telecom = new("u-tel", "刘强", Role.Carrier, 1);
    private static readonly Actor Unicom = new("u-uni", "陈刚", Role.Carrier, 2);
    private static readonly Actor Leader = new("u-lead", "李建华", Role.Leader);

    private static FaultTicket TicketIn(TicketState state)
    {
        var t = FaultTicket.Report(new ReportFault(Guid.NewGuid(), 14, 1, LocationClass.Township, FaultScope.Backbone, "光纤中断",
            "王建军", "13937700123", T0, null, 1), Ops, T0).Value!;
        if (state == TicketState.Reported) return t;
        t.Apply(new TicketCommand(TicketTrigger.Acknowledge), Telecom, T0.AddMinutes(10));
        if (state == TicketState.Acknowledged) return t;
        t.Apply(new TicketCommand(TicketTrigger.MarkRepaired, "更换光模块"), Telecom, T0.AddHours(1));
        if (state == TicketState.Repaired) return t;
        t.Apply(new TicketCommand(TicketTrigger.ConfirmClosed, "已回访"), Ops, T0.AddHours(2));
        return t;
    }

    public static TheoryData<TicketState, string, string[]> Rows => new()
    {
        // Reported: the owning carrier acknowledges; ops may post progress or cancel a duplicate.
        { TicketState.Reported, "telecom", ["Acknowledge"] },
        { TicketState.Reported, "ops", ["PostProgress", "Cancel"] },
        // Another carrier and leadership see no buttons at all.
        { TicketState.Reported, "unicom", [] },
        { TicketState.Reported, "leader", [] },
        // Acknowledged: the carrier works it.
        { TicketState.Acknowledged, "telecom", ["PostProgress", "RequestComplex", "RequestSuspend", "MarkRepaired"] },
        // Repaired: ops calls the unit back, then closes or reopens.
        { TicketState.Repaired, "ops", ["PostProgress", "ConfirmClosed", "Reopen", "Cancel"] },
        { TicketState.Repaired, "telecom", ["PostProgress"] },
        // Closed is final for everybody.
        { TicketState.Closed, "ops", [] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Actions_ShowExactlyWhatTheViewerMayDo(TicketState state, string viewer, string[] expected)
    {
        var actor = viewer switch { "ops" => Ops, "telecom" => Telecom, "unicom" => Unicom, _ => Leader };
        var triggers = TicketIn(state).AvailableTriggers(actor);

        var cut = Render<TicketActions>(p => p.Add(c => c.Triggers, triggers));

        var shown = cut.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")).ToArray();
        Assert.Equal(expected, shown);
        Assert.Equal(expected.Length == 0, cut.FindAll("[data-testid=no-actions]").Count == 1);
    }

    [Fact]
    public void Action_NeedingANote_AsksForItBeforeApplying()
    {
        (TicketTrigger, string?)? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.MarkRepaired])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=MarkRepaired]").Click();
        Assert.Null(applied);
        cut.Find("textarea[data-testid=action-reason]").Input("更换光模块，链路恢复");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Equal((TicketTrigger.MarkRepaired, "更换光模块，链路恢复"), applied);
    }

    [Fact]
    public void Action_WithoutNote_AppliesOnOneClick()
    {
        (TicketTrigger, string?)? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.Acknowledge])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=Acknowledge]").Click();

        Assert.Equal((TicketTrigger.Acknowledge, (string?)null), applied);
    }

    [Fact]
    public void Error_IsShownInChinese()
    {
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.Acknowledge])
            .Add(c => c.Error, "工单已被他人更新，请刷新后重试"));

        Assert.Contains("工单已被他人更新", cut.Find("[data-testid=action-error]").TextContent);
    }
}
