namespace GovNetOps.Domain.Sla;

/// <summary>
/// All versions of the Article 12 matrix. New reports take the version in force at report time
/// (<see cref="CurrentAt"/>); open tickets keep theirs (<see cref="ForVersion"/>).
/// </summary>
public sealed class SlaPolicyBook
{
    private readonly SortedDictionary<int, SlaPolicy> _byVersion = new();

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
    public IReadOnlyCollection<SlaPolicy> Versions => _byVersion.Values;

    /// <summary>The policy a ticket was reported under; throws <see cref="KeyNotFoundException"/> for an unknown version.</summary>
    public SlaPolicy ForVersion(int version) =>
        _byVersion.TryGetValue(version, out var policy)
            ? policy
            : throw new KeyNotFoundException($"Sla policy version {version} is not configured.");

    /// <summary>True when the version is held.</summary>
    public bool TryGetVersion(int version, out SlaPolicy? policy) => _byVersion.TryGetValue(version, out policy);

    /// <summary>
    /// The policy in force at <paramref name="now"/>: the latest <see cref="SlaPolicy.EffectiveFrom"/> not after
    /// <paramref name="now"/> (highest version on a tie); the earliest version when none is yet effective.
    /// </summary>
    public SlaPolicy CurrentAt(DateTimeOffset now) =>
        _byVersion.Values
            .Where(p => p.EffectiveFrom <= now)
            .OrderBy(p => p.EffectiveFrom)
            .ThenBy(p => p.Version)
            .LastOrDefault()
        ?? _byVersion.Values.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Version).First();
}
