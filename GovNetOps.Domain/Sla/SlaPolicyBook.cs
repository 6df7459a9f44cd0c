using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Sla;

/// <summary>
/// All versions of the Article 12 matrix. New reports take the version in force at report time
/// (<see cref="CurrentAt"/>); open tickets keep theirs (<see cref="ForVersion"/>).
/// </summary>
/// <remarks>
/// Versions are only ever added (<see cref="TryAdd"/>), never edited or removed: a ticket may already use one,
/// and a new version takes effect from its own instant, so no open ticket's deadline moves. Readers see a
/// consistent set: an addition swaps the whole set at once.
/// </remarks>
public sealed class SlaPolicyBook
{
    private readonly Lock _gate = new();
    private SortedDictionary<int, SlaPolicy> _byVersion = new();

    /// <summary>Creates a book; throws when a version repeats or a policy is invalid (broken configuration).</summary>
    public SlaPolicyBook(IEnumerable<SlaPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        foreach (var policy in policies)
        {
            var errors = policy.Validate();
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join("; ", errors), nameof(policies));
            }

            if (!_byVersion.TryAdd(policy.Version, policy))
            {
                throw new ArgumentException($"Sla policy version {policy.Version} is defined twice.", nameof(policies));
            }
        }

        if (_byVersion.Count == 0)
        {
            throw new ArgumentException("At least one Sla policy version is required.", nameof(policies));
        }
    }

    /// <summary>A book holding only the given policy.</summary>
    public static SlaPolicyBook Single(SlaPolicy policy) => new([policy]);

    /// <summary>The versions held, ascending.</summary>
    public IReadOnlyCollection<SlaPolicy> Versions => Volatile.Read(ref _byVersion).Values;

    /// <summary>The next version number to give a new matrix.</summary>
    public int NextVersion => Volatile.Read(ref _byVersion).Keys.Max() + 1;

    /// <summary>
    /// Checks a new version before it is stored: numbered <see cref="NextVersion"/>, effective from
    /// <paramref name="now"/> or later (never back-dated: tickets already reported keep theirs, interpretation 1),
    /// every cell positive, and its escalation ladder valid (<see cref="EscalationPolicy.Check"/>: strictly ascending,
    /// the breach at 100 %, a re-notify interval above 0 and at most 720 h). Refusals in Chinese name the field.
    /// </summary>
    public Result CanAdd(SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Version != NextVersion)
        {
            return Result.Fail($"版本：新版本号应为 {NextVersion}（现为 {policy.Version}），请刷新后重试。");
        }

        if (policy.EffectiveFrom < now)
        {
            return Result.Fail("生效时间：不能早于现在，已申告的工单保持原规则；请选择现在或将来的时间。");
        }

        foreach (var (name, value) in new[]
        {
            ("响应时限", policy.Response), ("县直单位修复时限", policy.RepairCountyDirect), ("乡镇区域修复时限", policy.RepairTownship),
            ("核心机房修复时限", policy.RepairCoreRoom), ("复杂故障时限", policy.Complex),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(30))
            {
                return Result.Fail($"{name}：须大于 0 且不超过 720 小时。");
            }
        }

        ArgumentNullException.ThrowIfNull(policy.Escalation);
        if (policy.Escalation.RenotifyEvery <= TimeSpan.Zero || policy.Escalation.RenotifyEvery > TimeSpan.FromDays(30))
        {
            return Result.Fail("重复通知间隔：须大于 0 且不超过 720 小时。");
        }

        return policy.Escalation.Check();
    }

    /// <summary>Adds a version checked by <see cref="CanAdd"/>; false when its number is taken meanwhile.</summary>
    public bool TryAdd(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            if (_byVersion.ContainsKey(policy.Version) || policy.Validate().Count > 0)
            {
                return false;
            }

            Volatile.Write(ref _byVersion, new SortedDictionary<int, SlaPolicy>(_byVersion) { [policy.Version] = policy });
            return true;
        }
    }

    /// <summary>Replaces every version at start-up with the stored ones (the database is the source after the first
    /// start); throws like the constructor on a repeated version or an invalid policy.</summary>
    public void ReplaceAll(IEnumerable<SlaPolicy> policies)
    {
        var fresh = new SlaPolicyBook(policies);
        lock (_gate)
        {
            Volatile.Write(ref _byVersion, fresh._byVersion);
        }
    }

    /// <summary>The policy a ticket was reported under; throws <see cref="KeyNotFoundException"/> for an unknown version.</summary>
    public SlaPolicy ForVersion(int version) =>
        Volatile.Read(ref _byVersion).TryGetValue(version, out var policy)
            ? policy
            : throw new KeyNotFoundException($"Sla policy version {version} is not configured.");

    /// <summary>True when the version is held.</summary>
    public bool TryGetVersion(int version, out SlaPolicy? policy) => Volatile.Read(ref _byVersion).TryGetValue(version, out policy);

    /// <summary>
    /// The policy in force at <paramref name="now"/>: the latest <see cref="SlaPolicy.EffectiveFrom"/> not after
    /// <paramref name="now"/> (highest version on a tie); the earliest version when none is yet effective.
    /// </summary>
    public SlaPolicy CurrentAt(DateTimeOffset now)
    {
        var versions = Volatile.Read(ref _byVersion).Values;
        return versions
            .Where(p => p.EffectiveFrom <= now)
            .OrderBy(p => p.EffectiveFrom)
            .ThenBy(p => p.Version)
            .LastOrDefault()
        ?? versions.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Version).First();
    }
}
