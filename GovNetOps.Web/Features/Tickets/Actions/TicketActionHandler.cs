using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Tickets;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Web.Features.Tickets.Actions;

/// <summary>Applies a lifecycle command (acknowledge, progress, complex, suspension, repaired, close, reopen,
/// cancel) authorised on the server: by ownership (a carrier touches only its own tickets) and by the Domain's
/// transition table, against the version the person saw. Returns as soon as the event is committed.</summary>
public sealed class TicketActionHandler(
    TicketStore store,
    TimeProvider time,
    Notifier<TicketChanged> changes,
    CurrentActors actors,
    ILogger<TicketActionHandler> logger)
{
    /// <summary>Longest reason or note on a lifecycle action (the event column's length).</summary>
    public const int NoteMax = 1000;

    /// <summary>Applies <paramref name="command"/> from a view of version <paramref name="expectedVersion"/>; returns the new version.
    /// Refused when the user may not see the ticket, the Domain refuses the move, or the view is stale.</summary>
    public async Task<Result<int>> ApplyAsync(Guid ticketId, int expectedVersion, TicketCommand command, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        // Signed in but refused: the account lost its role or carrier, was locked or its stamp changed since sign-in.
        if (actor is null)
        {
            return Result<int>.Fail(user.Identity?.IsAuthenticated == true ? Resources.TicketText.SessionRevoked : TicketDetailsHandler.NotFoundMessage);
        }

        var ticket = await store.LoadAsync(ticketId, cancellationToken);
        if (ticket is null || !TicketFilters.CanSee(actor, ticket.CarrierId))
        {
            logger.LogWarning("Refused {Trigger} on ticket {Ticket} by {User} ({Role}, carrier {Carrier}): not visible",
                command.Trigger, ticketId, user.Identity?.Name, actor.Role, actor.CarrierId);
            return Result<int>.Fail(TicketDetailsHandler.NotFoundMessage);
        }
        if (ticket.Version != expectedVersion)
        {
            return Result<int>.Fail(TicketStore.ConflictMessage);
        }
        // A crafted request can carry any integer as the trigger and any length of text as the note.
        if (!Enum.IsDefined(command.Trigger))
        {
            return Result<int>.Fail(Resources.TicketText.InvalidAction);
        }

        if ((command.Reason?.Trim().Length ?? 0) > NoteMax)
        {
            return Result<int>.Fail(string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.TicketText.NoteTooLong, NoteMax));
        }

        var now = time.GetUtcNow();
        var applied = ticket.Apply(command, actor, now);
        if (!applied.IsSuccess)
        {
            logger.LogInformation("Refused {Trigger} on ticket {Ticket} by {User}: {Reason}", command.Trigger, ticketId, user.Identity?.Name, applied.Error);
            return Result<int>.Fail(applied.Error!);
        }
        var saved = await store.SaveAsync(ticket, expectedVersion, now, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Result<int>.Fail(saved.Error!);
        }

        changes.Publish(new TicketChanged(ticket.Id, saved.Value!, ticket.CarrierId, command.Trigger, ticket.Version));
        return Result<int>.Ok(ticket.Version);
    }
}
