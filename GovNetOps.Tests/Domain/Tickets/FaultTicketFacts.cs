using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using static GovNetOps.Tests.Domain.Fixtures;

namespace GovNetOps.Tests.Domain.Tickets;

public class FaultTicketFacts
{
    private static ReportFault Command() => TicketBuilder.Backbone().Command();

    private static Result<TicketEvent> Do(FaultTicket ticket, TicketTrigger trigger, TimeSpan after, string? reason = "说明", Actor? actor = null) =>
        ticket.Apply(new TicketCommand(trigger, reason), actor ?? ActorFor(trigger), T0 + after);

    [Fact]
    public void Report_CreatesReportedTicket_WithAllFieldsInTheEvent()
    {
        var result = FaultTicket.Report(Command() with { LocationClass = LocationClass.Township, RegistryLocationClass = LocationClass.CountyDirect, LocationOverrideReason = "实际在乡镇" }, Ops, T0 + M(1));

        Assert.True(result.IsSuccess);
        var ticket = result.Value!;
        Assert.Equal(TicketState.Reported, ticket.State);
        Assert.Equal((12, CarrierId, LocationClass.Township, FaultScope.Backbone), (ticket.SiteId, ticket.CarrierId, ticket.LocationClass, ticket.Scope));
        Assert.Equal(("网络中断", "县财政局 赵会计", "13800000000"), (ticket.Symptoms, ticket.ReporterName, ticket.ReporterMobile));
        Assert.Equal((T0, T0 + M(1), 1, 1), (ticket.ReportedAt, ticket.LoggedAt, ticket.PolicyVersion, ticket.Version));
        Assert.Equal("实际在乡镇", ticket.LocationOverrideReason);
        Assert.Null(ticket.BackdateReason);
        Assert.True(ticket.IsOpen);
        var e = Assert.Single(ticket.Events);
        Assert.Equal((TicketTrigger.Report, 1, "ops-1", "张值班", Role.Ops), (e.Trigger, e.Sequence, e.ActorId, e.ActorName, e.ActorRole));
        Assert.Equal("Reported", e.Data["state"]);
        Assert.Equal("Township", e.Data["locationClass"]);
    }

