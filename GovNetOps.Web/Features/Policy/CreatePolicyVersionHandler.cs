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

/// <summary>What an admin types for a new matrix: hours per cell and the China-time instant it takes effect.</summary>
public sealed record PolicyVersionForm(
    double ResponseHours, double CountyDirectHours, double TownshipHours, double CoreRoomHours, double ComplexHours,
    DateTimeOffset EffectiveFrom);

/// <summary>Adds a version of the Article 12 matrix (admin only, audited). It takes effect from its instant: tickets
/// reported before keep their version (the Domain's <see cref="SlaPolicyBook"/>), so no open ticket's deadline moves.
/// Versions are never edited or deleted.</summary>
public sealed class CreatePolicyVersionHandler(
    IDbContextFactory<AppDbContext> factory,
    SlaPolicyBook book,
    CurrentActors actors,
    ChangeLog changes,
    TimeProvider time)
{
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
            };
            var allowed = book.CanAdd(policy, now);
            if (!allowed.IsSuccess)
            {
                return Result<int>.Fail(allowed.Error!);
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.SlaPolicyVersions.Add(SlaPolicyStore.ToRecord(policy, now, actor.DisplayName, keepLadder: false));
            changes.Add(db, actor, "SlaPolicy", policy.Version.ToString(CultureInfo.InvariantCulture), $"第 {policy.Version} 版", "Create",
                after: SlaPolicyFingerprint.Of(policy).Cells.Split(';').Select(c => c.Split('=', 2))
                    .ToDictionary(c => c[0], c => (string?)c[1]));
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

    // NaN and infinities fall to zero: the Domain refuses them with the cell's name.
    private static TimeSpan Hours(double hours) =>
        double.IsFinite(hours) && hours is > 0 and <= 720 ? TimeSpan.FromMinutes(Math.Round(hours * 60)) : TimeSpan.Zero;
}
