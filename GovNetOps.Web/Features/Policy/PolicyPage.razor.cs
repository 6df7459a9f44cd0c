using System.Globalization;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Escalation;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PolicyText = GovNetOps.Web.Resources.Policy;

namespace GovNetOps.Web.Features.Policy;

/// <summary>时限规则: the Article 12 matrix in force and its versions, each with its escalation ladder, and the product's
/// interpretations with their articles — what every role is held to, in one place.</summary>
public sealed partial class PolicyPage
{
    [Inject] private SlaPolicyBook Book { get; set; } = default!;
    [Inject] private IDbContextFactory<AppDbContext> DbFactory { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private Infrastructure.Security.CurrentActors Actors { get; set; } = default!;
    [CascadingParameter] private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthState { get; set; } = default!;

    private SlaPolicy _current = default!;
    private IReadOnlyList<SlaPolicy> _versions = [];
    private Dictionary<int, int> _tickets = [];
    private DateTimeOffset _now;
    private bool _canAdmin;

    private static IEnumerable<(string Text, string Article)> Interpretations =>
    [
        (PolicyText.I1, PolicyText.I1A), (PolicyText.I2, PolicyText.I2A), (PolicyText.I3, PolicyText.I3A),
        (PolicyText.I4, PolicyText.I4A), (PolicyText.I5, PolicyText.I5A), (PolicyText.I6, PolicyText.I6A),
        (PolicyText.I7, PolicyText.I7A), (PolicyText.I8, PolicyText.I8A), (PolicyText.I9, PolicyText.I9A),
        (PolicyText.I10, PolicyText.I10A), (PolicyText.I11, PolicyText.I11A), (PolicyText.I12, PolicyText.I12A),
        (PolicyText.I13, PolicyText.I13A),
    ];

    protected override async Task OnInitializedAsync()
    {
        _canAdmin = await Actors.HoldsAsync((await AuthState).User, Infrastructure.Security.AppPolicies.PolicyAdmin);
        await Load();
    }

    private async Task Load()
    {
        _now = Time.GetUtcNow();
        _current = Book.CurrentAt(_now);
        _versions = Book.Versions.OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).ToList();
        await using var db = await DbFactory.CreateDbContextAsync();
        _tickets = await db.FaultTickets.GroupBy(t => t.PolicyVersion)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private static IEnumerable<(string Name, TimeSpan Value)> Cells(SlaPolicy policy) =>
    [
        (PolicyText.Response, policy.Response),
        (PolicyText.RepairCountyDirect, policy.RepairCountyDirect),
        (PolicyText.RepairTownship, policy.RepairTownship),
        (PolicyText.RepairCoreRoom, policy.RepairCoreRoom),
        (PolicyText.Complex, policy.Complex),
    ];

    private static string Hours(TimeSpan value) =>
        string.Format(CultureInfo.CurrentCulture, PolicyText.Hours, value.TotalHours.ToString("0.##", CultureInfo.CurrentCulture));

    private static string Interval(TimeSpan value) => PolicyFormat.Interval(value);

    private static string Percent(double fraction) => PolicyFormat.Percent(fraction);

    /// <summary>One version's ladder in parts, shown on one line: 提醒 50% · 预警 80% · 超时 100% · 超时后每 2 小时重复通知.</summary>
    private static IEnumerable<string> LadderParts(EscalationPolicy ladder) =>
        ladder.Ladder.Select(r => string.Format(CultureInfo.CurrentCulture, PolicyText.LadderRung, EscalationMessages.LevelName(r.Level), Percent(r.Fraction)))
            .Append(string.Format(CultureInfo.CurrentCulture, PolicyText.LadderRenotifyShort, Interval(ladder.RenotifyEvery)));

    private string StatusOf(SlaPolicy version) =>
        version.Version == _current.Version ? PolicyText.StatusInForce
        : version.EffectiveFrom > _now ? PolicyText.StatusUpcoming
        : PolicyText.StatusEarlier;
}
