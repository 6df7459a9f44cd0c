using System.Globalization;

namespace GovNetOps.Domain.Registry;

/// <summary>An inclusive range of IPv4 addresses allocated to a site: one address, a CIDR block or a from–to range.</summary>
/// <param name="First">The first address, as a 32-bit number.</param>
/// <param name="Last">The last address, as a 32-bit number (inclusive).</param>
public sealed record IpRange(uint First, uint Last)
{
    /// <summary>How many addresses the range holds.</summary>
    public long Count => (long)Last - First + 1;

    /// <summary>True when the two ranges share at least one address.</summary>
    public bool Overlaps(IpRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return First <= other.Last && other.First <= Last;
    }

    /// <summary>The range as a person writes it: <c>10.1.2.3</c>, <c>10.1.2.0/24</c> or <c>10.1.2.1-10.1.2.20</c>.</summary>
    public override string ToString()
    {
        if (First == Last)
        {
            return Format(First);
        }

        var size = Last - First + 1;
        if (size != 0 && (size & (size - 1)) == 0 && (First & (size - 1)) == 0)
        {
            var prefix = 32 - (int)Math.Log2(size);
            return $"{Format(First)}/{prefix.ToString(CultureInfo.InvariantCulture)}";
        }

        return First == 0 && Last == uint.MaxValue ? "0.0.0.0/0" : $"{Format(First)}-{Format(Last)}";
    }

    internal static string Format(uint address) =>
        string.Join('.', new[] { address >> 24, (address >> 16) & 0xFF, (address >> 8) & 0xFF, address & 0xFF }
            .Select(b => b.ToString(CultureInfo.InvariantCulture)));
}
