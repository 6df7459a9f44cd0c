using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Infrastructure.Tickets;

/// <summary>Writes a ticket into its queryable row: the ticket's own fields and, per clock, what every reader
/// needs (deadline, allowance, running or suspended, the breached deadline, the met instant), taken from the
/// Domain's <see cref="SlaClocks"/> at the instant of the write. Readers never re-derive a clock: they read these
/// columns through <see cref="TicketFilters"/> (SQL) or as <see cref="ClockSignal"/>s (memory).</summary>
public sealed class TicketProjection(SlaPolicyBook policies)
{
    /// <summary>Raised whenever the row layout or its meaning changes; older rows are rebuilt at start-up.</summary>
    public const int CurrentVersion = 3;

    /// <summary>Writes <paramref name="ticket"/>, with its clocks at <paramref name="now"/> (not before its last event), into <paramref name="r"/>.</summary>
    public void Write(FaultTicket ticket, FaultTicketRecord r, DateTimeOffset now)
    {
        r.IncidentId = ticket.IncidentId;
        r.SiteId = ticket.SiteId;
        r.CarrierId = ticket.CarrierId;
        r.LocationClass = ticket.LocationClass;
        r.Scope = ticket.Scope;
        r.Symptoms = ticket.Symptoms;
        r.ReporterName = ticket.ReporterName;
        r.ReporterMobile = ticket.ReporterMobile;
        r.ReportedAt = ticket.ReportedAt;
        r.LoggedAt = ticket.LoggedAt;
        r.PolicyVersion = ticket.PolicyVersion;
        r.State = ticket.State;
        r.IsOpen = ticket.IsOpen;
        r.AcknowledgedAt = ticket.AcknowledgedAt;
        r.RepairedAt = ticket.RepairedAt;
        r.ClosedAt = ticket.ClosedAt;
        r.CancelledAt = ticket.CancelledAt;
        r.Complex = ticket.Complex;
        r.SuspendRequested = ticket.PendingSuspendReason is not null;
        r.LastEventAt = ticket.Events[^1].At;
        r.Version = ticket.Version;
        r.ProjectionVersion = CurrentVersion;

        var at = now < r.LastEventAt ? r.LastEventAt : now;
        var clocks = SlaClocks.Compute(ticket, policies, at);
        var response = clocks.FirstOrDefault(c => c.Kind == ClockKind.Response);
        var repair = clocks.FirstOrDefault(c => c.Kind == ClockKind.Repair);

        r.ResponseDeadline = response?.Deadline;
        r.ResponseAllowance = response?.Allowance;
        r.ResponseRunning = response?.IsRunning ?? false;
        r.ResponseBreachedDeadline = response?.BreachedDeadline;
        r.ResponseMetAt = response is { State: ClockState.Met } ? response.StoppedAt : null;

        r.RepairDeadline = repair?.Deadline;
        r.RepairAllowance = repair?.Allowance;
        r.RepairRunning = repair?.IsRunning ?? false;
        r.RepairSuspended = repair?.State == ClockState.Suspended;
        r.RepairBreachedDeadline = repair?.BreachedDeadline;
        r.RepairMetAt = repair is { State: ClockState.Met } ? repair.StoppedAt : null;

        r.ResponseSeconds = response is not null && ticket.AcknowledgedAt is { } acknowledged
            ? Seconds(acknowledged - ticket.ReportedAt)
            : null;
        r.RepairSeconds = repair is not null && ticket.RepairedAt is { } repaired
            ? Seconds(repaired - ticket.ReportedAt - repair.SuspendedTime)
            : null;
        r.SuspensionCount = ticket.Suspensions.Count;
        r.SuspendedSeconds = ticket.Suspensions.Where(s => s.End is not null).Sum(s => Seconds(s.DurationAt(s.End!.Value)));
        r.SuspendedSince = ticket.Suspensions.LastOrDefault(s => s.End is null)?.Start;
        r.ComplexApprovedAt = ticket.Complex == ComplexStatus.Approved ? ticket.ComplexApprovedAt : null;
        r.ReopenCount = ticket.Events.Count(e => e.Trigger == TicketTrigger.Reopen);
    }

    private static long Seconds(TimeSpan span) => span < TimeSpan.Zero ? 0 : (long)span.TotalSeconds;
}
