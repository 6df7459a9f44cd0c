using System.Globalization;

namespace GovNetOps.Domain.Sla;

/// <summary>
/// The cells of one <see cref="SlaPolicy"/> version as canonical text, kept once a ticket has used the
/// version. A ticket keeps the version it was reported under, so a used version's cells must never
/// change: comparing the configured cells with the kept ones (<see cref="ChangesTo"/>) catches an edit
/// that forgot to give the changed matrix a new <see cref="SlaPolicy.Version"/>.
/// </summary>
/// <remarks>
/// The text is <c>Cell=value</c> pairs joined by <c>;</c> in a fixed order: durations in the invariant
/// <c>c</c> format, <see cref="SlaPolicy.EffectiveFrom"/> as a UTC round-trip instant, so the same instant
/// written with another offset is the same fingerprint.
/// </remarks>
public sealed class SlaPolicyFingerprint
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _cells;

    private SlaPolicyFingerprint(int version, IReadOnlyList<KeyValuePair<string, string>> cells)
    {
        Version = version;
        _cells = cells;
    }

    /// <summary>The policy version the cells belong to.</summary>
    public int Version { get; }

    /// <summary>The canonical text of the cells (what the database keeps).</summary>
    public string Cells => string.Join(";", _cells.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>The fingerprint of a configured policy.</summary>
    public static SlaPolicyFingerprint Of(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.Version,
        [
            Cell(nameof(SlaPolicy.Response), policy.Response),
            Cell(nameof(SlaPolicy.RepairCountyDirect), policy.RepairCountyDirect),
            Cell(nameof(SlaPolicy.RepairTownship), policy.RepairTownship),
            Cell(nameof(SlaPolicy.RepairCoreRoom), policy.RepairCoreRoom),
            Cell(nameof(SlaPolicy.Complex), policy.Complex),
            new(nameof(SlaPolicy.EffectiveFrom), policy.EffectiveFrom.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        ]);

        static KeyValuePair<string, string> Cell(string name, TimeSpan value) => new(name, value.ToString("c", CultureInfo.InvariantCulture));
    }

    /// <summary>A fingerprint read back from its canonical <see cref="Cells"/> text; throws
    /// <see cref="FormatException"/> when a pair has no <c>=</c>.</summary>
    public static SlaPolicyFingerprint Parse(int version, string cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var pairs = cells.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2) is [var name, var value]
                ? new KeyValuePair<string, string>(name, value)
                : throw new FormatException($"Sla policy version {version}: '{pair}' is not a Cell=value pair."))
            .ToList();
        return new(version, pairs);
    }

    /// <summary>
    /// The cells whose value in <paramref name="configured"/> differs from this kept fingerprint, in cell order;
    /// empty when the version is unchanged. A cell only one side knows (a cell added to the matrix after the
    /// fingerprint was kept) cannot have been edited and is not reported.
    /// </summary>
    public IReadOnlyList<SlaCellChange> ChangesTo(SlaPolicyFingerprint configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var now = configured._cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return _cells
            .Where(c => now.TryGetValue(c.Key, out var value) && !string.Equals(value, c.Value, StringComparison.Ordinal))
            .Select(c => new SlaCellChange(Version, c.Key, c.Value, now[c.Key]))
            .ToList();
    }
}
