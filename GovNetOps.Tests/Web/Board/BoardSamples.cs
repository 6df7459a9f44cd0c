using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using GovNetOps.Tests.Domain;
using GovNetOps.Web.Features.Board;

namespace GovNetOps.Tests.Web.Board;

/// <summary>Board rows built from real domain tickets (via <see cref="TicketBuilder"/>), reported at
/// <see cref="Fixtures.T0"/> unless shifted, under the regulation's version with the default Warning rung of 80 %.</summary>
internal static class BoardSamples
{
    private static readonly SlaPolicyBook Policies = SlaPolicyBook.Single(SlaPolicy.Regulation);

    public static BoardRow Row(TicketBuilder builder, string number, DateTimeOffset now, int id = 1) =>
        BoardRules.RowFor(builder.WithId(new Guid(id, 0, 0, new byte[8])).Build(), number, "县财政局", "电信", Policies, now)!;

    public static BoardRow? RowOrNull(FaultTicket ticket, DateTimeOffset now) =>
        BoardRules.RowFor(ticket, "GZ-1", "县财政局", "电信", Policies, now);

    public static BoardSnapshot Snapshot(DateTimeOffset takenAt, params BoardRow[] rows) =>
        new(1, takenAt, rows, 0, [], []);
}
