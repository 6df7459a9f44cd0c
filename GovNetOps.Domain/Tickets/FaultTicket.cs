using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;

namespace GovNetOps.Domain.Tickets;

/// <summary>
/// 故障工单: the event-sourced fault ticket aggregate (Article 12; PRODUCT.md interpretations 1-9).
/// Every change goes through <see cref="Apply"/> against the one <see cref="TransitionTable"/>, yields a
/// <see cref="TicketEvent"/>, and <see cref="Rehydrate"/> rebuilds identical state from the history.
/// </summary>
/// <remarks>Expected rejections return a <see cref="Result"/> with a Chinese message; broken invariants throw.</remarks>
public sealed class FaultTicket
{
    private readonly List<TicketEvent> _events = [];
    private readonly List<SuspensionInterval> _suspensions = [];

    private FaultTicket()
    {
    }

    /// <summary>How far before now a report time may lie without a back-dating reason (form latency).</summary>
    public static TimeSpan BackdateTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back a report time may lie at all: a missed call from last week is a new report.</summary>
    public static TimeSpan MaxBackdate { get; } = TimeSpan.FromDays(7);

    /// <summary>Ticket id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The site (接入单位).</summary>
    public int SiteId { get; private set; }

    /// <summary>The carrier responsible; a carrier actor may act only on its own tickets.</summary>
    public int CarrierId { get; private set; }

    /// <summary>The class that sets the repair limit (Article 12, interpretation 3).</summary>
    public LocationClass LocationClass { get; private set; }

    /// <summary>Backbone or LAN (Article 11); LAN tickets carry no carrier clocks.</summary>
    public FaultScope Scope { get; private set; }

    /// <summary>故障现象.</summary>
    public string Symptoms { get; private set; } = "";

    /// <summary>Who called the fault in.</summary>
    public string ReporterName { get; private set; } = "";

    /// <summary>The caller's mobile number.</summary>
    public string ReporterMobile { get; private set; } = "";

    /// <summary>申告时间: both clocks start here (interpretation 1).</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>When the ticket was logged (the Report event's instant).</summary>
    public DateTimeOffset LoggedAt { get; private set; }

    /// <summary>Why the report time was back-dated, if it was (interpretation 1, audited).</summary>
    public string? BackdateReason { get; private set; }

    /// <summary>Why the operator overrode the site's registry location class, if they did (interpretation 3).</summary>
    public string? LocationOverrideReason { get; private set; }

    /// <summary>The incident (one outage, many sites, reported together) this ticket belongs to; null for a single report.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>The SLA policy version the ticket was reported under; later matrix changes never move its deadlines.</summary>
    public int PolicyVersion { get; private set; }

    /// <summary>Current lifecycle state.</summary>
    public TicketState State { get; private set; }

    /// <summary>
    /// The carrier's first acknowledgement; stops the response clock (interpretation 2). For an acknowledgement
    /// made by phone and recorded by ops this is the time of the call, not when it was recorded (interpretation 9).
    /// </summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>The repair stamp; stops the repair clock; cleared by reopening (interpretation 7).</summary>
    public DateTimeOffset? RepairedAt { get; private set; }

    /// <summary>When ops confirmed the repair and closed the ticket.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When ops cancelled the ticket.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Status of the complex-fault request (interpretation 4).</summary>
    public ComplexStatus Complex { get; private set; }

    /// <summary>When ops approved the complex fault; from then the repair allowance is 48 h from the report.</summary>
    public DateTimeOffset? ComplexApprovedAt { get; private set; }

    /// <summary>The carrier's reason for the latest complex-fault request.</summary>
    public string? ComplexReason { get; private set; }

    /// <summary>Approved suspensions, in order (interpretation 5).</summary>
    public IReadOnlyList<SuspensionInterval> Suspensions => _suspensions;

    /// <summary>The reason of a suspension request awaiting ops approval; null when none is pending.</summary>
    public string? PendingSuspendReason { get; private set; }

    /// <summary>Number of events applied; the optimistic-concurrency token.</summary>
    public int Version => _events.Count;

    /// <summary>The full history, oldest first.</summary>
    public IReadOnlyList<TicketEvent> Events => _events;

