using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Board;

/// <summary>
/// The board's rules as plain functions of the rows and an instant, so the server, the bUnit tests and
/// <c>wwwroot/js/board.js</c> agree: a row is breached once a clock is past its deadline (strictly after it,
/// like <see cref="SlaClocks"/>) or a breach is recorded; in warning from the Warning rung of the escalation
/// ladder (default 80 % of the clock's allowance, <see cref="EscalationPolicy"/>); ordered by time left.
/// </summary>
public static class BoardRules
{
    /// <summary>The Warning rung's fraction of the ladder in force (default 0.8).</summary>
    public static double WarningFraction(EscalationPolicy policy) =>
        (policy.Ladder.FirstOrDefault(r => r.Level == EscalationLevel.Warning)
         ?? EscalationPolicy.DefaultRules.First(r => r.Level == EscalationLevel.Warning)).Fraction;

    /// <summary>The board row of an open backbone ticket at <paramref name="now"/>; null for LAN faults (no carrier clocks).</summary>
    public static BoardRow? RowFor(FaultTicket ticket, string number, string siteName, string carrierName, SlaPolicyBook policies, double warningFraction, DateTimeOffset now)
    {
        if (!ticket.HasCarrierClocks) return null;
        var clocks = SlaClocks.Compute(ticket, policies, now);
        var response = clocks.FirstOrDefault(c => c.Kind == ClockKind.Response);
        var repair = clocks.FirstOrDefault(c => c.Kind == ClockKind.Repair);
        var governing = clocks.Where(c => c.IsRunning).OrderBy(c => c.Deadline).FirstOrDefault();
        // With suspended time excluded, the rung is reached (1 - f) of the allowance before the shifted deadline.
        var warningAt = governing is null ? (DateTimeOffset?)null : governing.Deadline - (1 - warningFraction) * governing.Allowance;
        var paused = governing is null ? clocks.FirstOrDefault(c => c.State == ClockState.Suspended) : null;
        return new BoardRow(
            ticket.Id, number, siteName, ticket.LocationClass, ticket.CarrierId, carrierName, ticket.State, ticket.Complex,
            ticket.PendingSuspendReason is not null, ticket.ReportedAt, governing?.Kind, governing?.Deadline, warningAt,
            paused?.TimeLeft, response?.IsBreached ?? false, repair?.IsBreached ?? false);
    }

    public static BoardRowState StateAt(BoardRow row, DateTimeOffset now)
    {
        if (row.HasRecordedBreach) return BoardRowState.Breached;
        if (row.Deadline is { } deadline)
        {
            if (now > deadline) return BoardRowState.Breached;
            return now >= row.WarningAt ? BoardRowState.Warning : BoardRowState.OnTrack;
        }
        return row.PausedLeft is not null ? BoardRowState.Paused : BoardRowState.Stopped;
    }

    /// <summary>Time left on the governing clock (negative when overdue), the frozen time left while
    /// suspended, or null when no clock runs.</summary>
    public static TimeSpan? TimeLeft(BoardRow row, DateTimeOffset now) =>
        row.Deadline is { } deadline ? deadline - now : row.PausedLeft;

    /// <summary>Least time left first (the most overdue on top), to the second; suspended rows by their frozen
    /// time left; rows with no clock running last; ties oldest report first. Exactly the order of
    /// <see cref="Position"/>, then <see cref="InReportOrder"/>, which is how the board lays the rows out.</summary>
    public static IReadOnlyList<BoardRow> Order(IEnumerable<BoardRow> rows, DateTimeOffset now) =>
        InReportOrder(rows).OrderBy(r => Position(r, now)).ToList();

    /// <summary>The order rows keep in the page: oldest report first. A new ticket is appended and an
    /// acknowledged one stays where it is, so a change never moves the other rows' elements.</summary>
    public static IReadOnlyList<BoardRow> InReportOrder(IEnumerable<BoardRow> rows) =>
        rows.OrderBy(r => r.ReportedAt).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();

    private static readonly DateTimeOffset PositionEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A row's place on the board as a CSS <c>order</c> value: the instant its time left runs out, in
    /// whole seconds since 2020 (fits CSS's 32-bit integer until 2088). A running clock's value is its deadline,
    /// so it stays the same from render to render and only the changed ticket's row gets a new one; a
    /// suspended row's value is now + its frozen time left; rows with no clock come last.</summary>
    public static int Position(BoardRow row, DateTimeOffset now) => TimeLeft(row, now) is { } left
        ? (int)Math.Clamp(Math.Floor((now + left - PositionEpoch).TotalSeconds), int.MinValue + 1, int.MaxValue - 1)
        : int.MaxValue;

    /// <summary>Headline counts at <paramref name="now"/>. Breaches today: the snapshot's count plus rows
    /// that ran out since it was taken on the same China day (the server re-snapshots at every deadline
    /// and at midnight, so this only bridges the moment until it does).</summary>
    public static BoardCounts Count(BoardSnapshot snapshot, DateTimeOffset now)
    {
        var states = snapshot.Rows.Select(r => StateAt(r, now)).ToList();
        var today = ChinaTime.DateOf(now);
        var newlyBreached = ChinaTime.DateOf(snapshot.TakenAt) != today ? 0 : snapshot.Rows.Count(r =>
            StateAt(r, snapshot.TakenAt) != BoardRowState.Breached && StateAt(r, now) == BoardRowState.Breached);
        return new BoardCounts(
            snapshot.Rows.Count,
            states.Count(s => s == BoardRowState.Warning),
            states.Count(s => s == BoardRowState.Breached),
            snapshot.BreachedToday + newlyBreached);
    }

    /// <summary>The next instant after <paramref name="now"/> at which a row changes colour or the China day
    /// ends: when the server re-takes the snapshot so its counts stay right without any viewer polling.</summary>
    public static DateTimeOffset NextThreshold(IEnumerable<BoardRow> rows, DateTimeOffset now)
    {
        var midnight = ChinaTime.StartOfDayUtc(ChinaTime.DateOf(now).AddDays(1));
        var next = midnight;
        foreach (var row in rows)
        {
            if (row.HasRecordedBreach || row.Deadline is not { } deadline) continue;
            // Breached means strictly after the deadline: the first instant past it.
            foreach (var instant in new[] { row.WarningAt!.Value, deadline + TimeSpan.FromTicks(1) })
                if (instant > now && instant < next) next = instant;
        }
        return next;
    }

    /// <summary>"1:02:03" for time left, or the overdue time; days fold into hours (complex faults run 48 h).</summary>
    public static string Clock(TimeSpan span)
    {
        var abs = span.Duration();
        return $"{(int)abs.TotalHours}:{abs.Minutes:00}:{abs.Seconds:00}";
    }
}
