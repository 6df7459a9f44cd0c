using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Audit;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Sla;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Features.Policy;

/// <summary>What an admin types for a new matrix: hours per cell, the China-time instant it takes effect, and its
/// escalation ladder (null: the ladder of the version in force, unchanged).</summary>
public sealed record PolicyVersionForm(
    double ResponseHours, double CountyDirectHours, double TownshipHours, double CoreRoomHours, double ComplexHours,
    DateTimeOffset EffectiveFrom, PolicyLadderForm? Ladder = null);

/// <summary>The ladder as the admin types it: the three rungs in percent of a clock and the re-notify interval in hours
/// and minutes. Who each rung notifies is kept from the version in force.</summary>
public sealed record PolicyLadderForm(double ReminderPercent, double WarningPercent, double BreachPercent, int RenotifyHours, int RenotifyMinutes)
{
    /// <summary>The form of a ladder (its rungs in percent, its interval split into hours and minutes).</summary>
    public static PolicyLadderForm Of(EscalationPolicy ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        double Percent(EscalationLevel level) => Math.Round((Rung(ladder, level)?.Fraction ?? 0) * 100, 2);
        return new(Percent(EscalationLevel.Reminder), Percent(EscalationLevel.Warning), Percent(EscalationLevel.Breach),
            (int)ladder.RenotifyEvery.TotalHours, ladder.RenotifyEvery.Minutes);
    }

    /// <summary>The ladder typed, with the recipients of <paramref name="inForce"/> rung by rung (interpretation 8's when
    /// it has no such rung). Nothing is checked here: the Domain refuses a bad ladder, naming the field.</summary>
    public EscalationPolicy ToLadder(EscalationPolicy inForce)
    {
        ArgumentNullException.ThrowIfNull(inForce);
        return new()
        {
            Rules =
            [
                Rule(EscalationLevel.Reminder, ReminderPercent),
                Rule(EscalationLevel.Warning, WarningPercent),
                Rule(EscalationLevel.Breach, BreachPercent),
            ],
            // A negative part is not a shorter interval: it makes the interval invalid.
            RenotifyEvery = RenotifyHours < 0 || RenotifyMinutes < 0
                ? TimeSpan.Zero
                : TimeSpan.FromHours(RenotifyHours) + TimeSpan.FromMinutes(RenotifyMinutes),
            RenotifyRecipients = inForce.RenotifyRecipients,
        };

        EscalationRule Rule(EscalationLevel level, double percent) => new()
        {
            Level = level,
            // NaN and infinities stay what they are: the Domain refuses them with the field's name.
            Fraction = percent / 100,
            Recipients = (Rung(inForce, level) ?? EscalationPolicy.DefaultRules.First(r => r.Level == level)).Recipients,
        };
    }

    private static EscalationRule? Rung(EscalationPolicy ladder, EscalationLevel level) => ladder.Ladder.FirstOrDefault(r => r.Level == level);
}

/// <summary>Adds a version of the Article 12 matrix (admin only, audited). It takes effect from its instant: tickets
/// reported before keep their version (the Domain's <see cref="SlaPolicyBook"/>), so no open ticket's deadline moves
/// and no open ticket's escalation steps move: the ladder is part of the version. Versions are never edited or deleted.</summary>
public sealed class CreatePolicyVersionHandler(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook book,
    CurrentActors actors,
    ChangeLog changes,
    TimeProvider time)
{
    /// <summary>The change log's entity type of a policy version.</summary>
    public const string EntityType = "SlaPolicy";

    /// <summary>The audited ladder cells, keyed like section "Escalation" (<see cref="LadderCells"/>).</summary>
    public const string ReminderCell = $"{EscalationPolicy.SectionName}:{nameof(EscalationLevel.Reminder)}";

    /// <inheritdoc cref="ReminderCell"/>
    public const string WarningCell = $"{EscalationPolicy.SectionName}:{nameof(EscalationLevel.Warning)}";

    /// <inheritdoc cref="ReminderCell"/>
    public const string BreachCell = $"{EscalationPolicy.SectionName}:{nameof(EscalationLevel.Breach)}";

    /// <inheritdoc cref="ReminderCell"/>
    public const string RenotifyCell = $"{EscalationPolicy.SectionName}:{nameof(EscalationPolicy.RenotifyEvery)}";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<Result<int>> CreateAsync(ClaimsPrincipal user, PolicyVersionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var actor = await actors.ResolveAsync(user, cancellationToken);
        if (actor is null || !await actors.AllowsAsync(user, AppPolicies.PolicyAdmin, cancellationToken))
        {
            return Result<int>.Fail("只有系统管理员可以新建时限规则版本。");
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var inForce = book.CurrentAt(now).Escalation;
            var policy = new SlaPolicy
            {
                Version = book.NextVersion,
                // "Now" typed to the minute may be a few seconds behind the clock: it means now.
                EffectiveFrom = form.EffectiveFrom < now && now - form.EffectiveFrom < TimeSpan.FromMinutes(1) ? now : form.EffectiveFrom.ToUniversalTime(),
                Response = Hours(form.ResponseHours),
                RepairCountyDirect = Hours(form.CountyDirectHours),
                RepairTownship = Hours(form.TownshipHours),
                RepairCoreRoom = Hours(form.CoreRoomHours),
                Complex = Hours(form.ComplexHours),
                Escalation = form.Ladder?.ToLadder(inForce) ?? inForce,
            };
            var allowed = book.CanAdd(policy, now);
            if (!allowed.IsSuccess)
            {
                return Result<int>.Fail(allowed.Error!);
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.SlaPolicyVersions.Add(SlaPolicyStore.ToRecord(policy, now, actor.DisplayName, keepLadder: true));
            changes.Add(db, actor, EntityType, policy.Version.ToString(CultureInfo.InvariantCulture), $"第 {policy.Version} 版", "Create",
                after: SlaPolicyFingerprint.Of(policy).Cells.Split(';').Select(c => c.Split('=', 2))
                    .Select(c => KeyValuePair.Create(c[0], (string?)c[1]))
                    .Concat(LadderCells(policy.Escalation))
                    .ToDictionary());
            await db.SaveChangesAsync(cancellationToken);
            if (!book.TryAdd(policy))
            {
                throw new InvalidOperationException($"Sla policy version {policy.Version} was stored but the book already holds it.");
            }

            return Result<int>.Ok(policy.Version);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The ladder as audited: each rung's fraction and the re-notify interval, keyed like section "Escalation".</summary>
    public static IEnumerable<KeyValuePair<string, string?>> LadderCells(EscalationPolicy ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        foreach (var rule in ladder.Ladder)
        {
            yield return KeyValuePair.Create($"{EscalationPolicy.SectionName}:{rule.Level}", (string?)rule.Fraction.ToString(CultureInfo.InvariantCulture));
        }

        yield return KeyValuePair.Create(RenotifyCell, (string?)ladder.RenotifyEvery.ToString("c", CultureInfo.InvariantCulture));
    }

    // NaN and infinities fall to zero: the Domain refuses them with the cell's name.
    private static TimeSpan Hours(double hours) =>
        double.IsFinite(hours) && hours is > 0 and <= 720 ? TimeSpan.FromMinutes(Math.Round(hours * 60)) : TimeSpan.Zero;
}
