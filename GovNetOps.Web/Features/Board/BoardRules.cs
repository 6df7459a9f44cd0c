using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Board;

/// <summary>
/// The board's layout rules as plain functions of the rows and an instant: order by time left, headline counts,
/// the next instant a colour flips. The colour itself is the Domain's one rule (<see cref="ClockSignal"/>); the
/// browser (<c>wwwroot/js/board.js</c>) is handed the flip instants and restates nothing.
/// </summary>
public static class BoardRules
{
    /// <summary>The board row of an open backbone ticket at <paramref name="now"/>, coloured by the ladder of its own policy
    /// version; null for LAN faults (no carrier clocks).</summary>
    public static BoardRow? RowFor(FaultTicket ticket, string number, string siteName, string carrierName, SlaPolicyBook policies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.HasCarrierClocks)
        {
            return null;
        }

        ArgumentNullException.ThrowIfNull(policies);
        var clocks = SlaClocks.Compute(ticket, policies, now);
        // The warning colour follows the ladder of the ticket's own version, like its deadlines.
        var ladder = policies.ForVersion(ticket.PolicyVersion).Escalation;
        var response = clocks.FirstOrDefault(c => c.Kind == ClockKind.Response) is { } r ? ClockSignal.From(r, ladder) : null;
        var repair = clocks.FirstOrDefault(c => c.Kind == ClockKind.Repair) is { } p ? ClockSignal.From(p, ladder) : null;
        var paused = ClockSignal.Governing([response, repair]) is null ? clocks.FirstOrDefault(c => c.State == ClockState.Suspended) : null;
        return new BoardRow(
            ticket.Id, number, siteName, ticket.LocationClass, ticket.CarrierId, carrierName, ticket.State, ticket.Complex,
            ticket.PendingSuspendReason is not null, ticket.ReportedAt, response, repair, paused?.TimeLeft);
    }

    /// <summary>The row's colour at <paramref name="now"/>: the one rule, <see cref="ClockSignal.RowColourAt"/>.</summary>
    public static ClockColour StateAt(BoardRow row, DateTimeOffset now) => row.ColourAt(now);

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
            StateAt(r, snapshot.TakenAt) != ClockColour.Breached && StateAt(r, now) == ClockColour.Breached);
        return new BoardCounts(
            snapshot.Rows.Count,
            states.Count(s => s == ClockColour.Warning),
            states.Count(s => s == ClockColour.Breached),
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
            foreach (var instant in new[] { row.WarningAt, row.BreachesFrom })
            {
                if (instant > now && instant < next)
                {
                    next = instant.Value;
                }
            }
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