    /// <summary>True unless closed or cancelled.</summary>
    public bool IsOpen => !TransitionTable.IsFinal(State);

    /// <summary>True when the Article 12 carrier clocks apply (backbone scope, Article 11).</summary>
    public bool HasCarrierClocks => Scope == FaultScope.Backbone;

    /// <summary>
    /// 申告故障 (interpretation 1): ops logs a fault. The report time may be back-dated (a reason is required
    /// beyond <see cref="BackdateTolerance"/>) but never lies after <paramref name="now"/>.
    /// </summary>
    public static Result<FaultTicket> Report(ReportFault cmd, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(actor);

        var error = ValidateReport(cmd, actor, now);
        if (error is not null)
        {
            return Result<FaultTicket>.Fail(error);
        }

        var data = new Dictionary<string, string>
        {
            [Keys.Id] = cmd.Id.ToString(),
            [Keys.SiteId] = cmd.SiteId.ToString(CultureInfo.InvariantCulture),
            [Keys.CarrierId] = cmd.CarrierId.ToString(CultureInfo.InvariantCulture),
            [Keys.LocationClass] = cmd.LocationClass.ToString(),
            [Keys.Scope] = cmd.Scope.ToString(),
            [Keys.Symptoms] = cmd.Symptoms.Trim(),
            [Keys.ReporterName] = cmd.ReporterName?.Trim() ?? "",
            [Keys.ReporterMobile] = cmd.ReporterMobile?.Trim() ?? "",
            [Keys.ReportedAt] = Iso(cmd.ReportedAt),
            [Keys.PolicyVersion] = cmd.PolicyVersion.ToString(CultureInfo.InvariantCulture),
            [Keys.State] = TicketState.Reported.ToString(),
        };
        if (!string.IsNullOrWhiteSpace(cmd.BackdateReason))
        {
            data[Keys.BackdateReason] = cmd.BackdateReason.Trim();
        }

        if (!string.IsNullOrWhiteSpace(cmd.LocationOverrideReason))
        {
            data[Keys.LocationOverrideReason] = cmd.LocationOverrideReason.Trim();
        }

        if (cmd.IncidentId is { } incident)
        {
            data[Keys.IncidentId] = incident.ToString();
        }

        var ticket = new FaultTicket();
        ticket.Record(new TicketEvent(
            cmd.Id, 1, TicketTrigger.Report, actor.UserId, actor.DisplayName, actor.Role, now.ToUniversalTime(),
            cmd.BackdateReason?.Trim(), data));
        return Result<FaultTicket>.Ok(ticket);
    }

    /// <summary>Rebuilds a ticket from its full history (first event must be Report, sequences 1..n). Throws on a corrupt history.</summary>
    public static FaultTicket Rehydrate(IEnumerable<TicketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ticket = new FaultTicket();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != ticket.Version + 1)
            {
                throw new ArgumentException($"Event sequence {e.Sequence} is out of order (expected {ticket.Version + 1}).", nameof(events));
            }

            if ((e.Sequence == 1) != (e.Trigger == TicketTrigger.Report))
            {
                throw new ArgumentException("A ticket history starts with exactly one Report event.", nameof(events));
            }

            if (e.Sequence > 1 && e.TicketId != ticket.Id)
            {
                throw new ArgumentException($"Event {e.Sequence} belongs to another ticket.", nameof(events));
            }

