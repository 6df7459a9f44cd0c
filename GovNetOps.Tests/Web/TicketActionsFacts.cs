using Bunit;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovNetOps.Tests.Web;

/// <summary>The ticket page's action panel shows exactly what the Domain allows this viewer now.</summary>
public sealed class TicketActionsFacts : BunitTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ops = new("u-ops", "张敏", Role.Ops);
    private static readonly Actor Telecom = new("u-tel", "刘强", Role.Carrier, 1);
    private static readonly Actor Unicom = new("u-uni", "陈刚", Role.Carrier, 2);
    private static readonly Actor Leader = new("u-lead", "李建华", Role.Leader);

    /// <summary>09:30 China time, half an hour after the report.</summary>
    private readonly FakeTimeProvider _time = new(T0.AddMinutes(30));

    public TicketActionsFacts() => Services.AddSingleton<TimeProvider>(_time);

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
        // Reported: the owning carrier acknowledges; ops may post progress, cancel a duplicate or record a phoned acknowledgement.
        { TicketState.Reported, "telecom", ["Acknowledge"] },
        { TicketState.Reported, "ops", ["PostProgress", "Cancel", "RecordAcknowledgement"] },
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
        ActionRequest? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.MarkRepaired])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=MarkRepaired]").Click();
        Assert.Null(applied);
        cut.Find("textarea[data-testid=action-reason]").Input("更换光模块，链路恢复");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Equal(new ActionRequest(TicketTrigger.MarkRepaired, "更换光模块，链路恢复"), applied);
    }

    [Fact]
    public void Action_WithoutNote_AppliesOnOneClick()
    {
        ActionRequest? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.Acknowledge])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=Acknowledge]").Click();

        Assert.Equal(new ActionRequest(TicketTrigger.Acknowledge), applied);
    }

    [Fact]
    public void Error_IsShownInChinese()
    {
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.Acknowledge])
            .Add(c => c.Error, "工单已被他人更新，请刷新后重试"));

        Assert.Contains("工单已被他人更新", cut.Find("[data-testid=action-error]").TextContent);
    }

    [Theory]
    [InlineData("2026-11-24 09:05")]     // as the field shows it
    [InlineData("2026-11-24T09:05:00")]  // what a datetime-local input sends in Chromium: seconds and a "T"
    [InlineData(" 2026-11-24 09：05 ")]  // a full-width colon from a Chinese IME, stray spaces
    public void RecordAcknowledgement_AsksForCallTimeAndReason_AndAppliesTheCallTimeInUtc(string typed)
    {
        ActionRequest? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.RecordAcknowledgement])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=RecordAcknowledgement]").Click();
        Assert.Equal("2026-11-24 09:30", cut.Find("input[data-testid=action-call-time]").GetAttribute("value")); // now, China time
        cut.Find("input[data-testid=action-call-time]").Input(typed);
        cut.Find("textarea[data-testid=action-reason]").Input("电信刘强来电，已安排人员前往");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Equal(new ActionRequest(TicketTrigger.RecordAcknowledgement, "电信刘强来电，已安排人员前往", T0.AddMinutes(5)), applied);
    }

    [Theory]
    [InlineData("11-24 09:05")]        // no year
    [InlineData("2026-11-24 25:00")]   // no such hour
    [InlineData("0001-01-01 00:00")]   // no UTC instant: must not throw
    public void RecordAcknowledgement_ShowsChineseErrorAndAppliesNothing_WhenCallTimeMalformed(string typed)
    {
        ActionRequest? applied = null;
        var cut = Render<TicketActions>(p => p
            .Add(c => c.Triggers, [TicketTrigger.RecordAcknowledgement])
            .Add(c => c.OnApply, a => applied = a));

        cut.Find("[data-action=RecordAcknowledgement]").Click();
        cut.Find("input[data-testid=action-call-time]").Input(typed);
        cut.Find("textarea[data-testid=action-reason]").Input("来电");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Null(applied);
        Assert.Contains("电话响应时间格式不正确", cut.Markup);
    }

    [Fact]
    public void OtherActionsNeedingANote_DoNotAskForACallTime()
    {
        var cut = Render<TicketActions>(p => p.Add(c => c.Triggers, [TicketTrigger.Cancel]));

        cut.Find("[data-action=Cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=action-call-time]"));
    }
}
