using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Every lifecycle move through <see cref="TicketService"/> into the SQLite file, and every kind of refusal.</summary>
public sealed class TicketLifecycleFacts(TicketApp app) : IClassFixture<TicketApp>
{
    public static TheoryData<TicketState?, TicketTrigger, Role, TicketState> Transitions()
    {
        var data = new TheoryData<TicketState?, TicketTrigger, Role, TicketState>();
        foreach (var row in TransitionTable.Rows.Where(r => r.Trigger != TicketTrigger.Report))
        {
            data.Add(row.From, row.Trigger, row.Role, row.To);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task ApplyAsync_PersistsTheMove_ForEveryRowOfTheTransitionTable(TicketState? from, TicketTrigger trigger, Role role, TicketState to)
    {
        var ticket = await PrepareAsync(from!.Value, trigger);
        var before = await app.LoadAsync(ticket.Id);
        Assert.Equal(from, before.Record.State);
        app.Clock.Advance(TimeSpan.FromMinutes(3));

        // The call time is read only by the move recorded after the fact (a phoned acknowledgement); the others ignore it.
        var result = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(trigger, "现场说明", app.Clock.GetUtcNow()), User(role));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(ticket.Version + 1, result.Value);
        var after = await app.LoadAsync(ticket.Id);
        var last = after.Events[^1];
        Assert.Equal((trigger, role, app.Clock.GetUtcNow()), (last.Trigger, last.ActorRole, last.At));
        Assert.Equal(to, after.Record.State);
        AssertConsistent(after);
    }

    // Interpretation 3: repair = report + the class's hours; response is 1 h everywhere; LAN faults carry no carrier clocks.
    [Theory]
    [InlineData(LocationClass.CountyDirect, FaultScope.Backbone, 2)]
    [InlineData(LocationClass.Township, FaultScope.Backbone, 6)]
    [InlineData(LocationClass.CoreRoom, FaultScope.Backbone, 4)]
    [InlineData(LocationClass.Township, FaultScope.Lan, null)]
    [InlineData(LocationClass.CountyDirect, FaultScope.Lan, null)]
    public async Task ReportAsync_StoresDeadlinesOfTheSitesClass(LocationClass locationClass, FaultScope scope, int? repairHours)
    {
        var now = app.Clock.GetUtcNow();
        var form = IntakeFormBuilder.At(await app.SiteAsync(locationClass), now).With(f => f.Scope = scope).Build();

        var ticket = await app.NewTicketAsync(form);

        var stored = await app.LoadAsync(ticket.Id);
        var reportedAt = TruncateToMinute(now);
        Assert.Equal(reportedAt, stored.Record.ReportedAt);
        Assert.Equal(locationClass, stored.Record.LocationClass);
        Assert.Equal(repairHours is null ? null : reportedAt.AddHours(1), stored.Record.ResponseDeadline);
        Assert.Equal(repairHours is null ? null : reportedAt.AddHours(repairHours.Value), stored.Record.RepairDeadline);
        AssertConsistent(stored);
    }

    [Fact]
    public async Task ReportAsync_UsesOverriddenClassAndBackdatedReportTime_WhenBothHaveReasons()
    {
        var now = app.Clock.GetUtcNow();
        var reported = TruncateToMinute(now).AddMinutes(-40);
        var form = IntakeFormBuilder.At(await app.SiteAsync(LocationClass.CountyDirect), now)
            .ReportedAt(reported, "值班电话占线，补录来电时间")
            .OverrideClass(LocationClass.Township, "该单位已迁至乡镇办公点")
            .Build();

        var ticket = await app.NewTicketAsync(form);

        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(LocationClass.Township, stored.Record.LocationClass);
        Assert.Equal(reported.AddHours(6), stored.Record.RepairDeadline);
        Assert.Equal(now, stored.Record.LoggedAt);
        Assert.Equal("值班电话占线，补录来电时间", stored.Events[0].Reason);
        Assert.Equal("该单位已迁至乡镇办公点", stored.Rehydrated.LocationOverrideReason);
    }

    [Fact]
    public async Task ApplyAsync_MovesRepairDeadlineTo48Hours_WhenComplexFaultIsApproved()
    {
        var ticket = await app.NewTicketAsync(LocationClass.Township);
        var reportedAt = (await app.LoadAsync(ticket.Id)).Record.ReportedAt;

        await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom), (TicketTrigger.RequestComplex, app.Telecom), (TicketTrigger.ApproveComplex, app.Ops));

        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(ComplexStatus.Approved, stored.Record.Complex);
        Assert.Equal(reportedAt.AddHours(48), stored.Record.RepairDeadline);
        AssertConsistent(stored);
    }

    [Fact]
    public async Task ApplyAsync_ExtendsRepairDeadlineBySuspendedTime_WhenSuspensionEnds()
    {
        var ticket = await app.NewTicketAsync(LocationClass.CountyDirect);
        var reportedAt = (await app.LoadAsync(ticket.Id)).Record.ReportedAt;
        ticket = await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom), (TicketTrigger.RequestSuspend, app.Telecom), (TicketTrigger.ApproveSuspend, app.Ops));
        var suspendedAt = app.Clock.GetUtcNow();

        app.Clock.Advance(TimeSpan.FromMinutes(50));
        await app.MoveAsync(ticket, (TicketTrigger.Resume, app.Ops));

        var stored = await app.LoadAsync(ticket.Id);
        var suspended = app.Clock.GetUtcNow() - suspendedAt;
        Assert.Equal(reportedAt.AddHours(2) + suspended, stored.Record.RepairDeadline);
        Assert.Equal(reportedAt.AddHours(1), stored.Record.ResponseDeadline);
        AssertConsistent(stored);
    }

    [Fact]
    public async Task ApplyAsync_RecordsBreachPermanently_WhenRepairedAfterTheDeadline()
    {
        var ticket = await app.NewTicketAsync(LocationClass.CountyDirect);
        app.Clock.Advance(TimeSpan.FromMinutes(90));
        ticket = await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom));
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.MoveAsync(ticket, (TicketTrigger.MarkRepaired, app.Telecom), (TicketTrigger.ConfirmClosed, app.Ops));

        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal(TicketState.Closed, stored.Record.State);
        Assert.NotNull(stored.Record.ResponseBreachedDeadline);
        Assert.NotNull(stored.Record.RepairBreachedDeadline);
    }

    [Fact]
    public async Task ApplyAsync_StoresResponseMetAtTheCallTime_WhenOpsRecordsAPhonedAcknowledgementAfterTheDeadline()
    {
        // Interpretation 9: the carrier phoned 50 minutes after the report; ops got to record it 80 minutes after.
        var ticket = await app.NewTicketAsync(LocationClass.Township);
        var reportedAt = (await app.LoadAsync(ticket.Id)).Record.ReportedAt;
        var call = reportedAt.AddMinutes(50);
        app.Clock.Advance(TimeSpan.FromMinutes(69));
        ticket = await app.MoveAsync(ticket, (TicketTrigger.PostProgress, app.Ops)); // saved while the response clock was overdue
        Assert.NotNull((await app.LoadAsync(ticket.Id)).Record.ResponseBreachedDeadline); // as it stood then: nobody knew of the call
        app.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await app.ApplyAsync(ticket.Id, ticket.Version, new TicketCommand(TicketTrigger.RecordAcknowledgement, "中国电信刘强来电确认接单", call), app.Ops);

        Assert.True(result.IsSuccess, result.Error);
        var stored = await app.LoadAsync(ticket.Id);
        Assert.Equal((TicketState.Acknowledged, call), (stored.Record.State, stored.Record.AcknowledgedAt));
        Assert.Null(stored.Record.ResponseBreachedDeadline); // the recorded call shows the response was in time
        Assert.Equal(call, stored.Record.ResponseMetAt);
        var last = stored.Events[^1];
        Assert.Equal((TicketTrigger.RecordAcknowledgement, Role.Ops, app.Clock.GetUtcNow(), "中国电信刘强来电确认接单"), (last.Trigger, last.ActorRole, last.At, last.Reason));
        var response = SlaClocks.For(stored.Rehydrated, app.Services.GetRequiredService<SlaPolicyBook>().ForVersion(stored.Record.PolicyVersion), ClockKind.Response, app.Clock.GetUtcNow())!;
        Assert.Equal((ClockState.Met, (DateTimeOffset?)call), (response.State, response.StoppedAt));
        AssertConsistent(stored);
        await using var db = app.NewDbContext();
        Assert.True((await EventChain.VerifyAsync(db, app.Services.GetRequiredService<GovNetOps.Web.Infrastructure.SecurityLog.ChainKeys>())).IsIntact);
    }

    // One row per kind of refusal; each must come back as a Chinese message and leave the file untouched.
    [Theory]
    [InlineData("ops-acknowledges", "只有运营商可以响应接单")]                 // wrong role
    [InlineData("carrier-cancels", "只有运维值班员可以撤销工单")]              // wrong role
    [InlineData("carrier-repairs-unacknowledged", "请先响应接单")]             // wrong state
    [InlineData("carrier-acknowledges-twice", "工单已响应接单，无需重复响应")] // wrong state
    [InlineData("ops-closes-open-ticket", "只有已修复待回访的工单才能确认关闭（当前状态：处理中）")]
    [InlineData("ops-approves-without-request", "没有待审批的复杂故障申请")]
    [InlineData("carrier-repairs-without-note", "请填写修复说明")]             // missing reason
    [InlineData("ops-cancels-without-reason", "请填写原因")]                   // missing reason
    [InlineData("ops-reopens-blank-reason", "请填写原因")]                     // whitespace is no reason
    [InlineData("other-carrier-acknowledges", "工单不存在，或您无权查看该工单")] // never told the ticket exists
    [InlineData("leader-acknowledges", "只有运营商可以响应接单")]              // read-only
    [InlineData("leader-cancels", "只有运维值班员可以撤销工单")]
    [InlineData("admin-cancels", "工单不存在，或您无权查看该工单")] // admins do not see tickets
    [InlineData("anonymous-cancels", "工单不存在，或您无权查看该工单")]
    [InlineData("acts-on-closed", "工单已关闭，不能再填写进展")]
    [InlineData("report-again", "工单已申告，不能重复申告")]
    [InlineData("undefined-trigger", "无效的操作")]
    [InlineData("note-too-long", "说明不能超过 1000 个字")]
    [InlineData("ops-records-future-call", "电话响应时间不能晚于当前时间")]      // interpretation 9
    [InlineData("carrier-records-phoned-call", "只有运维值班员可以代记电话响应")]
    public async Task ApplyAsync_RefusesAndWritesNothing(string scenario, string message)
    {
        var ticket = await app.NewTicketAsync();
        var (user, command) = scenario switch
        {
            "ops-acknowledges" => (app.Ops, new TicketCommand(TicketTrigger.Acknowledge)),
            "carrier-cancels" => (app.Telecom, new TicketCommand(TicketTrigger.Cancel, "重复申告")),
            "carrier-repairs-unacknowledged" => (app.Telecom, new TicketCommand(TicketTrigger.MarkRepaired, "已更换光模块")),
            "carrier-acknowledges-twice" => (app.Telecom, new TicketCommand(TicketTrigger.Acknowledge)),
            "ops-closes-open-ticket" => (app.Ops, new TicketCommand(TicketTrigger.ConfirmClosed, "回访正常")),
            "ops-approves-without-request" => (app.Ops, new TicketCommand(TicketTrigger.ApproveComplex)),
            "carrier-repairs-without-note" => (app.Telecom, new TicketCommand(TicketTrigger.MarkRepaired, null)),
            "ops-cancels-without-reason" => (app.Ops, new TicketCommand(TicketTrigger.Cancel, "")),
            "ops-reopens-blank-reason" => (app.Ops, new TicketCommand(TicketTrigger.Reopen, "   ")),
            "other-carrier-acknowledges" => (app.Unicom, new TicketCommand(TicketTrigger.Acknowledge)),
            "leader-acknowledges" => (app.Leader, new TicketCommand(TicketTrigger.Acknowledge)),
            "leader-cancels" => (app.Leader, new TicketCommand(TicketTrigger.Cancel, "越权")),
            "admin-cancels" => (app.Admin, new TicketCommand(TicketTrigger.Cancel, "越权")),
            "anonymous-cancels" => (PrincipalBuilder.Anonymous(), new TicketCommand(TicketTrigger.Cancel, "越权")),
            "acts-on-closed" => (app.Ops, new TicketCommand(TicketTrigger.PostProgress, "补充说明")),
            "report-again" => (app.Ops, new TicketCommand(TicketTrigger.Report)),
            "undefined-trigger" => (app.Ops, new TicketCommand((TicketTrigger)99, "伪造的操作")),
            "note-too-long" => (app.Ops, new TicketCommand(TicketTrigger.PostProgress, new string('长', 1001))),
            "ops-records-future-call" => (app.Ops, new TicketCommand(TicketTrigger.RecordAcknowledgement, "来电", app.Clock.GetUtcNow().AddMinutes(5))),
            "carrier-records-phoned-call" => (app.Telecom, new TicketCommand(TicketTrigger.RecordAcknowledgement, "来电", app.Clock.GetUtcNow())),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        ticket = scenario switch
        {
            "carrier-acknowledges-twice" or "ops-closes-open-ticket" or "ops-approves-without-request" or "carrier-repairs-without-note"
                => await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom)),
            "ops-reopens-blank-reason" => await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom), (TicketTrigger.MarkRepaired, app.Telecom)),
            "acts-on-closed" => await app.MoveAsync(ticket, (TicketTrigger.Acknowledge, app.Telecom), (TicketTrigger.MarkRepaired, app.Telecom), (TicketTrigger.ConfirmClosed, app.Ops)),
            _ => ticket,
        };
        var before = await app.LoadAsync(ticket.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await app.ApplyAsync(ticket.Id, ticket.Version, command, user);

        Assert.False(result.IsSuccess);
        Assert.Equal(message, result.Error);
        var after = await app.LoadAsync(ticket.Id);
        Assert.Equal(before.Events.Select(e => e.Hash), after.Events.Select(e => e.Hash));
        Assert.Equal((before.Record.Version, before.Record.State, before.Record.LastEventAt), (after.Record.Version, after.Record.State, after.Record.LastEventAt));
    }

    [Fact]
    public async Task ApplyAsync_RefusesWithNotFound_WhenTicketDoesNotExist()
    {
        var result = await app.ApplyAsync(Guid.NewGuid(), 1, new TicketCommand(TicketTrigger.PostProgress, "说明"), app.Ops);

        Assert.Equal(TicketDetailsHandler.NotFoundMessage, result.Error);
    }

    private ClaimsPrincipal User(Role role) => role switch
    {
        Role.Ops => app.Ops,
        Role.Carrier => app.Telecom,
        Role.Leader => app.Leader,
        _ => app.Admin,
    };

    /// <summary>A telecom ticket in <paramref name="state"/> with whatever pending request <paramref name="next"/> needs.</summary>
    private async Task<TicketHandle> PrepareAsync(TicketState state, TicketTrigger next)
    {
        var ticket = await app.NewTicketAsync();
        if (state == TicketState.Reported)
        {
            return ticket;
        }

        var moves = new List<(TicketTrigger, ClaimsPrincipal)> { (TicketTrigger.Acknowledge, app.Telecom) };
        if (next is TicketTrigger.ApproveComplex or TicketTrigger.RejectComplex)
        {
            moves.Add((TicketTrigger.RequestComplex, app.Telecom));
        }

        if (next is TicketTrigger.ApproveSuspend or TicketTrigger.RejectSuspend || state == TicketState.Suspended)
        {
            moves.Add((TicketTrigger.RequestSuspend, app.Telecom));
        }

        if (state == TicketState.Suspended)
        {
            moves.Add((TicketTrigger.ApproveSuspend, app.Ops));
        }

        if (state == TicketState.Repaired)
        {
            moves.Add((TicketTrigger.MarkRepaired, app.Telecom));
        }

        return await app.MoveAsync(ticket, [.. moves]);
    }

    /// <summary>The projection row agrees with its events: state, version and the clocks recomputed from the history.</summary>
    private void AssertConsistent(Stored stored)
    {
        var ticket = stored.Rehydrated;
        Assert.Equal(ticket.State, stored.Record.State);
        Assert.Equal(stored.Events.Count, stored.Record.Version);
        Assert.Equal(Enumerable.Range(1, stored.Events.Count), stored.Events.Select(e => e.Sequence));
        Assert.Equal((ticket.AcknowledgedAt, ticket.RepairedAt, ticket.ClosedAt, ticket.Complex), (stored.Record.AcknowledgedAt, stored.Record.RepairedAt, stored.Record.ClosedAt, stored.Record.Complex));
        var clocks = SlaClocks.Compute(ticket, app.Services.GetRequiredService<SlaPolicyBook>(), stored.Record.LastEventAt);
        Assert.Equal(clocks.FirstOrDefault(c => c.Kind == ClockKind.Response)?.Deadline, stored.Record.ResponseDeadline);
        Assert.Equal(clocks.FirstOrDefault(c => c.Kind == ClockKind.Repair)?.Deadline, stored.Record.RepairDeadline);
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, t.Offset);
}