            ticket.Record(e);
        }

        if (ticket.Version == 0)
        {
            throw new ArgumentException("A ticket history cannot be empty.", nameof(events));
        }

        return ticket;
    }

    /// <summary>
    /// The ticket as it stood at <paramref name="now"/>: rebuilt from the events recorded up to then (the Report
    /// event always included); this instance itself when nothing happened after <paramref name="now"/>.
    /// </summary>
    public FaultTicket AsOf(DateTimeOffset now) =>
        _events[^1].At <= now ? this : Rehydrate(_events.Where(e => e.Sequence == 1 || e.At <= now));

    /// <summary>The refusal of a carrier move on a LAN-scope ticket (Article 11).</summary>
    public const string LanNotForCarrierMessage = "单位局域网故障由单位自行处理，运营商无需响应";

    /// <summary>
    /// Whether <paramref name="actor"/> may fire <paramref name="trigger"/> now: the transition table row,
    /// carrier ownership ("只能处理本运营商的工单"), no carrier move on a LAN-scope ticket (Article 11: neither by the
    /// carrier nor recorded by Ops on its behalf) and request guards. Reasons are checked by <see cref="Apply"/>.
    /// </summary>
    public Result CanApply(TicketTrigger trigger, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (trigger == TicketTrigger.Report)
        {
            return Result.Fail("工单已申告，不能重复申告");
        }

        var roles = TransitionTable.RolesFor(trigger);
        var action = RefusalNames.ActionName(trigger);
        if (!roles.Contains(actor.Role))
        {
            return Result.Fail($"只有{string.Join("或", roles.Select(RefusalNames.RoleName))}可以{action}");
        }

        if (actor.Role == Role.Carrier && actor.CarrierId != CarrierId)
        {
            return Result.Fail("只能处理本运营商的工单");
        }

        // Article 11: a unit's own LAN fault is not the carrier's to answer, in any state.
        if (!HasCarrierClocks && actor.Role == Role.Carrier)
        {
            return Result.Fail(LanNotForCarrierMessage);
        }

        var row = TransitionTable.Find(State, trigger, actor.Role);
        if (row is null)
        {
            return Result.Fail(StateMessage(trigger, actor.Role, action));
        }

        // Nor does Ops record a carrier's move on its behalf (a phoned acknowledgement) on a LAN ticket.
        if (!HasCarrierClocks && row.IsOnBehalf)
        {
            return Result.Fail(LanNotForCarrierMessage);
        }

        return trigger switch
        {
            TicketTrigger.RequestComplex when Complex == ComplexStatus.Requested => Result.Fail("复杂故障申请正在审批中，请等待运维值班员处理"),
            TicketTrigger.RequestComplex when Complex == ComplexStatus.Approved => Result.Fail("本工单已认定为复杂故障，无需重复申请"),
            TicketTrigger.ApproveComplex or TicketTrigger.RejectComplex when Complex != ComplexStatus.Requested => Result.Fail("没有待审批的复杂故障申请"),
            TicketTrigger.RequestSuspend when PendingSuspendReason is not null => Result.Fail("已有待审批的挂起申请，请等待运维值班员处理"),
            TicketTrigger.ApproveSuspend or TicketTrigger.RejectSuspend when PendingSuspendReason is null => Result.Fail("没有待审批的挂起申请"),
            _ => Result.Ok(),
        };
    }

    /// <summary>The triggers <paramref name="actor"/> may fire now (reasons aside), in enum order.</summary>
    public IReadOnlyList<TicketTrigger> AvailableTriggers(Actor actor) =>
        Enum.GetValues<TicketTrigger>().Where(t => CanApply(t, actor).IsSuccess).ToList();

    /// <summary>
    /// Applies a lifecycle command at <paramref name="now"/>: checks <see cref="CanApply"/>, the reason the move's
    /// row requires, that time does not run backwards and, for a move recorded after the fact, its
    /// <see cref="TicketCommand.OccurredAt"/>; then records and returns the event (stamped <paramref name="now"/>).
    /// </summary>
    /// <remarks>
    /// 代记电话响应 (<see cref="TicketTrigger.RecordAcknowledgement"/>, interpretation 9): the call time must lie
    /// within [report time, <paramref name="now"/>]. It may lie before earlier events (a progress note logged
    /// before the call was recorded); the response clock stops at the call time, but only from the moment the
    /// acknowledgement is recorded (<see cref="AsOf"/>): evaluated before that, the clock was still running.
    /// </remarks>
    public Result<TicketEvent> Apply(TicketCommand cmd, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var can = CanApply(cmd.Trigger, actor);
        if (!can.IsSuccess)
        {
            return Result<TicketEvent>.Fail(can.Error!);
        }

        var row = TransitionTable.Find(State, cmd.Trigger, actor.Role)!;
        var reason = string.IsNullOrWhiteSpace(cmd.Reason) ? null : cmd.Reason.Trim();
        if (reason is null && row.ReasonRequired)
        {
            return Result<TicketEvent>.Fail(row.MissingReasonMessage!);
        }

        now = now.ToUniversalTime();
        if (now < _events[^1].At)
        {
            return Result<TicketEvent>.Fail($"操作时间不能早于上一条记录的时间（{ChinaTime.Format(_events[^1].At)}），请检查服务器时钟");
        }

        var occurredAt = now;
        if (row.OccurredAtRequired)
        {
            var error = ValidateOccurredAt(cmd.OccurredAt, now);
            if (error is not null)
            {
                return Result<TicketEvent>.Fail(error);
            }

            occurredAt = cmd.OccurredAt!.Value.ToUniversalTime();
        }

        var data = new Dictionary<string, string> { [Keys.State] = row.To.ToString() };
        if (row.IsOnBehalf)
        {
            data[Keys.OnBehalfOfCarrierId] = CarrierId.ToString(CultureInfo.InvariantCulture);
        }

        switch (cmd.Trigger)
        {
            case TicketTrigger.Acknowledge:
            case TicketTrigger.RecordAcknowledgement:
                data[Keys.AcknowledgedAt] = Iso(occurredAt);
                break;
            case TicketTrigger.RequestComplex:
                data[Keys.Complex] = ComplexStatus.Requested.ToString();
                break;
            case TicketTrigger.ApproveComplex:
                data[Keys.Complex] = ComplexStatus.Approved.ToString();
                data[Keys.ComplexApprovedAt] = Iso(now);
                break;
            case TicketTrigger.RejectComplex:
                data[Keys.Complex] = ComplexStatus.Rejected.ToString();
                break;
            case TicketTrigger.RequestSuspend:
                data[Keys.PendingSuspendReason] = reason!;
                break;
            case TicketTrigger.ApproveSuspend:
                data[Keys.SuspendedFrom] = Iso(now);
                break;
            case TicketTrigger.Resume:
                data[Keys.SuspendedUntil] = Iso(now);
                break;
            case TicketTrigger.MarkRepaired:
                data[Keys.RepairedAt] = Iso(now);
                break;
            case TicketTrigger.ConfirmClosed:
                data[Keys.ClosedAt] = Iso(now);
                break;
            case TicketTrigger.Reopen:
                data[Keys.RepairedAt] = "";
                break;
            case TicketTrigger.Cancel:
                data[Keys.CancelledAt] = Iso(now);
                if (State == TicketState.Suspended)
                {
                    data[Keys.SuspendedUntil] = Iso(now);
                }

                break;
        }

        var e = new TicketEvent(Id, Version + 1, cmd.Trigger, actor.UserId, actor.DisplayName, actor.Role, now, reason, data);
        Record(e);
        return Result<TicketEvent>.Ok(e);
    }

    /// <summary>
    /// The acknowledgement time an Acknowledge or RecordAcknowledgement event recorded (for a phoned one, the time of
    /// the call, interpretation 9); null for any other event.
    /// </summary>
    public static DateTimeOffset? AcknowledgedAtOf(TicketEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Trigger is not (TicketTrigger.Acknowledge or TicketTrigger.RecordAcknowledgement))
        {
            return null;
        }

        // Events written before phoned acknowledgements existed hold e.At in the key too; one without it means e.At.
        return e.Data.TryGetValue(Keys.AcknowledgedAt, out var value) ? ParseInstant(value) : e.At;
    }

    private static string? ValidateReport(ReportFault cmd, Actor actor, DateTimeOffset now)
    {
        if (actor.Role != Role.Ops)
        {
            return "只有运维值班员可以申告故障";
        }

        if (cmd.Id == Guid.Empty)
        {
            return "工单编号无效";
        }

        if (cmd.SiteId <= 0)
        {
            return "请选择接入单位";
        }

        if (cmd.CarrierId <= 0)
        {
            return "请选择运营商";
        }

        if (!Enum.IsDefined(cmd.LocationClass) || !Enum.IsDefined(cmd.Scope))
        {
            return "请选择位置类别和故障范围";
        }

        if (string.IsNullOrWhiteSpace(cmd.Symptoms))
        {
            return "请填写故障现象";
        }

        if (cmd.PolicyVersion < 1)
        {
            return "时限政策版本无效";
        }

        if (cmd.IncidentId == Guid.Empty)
        {
            return "事件编号无效";
        }

        return ReportRuleViolations(cmd, now).Select(v => v.Message).FirstOrDefault();
    }

    /// <summary>
    /// The rules a fault report must meet beyond its shape (interpretations 1 and 3), each with the
    /// <see cref="ReportFault"/> property it concerns: the report time is not in the future and at most
    /// <see cref="MaxBackdate"/> back; beyond <see cref="BackdateTolerance"/> a back-dating reason is required;
    /// overriding the registry's location class requires a reason. Empty when the report may be logged.
    /// </summary>
    public static IReadOnlyList<ReportViolation> ReportRuleViolations(ReportFault cmd, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var violations = new List<ReportViolation>();
        if (cmd.ReportedAt > now)
        {
            violations.Add(new(nameof(ReportFault.ReportedAt), "申告时间不能晚于当前时间"));
        }
        else if (now - cmd.ReportedAt > MaxBackdate)
        {
            violations.Add(new(nameof(ReportFault.ReportedAt), "申告时间不能早于 7 天前"));
        }
        else if (cmd.ReportedAt < now - BackdateTolerance && string.IsNullOrWhiteSpace(cmd.BackdateReason))
        {
            violations.Add(new(nameof(ReportFault.BackdateReason), "申告时间早于当前时间 5 分钟以上，请填写补录原因"));
        }

        if (cmd.RegistryLocationClass is { } registry && registry != cmd.LocationClass
            && string.IsNullOrWhiteSpace(cmd.LocationOverrideReason))
        {
            violations.Add(new(nameof(ReportFault.LocationOverrideReason), "位置类别与接入单位登记不一致，请填写修改原因"));
        }

        return violations;
    }

    private string? ValidateOccurredAt(DateTimeOffset? occurredAt, DateTimeOffset now)
    {
        if (occurredAt is not { } at)
        {
            return "请填写电话响应时间";
        }

        if (at > now)
        {
            return "电话响应时间不能晚于当前时间";
        }

        if (at < ReportedAt)
        {
            return $"电话响应时间不能早于申告时间（{ChinaTime.Format(ReportedAt)}）";
        }

        return null;
    }

    private string StateMessage(TicketTrigger trigger, Role role, string action)
    {
        if (State == TicketState.Closed)
        {
            return $"工单已关闭，不能再{action}";
        }

        if (State == TicketState.Cancelled)
        {
            return $"工单已撤销，不能再{action}";
        }

        if (role == Role.Carrier && State == TicketState.Reported)
        {
            return "请先响应接单";
        }

        return (trigger, State) switch
        {
            (TicketTrigger.Acknowledge or TicketTrigger.RecordAcknowledgement, _) => "工单已响应接单，无需重复响应",
            (TicketTrigger.MarkRepaired or TicketTrigger.RequestSuspend, TicketState.Suspended) => $"工单处于挂起状态，请先恢复处理再{action}",
            (TicketTrigger.MarkRepaired, TicketState.Repaired) => "工单已标记修复完成，等待运维值班员回访确认",
            (TicketTrigger.ConfirmClosed or TicketTrigger.Reopen, _) => $"只有已修复待回访的工单才能{action}（当前状态：{RefusalNames.StateName(State)}）",
            (TicketTrigger.Resume, _) => "工单未处于挂起状态，无需恢复处理",
            _ => $"工单当前状态为“{RefusalNames.StateName(State)}”，不能{action}",
        };
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();

    /// <summary>The one place where state changes: used by both <see cref="Apply"/> and <see cref="Rehydrate"/>.</summary>
    private void Record(TicketEvent e)
    {
        var d = e.Data;
        switch (e.Trigger)
        {
            case TicketTrigger.Report:
                Id = Guid.Parse(d[Keys.Id]);
                SiteId = int.Parse(d[Keys.SiteId], CultureInfo.InvariantCulture);
                CarrierId = int.Parse(d[Keys.CarrierId], CultureInfo.InvariantCulture);
                LocationClass = Enum.Parse<LocationClass>(d[Keys.LocationClass]);
                Scope = Enum.Parse<FaultScope>(d[Keys.Scope]);
                Symptoms = d[Keys.Symptoms];
                ReporterName = d.GetValueOrDefault(Keys.ReporterName, "");
                ReporterMobile = d.GetValueOrDefault(Keys.ReporterMobile, "");
                ReportedAt = ParseInstant(d[Keys.ReportedAt]);
                PolicyVersion = int.Parse(d[Keys.PolicyVersion], CultureInfo.InvariantCulture);
                BackdateReason = d.GetValueOrDefault(Keys.BackdateReason);
                LocationOverrideReason = d.GetValueOrDefault(Keys.LocationOverrideReason);
                IncidentId = d.TryGetValue(Keys.IncidentId, out var incident) ? Guid.Parse(incident) : null;
                LoggedAt = e.At;
                break;
            case TicketTrigger.Acknowledge:
            case TicketTrigger.RecordAcknowledgement:
                AcknowledgedAt = AcknowledgedAtOf(e);
                break;
            case TicketTrigger.RequestComplex:
                Complex = ComplexStatus.Requested;
                ComplexReason = e.Reason;
                break;
            case TicketTrigger.ApproveComplex:
                Complex = ComplexStatus.Approved;
                ComplexApprovedAt = e.At;
                break;
            case TicketTrigger.RejectComplex:
                Complex = ComplexStatus.Rejected;
                break;
            case TicketTrigger.RequestSuspend:
                PendingSuspendReason = e.Reason;
                break;
            case TicketTrigger.RejectSuspend:
                PendingSuspendReason = null;
                break;
            case TicketTrigger.ApproveSuspend:
                PendingSuspendReason = null;
                _suspensions.Add(new SuspensionInterval(e.At, null));
                break;
            case TicketTrigger.Resume:
                CloseSuspension(e.At);
                break;
            case TicketTrigger.MarkRepaired:
                RepairedAt = e.At;
                break;
            case TicketTrigger.ConfirmClosed:
                ClosedAt = e.At;
                break;
            case TicketTrigger.Reopen:
                RepairedAt = null;
                break;
            case TicketTrigger.Cancel:
                CancelledAt = e.At;
                PendingSuspendReason = null;
                CloseSuspension(e.At);
                break;
        }

        State = Enum.Parse<TicketState>(d[Keys.State]);
        _events.Add(e);
    }

    private void CloseSuspension(DateTimeOffset at)
    {
        if (_suspensions.Count > 0 && _suspensions[^1].End is null)
        {
            _suspensions[^1] = _suspensions[^1] with { End = at };
        }
    }

    /// <summary>Keys of <see cref="TicketEvent.Data"/>.</summary>
    private static class Keys
    {
        public const string Id = "id";
        public const string SiteId = "siteId";
        public const string CarrierId = "carrierId";
        public const string LocationClass = "locationClass";
        public const string Scope = "scope";
        public const string Symptoms = "symptoms";
        public const string ReporterName = "reporterName";
        public const string ReporterMobile = "reporterMobile";
        public const string ReportedAt = "reportedAt";
        public const string BackdateReason = "backdateReason";
        public const string LocationOverrideReason = "locationOverrideReason";
        public const string PolicyVersion = "policyVersion";
        public const string IncidentId = "incidentId";
        public const string State = "state";
        public const string AcknowledgedAt = "acknowledgedAt";
        public const string OnBehalfOfCarrierId = "onBehalfOfCarrierId";
        public const string Complex = "complex";
        public const string ComplexApprovedAt = "complexApprovedAt";
        public const string PendingSuspendReason = "pendingSuspendReason";
        public const string SuspendedFrom = "suspendedFrom";
        public const string SuspendedUntil = "suspendedUntil";
        public const string RepairedAt = "repairedAt";
        public const string ClosedAt = "closedAt";
        public const string CancelledAt = "cancelledAt";
    }
}