    public static TheoryData<ReportFault, Actor, string> BadReports => new()
    {
        { Command() with { ReportedAt = T0 + Tick }, Ops, "申告时间不能晚于当前时间" },          // interpretation 1: never in the future
        { Command() with { ReportedAt = T0 - H(1) }, Ops, "申告时间早于当前时间 5 分钟以上，请填写补录原因" },  // interpretation 1: back-dating is audited
        { Command(), Carrier, "只有运维值班员可以申告故障" },                                      // PRODUCT roles: ops logs faults
        { Command() with { Id = Guid.Empty }, Ops, "工单编号无效" },
        { Command() with { SiteId = 0 }, Ops, "请选择接入单位" },
        { Command() with { CarrierId = 0 }, Ops, "请选择运营商" },
        { Command() with { Scope = (FaultScope)9 }, Ops, "请选择位置类别和故障范围" },
        { Command() with { Symptoms = " " }, Ops, "请填写故障现象" },
        { Command() with { PolicyVersion = 0 }, Ops, "时限政策版本无效" },
        { Command() with { IncidentId = Guid.Empty }, Ops, "事件编号无效" },
        { Command() with { RegistryLocationClass = LocationClass.CoreRoom }, Ops, "位置类别与接入单位登记不一致，请填写修改原因" }, // interpretation 3
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public void Report_Refuses_WhenInputInvalid(ReportFault cmd, Actor actor, string message)
    {
        var result = FaultTicket.Report(cmd, actor, T0);

        Assert.False(result.IsSuccess);
        Assert.Equal(message, result.Error);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(0)]    // report time = now
    [InlineData(5)]    // within the form-latency tolerance: no reason needed
    public void Report_Accepts_WhenReportTimeIsNowOrJustBefore(int minutesBefore) =>
        Assert.True(FaultTicket.Report(Command() with { ReportedAt = T0 - M(minutesBefore) }, Ops, T0).IsSuccess);

    [Fact]
    public void Report_AcceptsBackdatedTime_WithReason()
    {
        // Interpretation 1: back-dated to the real call time, audited.
        var ticket = FaultTicket.Report(Command() with { ReportedAt = T0 - H(2), BackdateReason = "夜间电话申告" }, Ops, T0).Value!;

        Assert.Equal(T0 - H(2), ticket.ReportedAt);
        Assert.Equal("夜间电话申告", ticket.BackdateReason);
        Assert.Equal("夜间电话申告", ticket.Events[0].Reason);
    }

    [Fact]
    public void Report_CarriesTheIncidentId_InTheReportEventAndThroughRehydration()
    {
        var incident = Guid.NewGuid();
        var ticket = FaultTicket.Report(Command() with { IncidentId = incident }, Ops, T0).Value!;

        Assert.Equal(incident, ticket.IncidentId);
        Assert.Equal(incident.ToString(), ticket.Events[0].Data["incidentId"]);
        Assert.Equal(incident, FaultTicket.Rehydrate(ticket.Events).IncidentId);
        Assert.Null(FaultTicket.Report(Command(), Ops, T0).Value!.IncidentId); // a single report belongs to no incident
    }

    [Fact]
    public void Report_AllowsLanScope()
    {
        var ticket = FaultTicket.Report(Command() with { Scope = FaultScope.Lan }, Ops, T0).Value!;

        Assert.Equal(FaultScope.Lan, ticket.Scope); // Article 11: tracked as assistance
    }

    [Fact]
    public void Apply_WalksTheHappyPath_AndStampsEveryStep()
    {
        var ticket = TicketBuilder.Backbone().Build();

        var ack = Do(ticket, TicketTrigger.Acknowledge, M(20), null);
        Do(ticket, TicketTrigger.PostProgress, M(30), "已到现场");
        var repaired = Do(ticket, TicketTrigger.MarkRepaired, M(90), "更换光模块");
        var closed = Do(ticket, TicketTrigger.ConfirmClosed, M(100), "用户确认恢复");

        Assert.True(ack.IsSuccess && repaired.IsSuccess && closed.IsSuccess);
        Assert.Equal(T0 + M(20), ticket.AcknowledgedAt);
        Assert.Equal(T0 + M(90), ticket.RepairedAt);
        Assert.Equal(T0 + M(100), ticket.ClosedAt);
        Assert.Equal(TicketState.Closed, ticket.State);
        Assert.False(ticket.IsOpen);
        Assert.Equal(5, ticket.Version);
        Assert.Equal(T0 + M(20), DateTimeOffset.Parse(ack.Value!.Data["acknowledgedAt"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("tel-1", Role.Carrier, "更换光模块", 4), (repaired.Value!.ActorId, repaired.Value.ActorRole, repaired.Value.Reason, repaired.Value.Sequence));
        Assert.Equal("Closed", closed.Value!.Data["state"]);
    }

    [Fact]
    public void Apply_HandlesComplexAndSuspensionRequests()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Build();

        Assert.True(Do(ticket, TicketTrigger.RequestComplex, M(10), "光缆被挖断").IsSuccess);
        Assert.Equal((ComplexStatus.Requested, "光缆被挖断"), (ticket.Complex, ticket.ComplexReason));
        Assert.True(Do(ticket, TicketTrigger.RejectComplex, M(15), "可按一般故障处理").IsSuccess);
        Assert.Equal(ComplexStatus.Rejected, ticket.Complex);
        Assert.True(Do(ticket, TicketTrigger.RequestComplex, M(20), "确需开挖").IsSuccess); // may ask again after a rejection
        Assert.True(Do(ticket, TicketTrigger.ApproveComplex, M(25), null).IsSuccess);
        Assert.Equal((ComplexStatus.Approved, T0 + M(25)), (ticket.Complex, ticket.ComplexApprovedAt));

        Assert.True(Do(ticket, TicketTrigger.RequestSuspend, M(30), "机房锁门").IsSuccess);
        Assert.Equal("机房锁门", ticket.PendingSuspendReason);
        Assert.True(Do(ticket, TicketTrigger.RejectSuspend, M(35), "请联系单位开门").IsSuccess);
        Assert.Null(ticket.PendingSuspendReason);
        Assert.True(Do(ticket, TicketTrigger.RequestSuspend, M(40), "机房锁门").IsSuccess);
        Assert.True(Do(ticket, TicketTrigger.ApproveSuspend, M(45), null).IsSuccess);
        Assert.Equal(TicketState.Suspended, ticket.State);
        Assert.Equal(new SuspensionInterval(T0 + M(45), null), Assert.Single(ticket.Suspensions));
        Assert.True(Do(ticket, TicketTrigger.Resume, M(75), null).IsSuccess);
        Assert.Equal(TicketState.Acknowledged, ticket.State);
        Assert.Equal(M(30), ticket.Suspensions[0].DurationAt(T0 + H(10)));
    }

    [Fact]
    public void Apply_ReopenClearsRepairStamp()
    {
        // Interpretation 7.
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(30)).Build();

        var reopened = Do(ticket, TicketTrigger.Reopen, M(40), "回访仍不通");

        Assert.True(reopened.IsSuccess);
        Assert.Null(ticket.RepairedAt);
        Assert.Equal(TicketState.Acknowledged, ticket.State);
        Assert.Equal("", reopened.Value!.Data["repairedAt"]);
    }

    [Theory]
    [InlineData(TicketTrigger.Acknowledge, "Leader", "只有运营商可以响应接单")]            // Leader is read-only
    [InlineData(TicketTrigger.ConfirmClosed, "Carrier", "只有运维值班员可以确认关闭")]
    [InlineData(TicketTrigger.Cancel, "Admin", "只有运维值班员可以撤销工单")]                // no administrator acts on tickets
    [InlineData(TicketTrigger.Cancel, "SecurityAdmin", "只有运维值班员可以撤销工单")]
    [InlineData(TicketTrigger.Acknowledge, "AuditAdmin", "只有运营商可以响应接单")]
    [InlineData(TicketTrigger.Acknowledge, "Ops", "只有运营商可以响应接单")]                 // carrier acknowledges, not ops
    [InlineData(TicketTrigger.PostProgress, "Leader", "只有运维值班员或运营商可以填写进展")]
    [InlineData(TicketTrigger.Acknowledge, "OtherCarrier", "只能处理本运营商的工单")]       // ownership rule
    [InlineData(TicketTrigger.MarkRepaired, "Carrier", "请先响应接单")]                     // acknowledge first
    [InlineData(TicketTrigger.RequestComplex, "Carrier", "请先响应接单")]
    [InlineData(TicketTrigger.ConfirmClosed, "Ops", "只有已修复待回访的工单才能确认关闭（当前状态：待响应）")]
    [InlineData(TicketTrigger.Reopen, "Ops", "只有已修复待回访的工单才能重新打开（当前状态：待响应）")]
    [InlineData(TicketTrigger.Resume, "Ops", "工单未处于挂起状态，无需恢复处理")]
    [InlineData(TicketTrigger.ApproveSuspend, "Ops", "工单当前状态为“待响应”，不能批准挂起")]
    [InlineData(TicketTrigger.Report, "Ops", "工单已申告，不能重复申告")]
    public void CanApply_Refuses_OnReportedTicket(TicketTrigger trigger, string who, string message)
    {
        var actor = who switch
        {
            "Leader" => Leader,
            "Admin" => Admin,
            "SecurityAdmin" => SecurityAdmin,
            "AuditAdmin" => AuditAdmin,
            "Ops" => Ops,
            "OtherCarrier" => OtherCarrier,
            _ => Carrier,
        };

        var result = TicketBuilder.Backbone().Build().CanApply(trigger, actor);

        Assert.False(result.IsSuccess);
        Assert.Equal(message, result.Error);
    }

    public static TheoryData<Func<FaultTicket>, TicketTrigger, string> StateRefusals => new()
    {
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Build(), TicketTrigger.Acknowledge, "工单已响应接单，无需重复响应" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)).Build(), TicketTrigger.MarkRepaired, "工单处于挂起状态，请先恢复处理再标记修复完成" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)).Build(), TicketTrigger.RequestSuspend, "工单处于挂起状态，请先恢复处理再申请挂起" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(9)).Build(), TicketTrigger.MarkRepaired, "工单已标记修复完成，等待运维值班员回访确认" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(9)).Then(TicketTrigger.ConfirmClosed, M(10)).Build(), TicketTrigger.MarkRepaired, "工单已关闭，不能再标记修复完成" },
        { () => TicketBuilder.Backbone().Then(TicketTrigger.Cancel, M(10), "重复申告").Build(), TicketTrigger.Reopen, "工单已撤销，不能再重新打开" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Build(), TicketTrigger.ApproveComplex, "没有待审批的复杂故障申请" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Then(TicketTrigger.RequestComplex, M(6)).Build(), TicketTrigger.RequestComplex, "复杂故障申请正在审批中，请等待运维值班员处理" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).ComplexApproved(M(6), M(7)).Build(), TicketTrigger.RequestComplex, "本工单已认定为复杂故障，无需重复申请" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Then(TicketTrigger.RequestSuspend, M(6)).Build(), TicketTrigger.RequestSuspend, "已有待审批的挂起申请，请等待运维值班员处理" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Build(), TicketTrigger.RejectSuspend, "没有待审批的挂起申请" },
    };

    [Theory]
    [MemberData(nameof(StateRefusals))] // transition table guards; messages a person can act on
    public void Apply_Refuses_WhenStateOrGuardForbids(Func<FaultTicket> build, TicketTrigger trigger, string message)
    {
        var ticket = build();
        var version = ticket.Version;

        var result = ticket.Apply(new TicketCommand(trigger, "说明"), ActorFor(trigger), T0 + H(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(message, result.Error);
        Assert.Equal(version, ticket.Version); // nothing recorded
    }

    [Theory]
    [InlineData(TicketTrigger.PostProgress, "请填写进展内容")]
    [InlineData(TicketTrigger.MarkRepaired, "请填写修复说明")]
    [InlineData(TicketTrigger.RequestComplex, "请填写原因")]  // interpretation 4: asks with a reason
    [InlineData(TicketTrigger.RequestSuspend, "请填写原因")]  // interpretation 5: with a reason
    [InlineData(TicketTrigger.Cancel, "请填写原因")]          // cancel needs a reason (e.g. duplicate)
    public void Apply_RequiresReason_ForAnnotatedMoves(TicketTrigger trigger, string message)
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Build();

        var result = ticket.Apply(new TicketCommand(trigger, "  "), ActorFor(trigger), T0 + M(10));

        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void Apply_RequiresCloseNote_ForConfirmClosed() =>
        Assert.Equal("请填写回访情况", Do(TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(6)).Build(), TicketTrigger.ConfirmClosed, M(7), null).Error);

    [Fact]
    public void Apply_Refuses_WhenTimeRunsBackwards()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(30)).Build();

        var result = Do(ticket, TicketTrigger.PostProgress, M(10), "进展");

        Assert.Equal("操作时间不能早于上一条记录的时间（2026-03-02 09:30），请检查服务器时钟", result.Error);
    }

    [Fact]
    public void Apply_CancelEndsOpenSuspensionAndPendingRequest()
    {
        var ticket = TicketBuilder.Backbone().Acknowledged(M(5)).Suspended(M(10)).Build();

        var result = Do(ticket, TicketTrigger.Cancel, M(40), "重复申告");

        Assert.True(result.IsSuccess);
        Assert.Equal(TicketState.Cancelled, ticket.State);
        Assert.Equal(T0 + M(40), ticket.CancelledAt);
        Assert.Equal(T0 + M(40), ticket.Suspensions[0].End);
        Assert.Null(ticket.PendingSuspendReason);
        Assert.Contains("suspendedUntil", result.Value!.Data.Keys);
    }

    [Fact]
    public void AvailableTriggers_DependOnStateAndRole()
    {
        var reported = TicketBuilder.Backbone().Build();
        var acknowledged = TicketBuilder.Backbone().Acknowledged(M(5)).Build();

        Assert.Equal([TicketTrigger.Acknowledge], reported.AvailableTriggers(Carrier));
        Assert.Equal([TicketTrigger.PostProgress, TicketTrigger.Cancel, TicketTrigger.RecordAcknowledgement], reported.AvailableTriggers(Ops));
        Assert.Equal([TicketTrigger.PostProgress, TicketTrigger.Cancel], acknowledged.AvailableTriggers(Ops)); // phoned only before the first acknowledgement
        Assert.Empty(reported.AvailableTriggers(Leader));
        Assert.Empty(reported.AvailableTriggers(OtherCarrier));
        Assert.Equal(
            [TicketTrigger.PostProgress, TicketTrigger.RequestComplex, TicketTrigger.RequestSuspend, TicketTrigger.MarkRepaired],
            acknowledged.AvailableTriggers(Carrier));
    }

    [Theory]
    [InlineData(TicketTrigger.Acknowledge, "carrier")]            // the carrier has nothing to answer on a LAN fault
    [InlineData(TicketTrigger.PostProgress, "carrier")]           // not even a note, in any state
    [InlineData(TicketTrigger.RecordAcknowledgement, "ops")]      // nor does Ops record a carrier's phone call on its behalf
    public void CanApply_RefusesCarrierMoves_OnALanTicket(TicketTrigger trigger, string who)
    {
        var lan = new TicketBuilder().Lan().Build();

        var result = lan.CanApply(trigger, who == "ops" ? Ops : Carrier);

        Assert.Equal("单位局域网故障由单位自行处理，运营商无需响应", result.Error);
    }

    [Fact]
    public void AvailableTriggers_OnALanTicket_AreOpsOwnOnly()
    {
        var lan = new TicketBuilder().Lan().Build();

        Assert.Empty(lan.AvailableTriggers(Carrier));
        Assert.Equal([TicketTrigger.PostProgress, TicketTrigger.Cancel], lan.AvailableTriggers(Ops));
    }

    [Fact]
    public void RecordAcknowledgement_StampsTheCallTime_AndAuditsItAsOnTheCarriersBehalf()
    {
        // Interpretation 9: the call was at 09:50, ops logged it at 10:20.
        var ticket = TicketBuilder.Backbone().Build();

        var result = ticket.Apply(new TicketCommand(TicketTrigger.RecordAcknowledgement, " 李工来电，已派人 ", T0 + M(50)), Ops, T0 + M(80));

        Assert.True(result.IsSuccess, result.Error);
        var e = result.Value!;
        Assert.Equal((TicketState.Acknowledged, T0 + M(50)), (ticket.State, ticket.AcknowledgedAt));
        Assert.Equal((TicketTrigger.RecordAcknowledgement, "ops-1", Role.Ops, T0 + M(80), "李工来电，已派人"), (e.Trigger, e.ActorId, e.ActorRole, e.At, e.Reason));
        Assert.Equal(T0 + M(50), DateTimeOffset.Parse(e.Data["acknowledgedAt"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CarrierId.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Data["onBehalfOfCarrierId"]);
        Assert.Equal(T0 + M(50), FaultTicket.Rehydrate(ticket.Events).AcknowledgedAt);
    }

    [Fact]
    public void RecordAcknowledgement_AcceptsCallTimeAtTheReportOrNowExactly_AndBeforeEarlierNotes()
    {
        // The bounds are inclusive; a progress note logged before the call was recorded does not bound the call time.
        var atReport = TicketBuilder.Backbone().Build();
        var atNow = TicketBuilder.Backbone().Build();
        Assert.True(Do(atReport, TicketTrigger.PostProgress, M(20), "已电话联系运营商", Ops).IsSuccess);

        Assert.True(atReport.Apply(new TicketCommand(TicketTrigger.RecordAcknowledgement, "来电", T0), Ops, T0 + M(30)).IsSuccess);
        Assert.True(atNow.Apply(new TicketCommand(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(30)), Ops, T0 + M(30)).IsSuccess);
        Assert.Equal(T0, atReport.AcknowledgedAt);
    }

    public static TheoryData<Func<FaultTicket>, TicketCommand, Actor, string> PhonedAcknowledgementRefusals => new()
    {
        // Interpretation 9: not in the future, not before the report, with a reason, ops only, only while awaiting a response.
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(30) + Tick), Ops, "电话响应时间不能晚于当前时间" },
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 - Tick), Ops, "电话响应时间不能早于申告时间（2026-03-02 09:00）" },
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, "来电"), Ops, "请填写电话响应时间" },
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, " ", T0 + M(10)), Ops, "请填写电话响应情况（如：联系人、通话内容）" },
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(10)), Carrier, "只有运维值班员可以代记电话响应" },
        { () => TicketBuilder.Backbone().Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(10)), Leader, "只有运维值班员可以代记电话响应" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(10)), Ops, "工单已响应接单，无需重复响应" },
        { () => TicketBuilder.Backbone().Acknowledged(M(5)).Repaired(M(9)).Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(10)), Ops, "工单已响应接单，无需重复响应" },
        { () => TicketBuilder.Backbone().Then(TicketTrigger.Cancel, M(10), "重复申告").Build(), new(TicketTrigger.RecordAcknowledgement, "来电", T0 + M(10)), Ops, "工单已撤销，不能再代记电话响应" },
    };

    [Theory]
    [MemberData(nameof(PhonedAcknowledgementRefusals))]
    public void RecordAcknowledgement_Refuses_WhenCallTimeReasonRoleOrStateIsWrong(Func<FaultTicket> build, TicketCommand cmd, Actor actor, string message)
    {
        var ticket = build();
        var version = ticket.Version;

        var result = ticket.Apply(cmd, actor, T0 + M(30));

        Assert.Equal(message, result.Error);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(build().AcknowledgedAt, ticket.AcknowledgedAt);
    }

    [Fact]
    public void Apply_IgnoresOccurredAt_ForTheCarriersOwnAcknowledgement()
    {
        // Only a move recorded after the fact takes a past time; a carrier clicking 响应接单 acknowledges now.
        var ticket = TicketBuilder.Backbone().Build();

        Assert.True(ticket.Apply(new TicketCommand(TicketTrigger.Acknowledge, null, T0 + M(1)), Carrier, T0 + M(40)).IsSuccess);
        Assert.Equal(T0 + M(40), ticket.AcknowledgedAt);
    }

    [Fact]
    public void Rehydrate_ReadsAcknowledgementTimeFromTheEventInstant_WhenAnOldEventHasNoDataKey()
    {
        // Backward compatibility: reading the data key must not change any history written before it was read.
        var events = TicketBuilder.Backbone().Acknowledged(M(20)).Build().Events;
        var old = events[1] with { Data = events[1].Data.Where(kv => kv.Key != "acknowledgedAt").ToDictionary() };

        Assert.Equal(T0 + M(20), FaultTicket.Rehydrate([events[0], old]).AcknowledgedAt);
    }

    [Fact]
    public void Rehydrate_RebuildsIdenticalState_FromHistory()
    {
        var original = TicketBuilder.Backbone(LocationClass.CoreRoom).LoggedAfter(M(30))
            .Acknowledged(M(40)).ComplexApproved(M(50), M(55)).Suspended(H(1), H(2)).Then(TicketTrigger.RequestSuspend, H(2.5), "等备件")
            .Repaired(H(3)).Then(TicketTrigger.Reopen, H(4), "仍不通").Repaired(H(5)).Then(TicketTrigger.ConfirmClosed, H(6), "已回访").Build();

        var copy = FaultTicket.Rehydrate(original.Events.Reverse());

        Assert.Equal(Snapshot(original), Snapshot(copy));
        Assert.Equal(original.Events, copy.Events);
        Assert.Equal(
            SlaClocks.Compute(original, SlaPolicy.Regulation, T0 + H(7)),
            SlaClocks.Compute(copy, SlaPolicy.Regulation, T0 + H(7)));
    }

    [Fact]
    public void Rehydrate_Throws_WhenHistoryCorrupt()
    {
        var events = TicketBuilder.Backbone().Acknowledged(M(5)).Build().Events;

        Assert.Throws<ArgumentException>(() => FaultTicket.Rehydrate([]));
        Assert.Throws<ArgumentException>(() => FaultTicket.Rehydrate([events[1]]));
        Assert.Throws<ArgumentException>(() => FaultTicket.Rehydrate([events[0], events[1] with { Sequence = 3 }]));
        Assert.Throws<ArgumentException>(() => FaultTicket.Rehydrate([events[0], events[0] with { Sequence = 2 }]));
        Assert.Throws<ArgumentException>(() => FaultTicket.Rehydrate([events[0], events[1] with { TicketId = Guid.NewGuid() }]));
    }

    private static string Snapshot(FaultTicket t) =>
        string.Join("|", t.Id, t.SiteId, t.CarrierId, t.LocationClass, t.Scope, t.Symptoms, t.ReporterName, t.ReporterMobile,
            t.ReportedAt, t.LoggedAt, t.BackdateReason, t.LocationOverrideReason, t.PolicyVersion, t.State, t.AcknowledgedAt,
            t.RepairedAt, t.ClosedAt, t.CancelledAt, t.Complex, t.ComplexApprovedAt, t.ComplexReason,
            string.Join(",", t.Suspensions), t.PendingSuspendReason, t.Version);
}
