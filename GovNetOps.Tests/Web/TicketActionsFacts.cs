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

    public TicketActionsFacts()
    {
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(SlaPolicyBook.Single(SlaPolicy.Regulation));
    }

    /// <summary>The panel for <paramref name="ticket"/> with <paramref name="triggers"/>; what it applies is recorded in <paramref name="applied"/>.</summary>
    private IRenderedComponent<TicketActions> Panel(FaultTicket ticket, IReadOnlyList<TicketTrigger> triggers, List<ActionRequest> applied, string? refusal = null) =>
        Render<TicketActions>(p => p
            .Add(c => c.Ticket, ticket)
            .Add(c => c.Triggers, triggers)
            .Add(c => c.OnApply, a => { applied.Add(a); return Task.FromResult(refusal); }));

    private static FaultTicket TicketIn(TicketState state)
    {
        var t = FaultTicket.Report(new ReportFault(Guid.NewGuid(), 14, 1, LocationClass.Township, FaultScope.Backbone, "光纤中断",
            "王建军", "13937700123", T0, null, 1), Ops, T0).Value!;
        if (state == TicketState.Reported)
        {
            return t;
        }

        t.Apply(new TicketCommand(TicketTrigger.Acknowledge), Telecom, T0.AddMinutes(10));
        if (state == TicketState.Acknowledged)
        {
            return t;
        }

        t.Apply(new TicketCommand(TicketTrigger.MarkRepaired, "更换光模块"), Telecom, T0.AddHours(1));
        if (state == TicketState.Repaired)
        {
            return t;
        }

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
        var ticket = TicketIn(state);

        var cut = Panel(ticket, ticket.AvailableTriggers(actor), []);

        var shown = cut.FindAll("[data-action]").Select(b => b.GetAttribute("data-action")).ToArray();
        Assert.Equal(expected, shown);
        Assert.Equal(expected.Length == 0, cut.FindAll("[data-testid=no-actions]").Count == 1);
    }

    [Fact]
    public void Action_NeedingANote_AsksForItBeforeApplying()
    {
        var ticket = TicketIn(TicketState.Acknowledged);
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.MarkRepaired], applied);

        cut.Find("[data-action=MarkRepaired]").Click();
        Assert.Empty(applied);
        cut.Find("textarea[data-testid=action-reason]").Input("更换光模块，链路恢复");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Equal([new ActionRequest(TicketTrigger.MarkRepaired, ticket.Version, "更换光模块，链路恢复")], applied);
        Assert.Empty(cut.FindAll("[data-testid=action-prompt]"));
    }

    [Fact]
    public void Action_WithoutNote_AppliesOnOneClick()
    {
        var ticket = TicketIn(TicketState.Reported);
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.Acknowledge], applied);

        cut.Find("[data-action=Acknowledge]").Click();

        Assert.Equal([new ActionRequest(TicketTrigger.Acknowledge, ticket.Version)], applied);
    }

    [Fact]
    public void Refusal_IsShownInChinese()
    {
        var cut = Panel(TicketIn(TicketState.Reported), [TicketTrigger.Acknowledge], [], "只能处理本运营商的工单");

        cut.Find("[data-action=Acknowledge]").Click();

        Assert.Contains("只能处理本运营商的工单", cut.Find("[data-testid=action-error]").TextContent);
    }

    [Theory]
    [InlineData(TicketTrigger.Cancel, "请填写原因")]
    [InlineData(TicketTrigger.MarkRepaired, "请填写修复说明")]
    public void Confirm_KeepsThePromptOpenWithTheDomainsMessage_WhenTheReasonIsEmpty(TicketTrigger trigger, string message)
    {
        var applied = new List<ActionRequest>();
        var cut = Panel(TicketIn(TicketState.Acknowledged), [trigger], applied);

        cut.Find($"[data-action={trigger}]").Click();
        cut.Find("textarea[data-testid=action-reason]").Input("   ");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Empty(applied);
        Assert.NotEmpty(cut.FindAll("[data-testid=action-prompt]"));
        Assert.Contains(message, cut.Find("[data-testid=action-prompt]").TextContent);

        // The prompt is still there: typing the reason and confirming applies it.
        cut.Find("textarea[data-testid=action-reason]").Input("重复申告");
        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Single(applied);
    }

    [Theory]
    [InlineData(TicketTrigger.ConfirmClosed, "确认关闭")]   // the action's own name, once: not "确认 确认关闭"
    [InlineData(TicketTrigger.Cancel, "撤销工单")]
    public void ConfirmButton_SaysTheActionOnce(TicketTrigger trigger, string label)
    {
        var cut = Panel(TicketIn(TicketState.Repaired), [trigger], []);

        cut.Find($"[data-action={trigger}]").Click();

        Assert.Equal(label, cut.Find("[data-testid=action-confirm]").TextContent.Trim());
    }

    [Fact]
    public void ApproveComplex_AsksFirst_StatingTheNewRepairDeadlineInChinaTime()
    {
        // Reported 09:00 China time on 11-24, complex requested; the policy's complex allowance is 48 h.
        var ticket = TicketIn(TicketState.Acknowledged);
        ticket.Apply(new TicketCommand(TicketTrigger.RequestComplex, "光缆被挖断"), Telecom, T0.AddMinutes(20));
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.ApproveComplex], applied);

        cut.Find("[data-action=ApproveComplex]").Click();

        Assert.Empty(applied);
        Assert.Equal("修复时限将改为 11-26 09:00（申告后 48 小时）", cut.Find("[data-testid=action-consequence]").TextContent.Trim());
        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Equal([new ActionRequest(TicketTrigger.ApproveComplex, ticket.Version)], applied);
    }

    [Theory]
    [InlineData(TicketTrigger.Cancel, "撤销后工单不再计时，且不可恢复")]
    [InlineData(TicketTrigger.ConfirmClosed, "确认关闭后工单结束，不能再重新打开")]
    [InlineData(TicketTrigger.Reopen, "修复时限继续计时，原修复时限 11-24 15:00 不变")] // township: 6 h from the 09:00 report
    public void IrreversibleOrClockMovingDecisions_StateTheirConsequence(TicketTrigger trigger, string consequence)
    {
        var cut = Panel(TicketIn(TicketState.Repaired), [trigger], []);

        cut.Find($"[data-action={trigger}]").Click();

        Assert.Equal(consequence, cut.Find("[data-testid=action-consequence]").TextContent.Trim());
    }

    [Fact]
    public void Prompt_KeepsItsArmedVersionAcrossALiveRefresh_ShowsWhatChanged_AndAppliesOnlyWhenConfirmedAgain()
    {
        // Ops opens 撤销工单 on the acknowledged ticket and types a reason...
        var ticket = TicketIn(TicketState.Acknowledged);
        var seen = ticket.Version;
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.PostProgress, TicketTrigger.Cancel], applied);
        cut.Find("[data-action=Cancel]").Click();
        cut.Find("textarea[data-testid=action-reason]").Input("重复申告");

        // ...meanwhile the carrier marks it repaired (10:32 China time) and the page refreshes live.
        var newer = FaultTicket.Rehydrate(ticket.Events);
        newer.Apply(new TicketCommand(TicketTrigger.MarkRepaired, "更换光模块"), Telecom, T0.AddMinutes(92));
        cut.Render(p => p
            .Add(c => c.Ticket, newer)
            .Add(c => c.Triggers, newer.AvailableTriggers(Ops)));

        Assert.Equal(seen.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=action-prompt]").GetAttribute("data-armed-version"));
        Assert.Equal("刘强（运营商）标记修复完成 10:32", cut.Find("[data-testid=action-changes] li").TextContent.Trim());

        // Confirming now applies nothing: the person decided on what they saw, which is no longer the ticket.
        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Empty(applied);
        Assert.Contains("未执行任何操作", cut.Find("[data-testid=action-changes]").TextContent);
        Assert.Equal("重复申告", cut.Find("textarea[data-testid=action-reason]").GetAttribute("value") ?? cut.Find("textarea[data-testid=action-reason]").TextContent);

        // Confirming again, against the version now shown, applies it.
        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Equal([new ActionRequest(TicketTrigger.Cancel, newer.Version, "重复申告")], applied);
    }

    [Fact]
    public void Prompt_ShowsWhatChanged_WhenTheStoreRefusedAStaleVersion_AndTheNextConfirmationUsesTheNewOne()
    {
        // The page had not yet refreshed when Ops confirmed: the store refuses, the page reloads.
        var ticket = TicketIn(TicketState.Acknowledged);
        var newer = FaultTicket.Rehydrate(ticket.Events);
        newer.Apply(new TicketCommand(TicketTrigger.MarkRepaired, "更换光模块"), Telecom, T0.AddMinutes(92));
        var applied = new List<ActionRequest>();
        IRenderedComponent<TicketActions>? cut = null;
        cut = Render<TicketActions>(p => p
            .Add(c => c.Ticket, ticket)
            .Add(c => c.Triggers, [TicketTrigger.Cancel])
            .Add(c => c.OnApply, a =>
            {
                applied.Add(a);
                if (a.ExpectedVersion == newer.Version)
                {
                    return Task.FromResult<string?>(null);
                }

                cut!.Render(p => p.Add(c => c.Ticket, newer).Add(c => c.Triggers, newer.AvailableTriggers(Ops)));
                return Task.FromResult<string?>(GovNetOps.Web.Infrastructure.Tickets.TicketStore.ConflictMessage);
            }));
        cut.Find("[data-action=Cancel]").Click();
        cut.Find("textarea[data-testid=action-reason]").Input("重复申告");

        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Contains("未执行任何操作", cut.Find("[data-testid=action-changes]").TextContent);
        Assert.Contains("标记修复完成", cut.Find("[data-testid=action-changes]").TextContent);

        cut.Find("[data-testid=action-confirm]").Click();
        Assert.Equal([ticket.Version, newer.Version], applied.Select(a => a.ExpectedVersion));
    }

    [Theory]
    [InlineData("2026-11-24 09:05")]     // as the field shows it
    [InlineData("2026-11-24T09:05:00")]  // what a datetime-local input sends in Chromium: seconds and a "T"
    [InlineData(" 2026-11-24 09：05 ")]  // a full-width colon from a Chinese IME, stray spaces
    public void RecordAcknowledgement_AsksForCallTimeAndReason_AndAppliesTheCallTimeInUtc(string typed)
    {
        var ticket = TicketIn(TicketState.Reported);
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.RecordAcknowledgement], applied);

        cut.Find("[data-action=RecordAcknowledgement]").Click();
        Assert.Equal("2026-11-24 09:30", cut.Find("input[data-testid=action-call-time]").GetAttribute("value")); // now, China time
        cut.Find("input[data-testid=action-call-time]").Input(typed);
        cut.Find("textarea[data-testid=action-reason]").Input("电信刘强来电，已安排人员前往");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Equal([new ActionRequest(TicketTrigger.RecordAcknowledgement, ticket.Version, "电信刘强来电，已安排人员前往", T0.AddMinutes(5))], applied);
    }

    [Theory]
    [InlineData("11-24 09:05")]        // no year
    [InlineData("2026-11-24 25:00")]   // no such hour
    [InlineData("0001-01-01 00:00")]   // no UTC instant: must not throw
    public void RecordAcknowledgement_ShowsChineseErrorAndAppliesNothing_WhenCallTimeMalformed(string typed)
    {
        var ticket = TicketIn(TicketState.Reported);
        var applied = new List<ActionRequest>();
        var cut = Panel(ticket, [TicketTrigger.RecordAcknowledgement], applied);

        cut.Find("[data-action=RecordAcknowledgement]").Click();
        cut.Find("input[data-testid=action-call-time]").Input(typed);
        cut.Find("textarea[data-testid=action-reason]").Input("来电");
        cut.Find("[data-testid=action-confirm]").Click();

        Assert.Empty(applied);
        Assert.Contains("电话响应时间格式不正确", cut.Markup);
    }

    [Fact]
    public void OtherActionsNeedingANote_DoNotAskForACallTime()
    {
        var cut = Panel(TicketIn(TicketState.Reported), [TicketTrigger.Cancel], []);

        cut.Find("[data-action=Cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=action-call-time]"));
    }
}
