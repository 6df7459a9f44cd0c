using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Text = GovNetOps.Web.Resources.Disputes;

namespace GovNetOps.Web.Features.Reports.Disputes;

/// <summary>A dispute raised or decided (for Ops's inbox and open report pages).</summary>
public sealed record BreachDisputeChanged(long DisputeId, int CarrierId);

/// <summary>One ledger line as its page shows it, with what the viewer may do with it.</summary>
public sealed record BreachLineView(BreachLine Line, DisputeView? Dispute, bool CanDispute, bool CanDecide, IReadOnlyList<ChangeRecord> History);

public sealed record DisputeView(
    long Id, BreachDisputeState State, string Reason, string RaisedByName, DateTimeOffset RaisedAt,
    string DecisionReason, string DecidedByName, DateTimeOffset? DecidedAt, IReadOnlyList<AttachmentView> Attachments);

public sealed record AttachmentView(long Id, string FileName, long Size)
{
    public string Href => $"/reports/disputes/attachments/{Id}";
}

/// <summary>An attachment's bytes for download.</summary>
public sealed record DisputeFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Disputes of the breach ledger (Article 7 prices breaches; a carrier may contest one). A carrier disputes a line
/// of its OWN carrier with a reason and up to five files; Ops upholds (the breach stands) or waives it with a reason.
/// One dispute per line, decided once; each step writes a <see cref="ChangeRecord"/> in the same SaveChanges.
/// Every read and action resolves the account as it is now and checks it here, on the server: a carrier never
/// reaches another carrier's line, dispute or attachment (it reads as "not found").
/// </summary>
public sealed class BreachDisputeHandler(
    IDbContextFactory<AppDbContext> factory,
    CurrentActors actors,
    TimeProvider time,
    ChangeLog changeLog,
    Notifier<BreachDisputeChanged> changes)
{
    public const string EntityType = "BreachDispute";
    public const int MaxReasonLength = 1000;

    /// <summary>The line of ticket <paramref name="number"/>'s <paramref name="clock"/> as <paramref name="user"/> may see it; null
    /// when there is no such breach or the user may not see it.</summary>
    public async Task<BreachLineView?> LineAsync(ClaimsPrincipal user, string number, ClockKind clock, CancellationToken cancellationToken = default)
    {
        if (await ReaderAsync(user, cancellationToken) is not { } actor)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await FindLineAsync(db, actor, number, clock, cancellationToken) is not { } line)
        {
            return null;
        }

        DisputeView? dispute = null;
        if (line.DisputeId is { } id)
        {
            var record = await db.BreachDisputes.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
            var files = await db.BreachDisputeAttachments.AsNoTracking().Where(a => a.DisputeId == id).OrderBy(a => a.Id)
                .Select(a => new AttachmentView(a.Id, a.FileName, a.Size)).ToListAsync(cancellationToken);
            dispute = new DisputeView(record.Id, record.State, record.Reason, record.RaisedByName, record.RaisedAt,
                record.DecisionReason, record.DecidedByName, record.DecidedAt, files);
        }

        var key = LineKey(line.Number, clock);
        var history = await db.ChangeRecords.AsNoTracking().Where(c => c.EntityType == EntityType && c.EntityId == key)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var canDispute = dispute is null && actor.Role == Role.Carrier && actor.CarrierId == line.CarrierId
            && await actors.AllowsAsync(user, AppPolicies.BreachDispute, cancellationToken);
        var canDecide = dispute is { State: BreachDisputeState.Pending } && await actors.AllowsAsync(user, AppPolicies.BreachDisputeDecide, cancellationToken);
        return new BreachLineView(line, dispute, canDispute, canDecide, history);
    }

    /// <summary>The carrier disputes its line: a reason (required) and up to five files; the id of the new dispute.</summary>
    public async Task<Result<long>> RaiseAsync(
        ClaimsPrincipal user, string number, ClockKind clock, string? reason, IReadOnlyList<DisputeUpload> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!await actors.AllowsAsync(user, AppPolicies.BreachDispute, cancellationToken)
            || await actors.ResolveAsync(user, cancellationToken) is not { Role: Role.Carrier, CarrierId: not null } actor)
        {
            return Result<long>.Fail(Text.Refused_Dispute);
        }

        var text = (reason ?? "").Trim();
        if (CheckReason(text, Text.Reason_Required, Text.Reason_TooLong) is { } bad)
        {
            return Result<long>.Fail(bad);
        }

        if (DisputeFiles.CheckAll(files) is { IsSuccess: false } refused)
        {
            return Result<long>.Fail(refused.Error!);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await FindLineAsync(db, actor, number, clock, cancellationToken) is not { } line)
        {
            return Result<long>.Fail(Text.Line_NotFound);
        }

        if (line.DisputeState is { } state)
        {
            return Result<long>.Fail(string.Format(CultureInfo.CurrentCulture, Text.Line_AlreadyDisputed, StateLabel(state)));
        }

        var now = time.GetUtcNow();
        var dispute = new BreachDisputeRecord
        {
            TicketId = line.TicketId,
            Clock = clock,
            CarrierId = line.CarrierId,
            Deadline = line.Deadline,
            State = BreachDisputeState.Pending,
            Reason = text,
            RaisedById = actor.UserId,
            RaisedByName = actor.DisplayName,
            RaisedAt = now,
            Attachments = files.Select(f => new BreachDisputeAttachmentRecord
            {
                FileName = DisputeFiles.SafeName(f.FileName),
                ContentType = DisputeFiles.ContentType(f.FileName),
                Size = f.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
                Content = f.Content,
            }).ToList(),
        };
        db.BreachDisputes.Add(dispute);
        changeLog.Add(db, actor, EntityType, LineKey(line.Number, clock), LineName(line), "Disputed",
            new Dictionary<string, string?> { ["State"] = null },
            new Dictionary<string, string?>
            {
                ["State"] = nameof(BreachDisputeState.Pending),
                ["Reason"] = text,
                ["Attachments"] = string.Join("; ", dispute.Attachments.Select(a => $"{a.FileName} ({a.Size} B, SHA-256 {a.Sha256})")),
            },
            text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return Result<long>.Fail(string.Format(CultureInfo.CurrentCulture, Text.Line_AlreadyDisputed, StateLabel(BreachDisputeState.Pending)));
        }

        changes.Publish(new BreachDisputeChanged(dispute.Id, dispute.CarrierId));
        return Result<long>.Ok(dispute.Id);
    }

    /// <summary>Ops decides a pending dispute: <paramref name="waive"/> true waives the breach, false upholds it; a reason is required.</summary>
    public async Task<Result> DecideAsync(ClaimsPrincipal user, long disputeId, bool waive, string? reason, CancellationToken cancellationToken = default)
    {
        if (!await actors.AllowsAsync(user, AppPolicies.BreachDisputeDecide, cancellationToken)
            || await actors.ResolveAsync(user, cancellationToken) is not { } actor)
        {
            return Result.Fail(Text.Refused_Decide);
        }

        var text = (reason ?? "").Trim();
        if (CheckReason(text, Text.Decision_Required, Text.Decision_TooLong) is { } bad)
        {
            return Result.Fail(bad);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var dispute = await db.BreachDisputes.Include(d => d.Ticket).SingleOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return Result.Fail(Text.Dispute_NotFound);
        }

        if (dispute.State != BreachDisputeState.Pending)
        {
            return Result.Fail(string.Format(CultureInfo.CurrentCulture, Text.Dispute_AlreadyDecided, StateLabel(dispute.State)));
        }

        var state = waive ? BreachDisputeState.Waived : BreachDisputeState.Upheld;
        dispute.State = state;
        dispute.DecisionReason = text;
        dispute.DecidedById = actor.UserId;
        dispute.DecidedByName = actor.DisplayName;
        dispute.DecidedAt = time.GetUtcNow();
        var number = dispute.Ticket!.Number;
        changeLog.Add(db, actor, EntityType, LineKey(number, dispute.Clock), LineName(number, dispute.Clock), waive ? "Waived" : "Upheld",
            new Dictionary<string, string?> { ["State"] = nameof(BreachDisputeState.Pending) },
            new Dictionary<string, string?> { ["State"] = state.ToString(), ["DecisionReason"] = text },
            text);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone decided it between our read and our write: the UPDATE found no row still Pending.
            await using var again = await factory.CreateDbContextAsync(cancellationToken);
            var now = await again.BreachDisputes.Where(d => d.Id == disputeId).Select(d => d.State).SingleAsync(cancellationToken);
            return Result.Fail(string.Format(CultureInfo.CurrentCulture, Text.Dispute_AlreadyDecided, StateLabel(now)));
        }

        changes.Publish(new BreachDisputeChanged(dispute.Id, dispute.CarrierId));
        return Result.Ok();
    }

    /// <summary>An attachment for Ops, leadership or the dispute's own carrier; null for anyone else (and for no such file).</summary>
    public async Task<DisputeFile?> AttachmentAsync(ClaimsPrincipal user, long attachmentId, CancellationToken cancellationToken = default)
    {
        if (await ReaderAsync(user, cancellationToken) is not { } actor)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var owner = await db.BreachDisputeAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Select(a => (int?)a.Dispute!.CarrierId).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !TicketFilters.CanSee(actor, owner.Value))
        {
            return null;
        }

        return await db.BreachDisputeAttachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Select(a => new DisputeFile(a.FileName, a.ContentType, a.Content)).SingleAsync(cancellationToken);
    }

    /// <summary>The dispute states in the viewer's language.</summary>
    public static string StateLabel(BreachDisputeState? state) => ReportTables.DisputeState(state, CultureInfo.CurrentUICulture);

    /// <summary>The audit key of a line: ticket number and clock.</summary>
    public static string LineKey(string number, ClockKind clock) => $"{number}/{clock}";

    private static string LineName(BreachLine line) => LineName(line.Number, line.Clock);

    private static string LineName(string number, ClockKind clock) =>
        $"{number} {(clock == ClockKind.Response ? Text.ClockResponse : Text.ClockRepair)}";

    private static string? CheckReason(string text, string required, string tooLong) =>
        text.Length == 0 ? required
        : text.Length > MaxReasonLength ? string.Format(CultureInfo.CurrentCulture, tooLong, MaxReasonLength)
        : null;

    // Who may read the ledger: the report's readers, a carrier limited to its own carrier's lines by VisibleTo.
    private async Task<Actor?> ReaderAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await actors.AllowsAsync(user, AppPolicies.Reports, cancellationToken) ? await actors.ResolveAsync(user, cancellationToken) : null;

    private Task<BreachLine?> FindLineAsync(AppDbContext db, Actor actor, string number, ClockKind clock, CancellationToken cancellationToken) =>
        FindLineAsync(db, actor, number, clock, time.GetUtcNow(), cancellationToken);

    private static async Task<BreachLine?> FindLineAsync(
        AppDbContext db, Actor actor, string number, ClockKind clock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = db.FaultTickets.AsNoTracking().Where(TicketFilters.VisibleTo(actor)).Where(TicketFilters.HasCarrierClocks).Where(t => t.Number == number);
        return (await BreachLedger.LinesAsync(db, ticket, now, cancellationToken, clock)).SingleOrDefault();
    }
}
