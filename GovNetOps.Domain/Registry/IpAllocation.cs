using System.Globalization;
using GovNetOps.Domain.Common;

namespace GovNetOps.Domain.Registry;

/// <summary>
/// The IP addresses allocated to a site (annex 1, 管理单位意见 / IP地址分配): a list of IPv4 addresses, CIDR
/// blocks and from–to ranges, and the rule that no two sites share an address. The one place these are parsed
/// and compared; the registry, the import and the access applications all call it.
/// </summary>
public static class IpAllocation
{
    private static readonly char[] Separators = [',', ';', '，', '；', '、', '\n', '\r', ' ', '\t'];

    /// <summary>
    /// Parses "10.1.2.0/24, 10.1.3.5; 10.1.4.1-10.1.4.20" (commas, semicolons, 、 or new lines, Chinese or
    /// Western). An empty text is an empty allocation. A CIDR block must start on its boundary (10.1.2.0/24, not
    /// 10.1.2.5/24), so what is written is what is allocated.
    /// </summary>
    public static Result<IReadOnlyList<IpRange>> Parse(string? text)
    {
        var ranges = new List<IpRange>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<IReadOnlyList<IpRange>>.Ok(ranges);
        }

        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw.Replace('－', '-').Replace('—', '-').Replace('～', '-').Replace('~', '-').Replace('／', '/');
            var range = ParseOne(part);
            if (!range.IsSuccess)
            {
                return Result<IReadOnlyList<IpRange>>.Fail(range.Error!);
            }

            var clash = ranges.FirstOrDefault(r => r.Overlaps(range.Value!));
            if (clash is not null)
            {
                return Result<IReadOnlyList<IpRange>>.Fail($"IP 地址 {raw} 与同一单位的 {clash} 重叠，请合并后填写");
            }

            ranges.Add(range.Value!);
        }

        return Result<IReadOnlyList<IpRange>>.Ok(ranges.OrderBy(r => r.First).ToList());
    }

    /// <summary>The ranges written back in one canonical text, sorted: "10.1.2.0/24, 10.1.3.5".</summary>
    public static string Format(IEnumerable<IpRange> ranges) =>
        string.Join(", ", ranges.OrderBy(r => r.First).Select(r => r.ToString()));

    /// <summary>How many addresses the ranges hold together.</summary>
    public static long CountAddresses(IEnumerable<IpRange> ranges) => ranges.Sum(r => r.Count);

    /// <summary>
    /// The first overlap between a site's proposed allocation and the allocations of other sites, as a message
    /// naming both; OK when there is none. <paramref name="others"/> maps a site's name to its allocation text.
    /// </summary>
    public static Result CheckNoOverlap(IReadOnlyList<IpRange> proposed, IEnumerable<KeyValuePair<string, IReadOnlyList<IpRange>>> others)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(others);
        foreach (var (siteName, ranges) in others)
        {
            foreach (var mine in proposed)
            {
                var theirs = ranges.FirstOrDefault(mine.Overlaps);
                if (theirs is not null)
                {
                    return Result.Fail($"IP 地址 {mine} 与{siteName}已分配的 {theirs} 重叠");
                }
            }
        }

        return Result.Ok();
    }

    private static Result<IpRange> ParseOne(string part)
    {
        var slash = part.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseAddress(part[..slash], out var network)
                || !int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
                || prefix is < 8 or > 32)
            {
                return Result<IpRange>.Fail($"“{part}”不是有效的网段，请写成如 10.1.2.0/24（掩码 8–32）");
            }

            var size = prefix == 32 ? 1u : 1u << (32 - prefix);
            if ((network & (size - 1)) != 0)
            {
                var start = network & ~(size - 1);
                return Result<IpRange>.Fail(
                    $"网段“{part}”的起始地址不在边界上，应为 {IpRange.Format(start)}/{prefix.ToString(CultureInfo.InvariantCulture)}");
            }

            return Result<IpRange>.Ok(new IpRange(network, network + (size - 1)));
        }

        var dash = part.IndexOf('-');
        if (dash >= 0)
        {
            if (!TryParseAddress(part[..dash], out var first) || !TryParseAddress(part[(dash + 1)..], out var last))
            {
                return Result<IpRange>.Fail($"“{part}”不是有效的地址段，请写成如 10.1.2.1-10.1.2.20");
            }

            return last < first
                ? Result<IpRange>.Fail($"地址段“{part}”的结束地址早于起始地址")
                : Result<IpRange>.Ok(new IpRange(first, last));
        }

        return TryParseAddress(part, out var single)
            ? Result<IpRange>.Ok(new IpRange(single, single))
            : Result<IpRange>.Fail($"“{part}”不是有效的 IPv4 地址，请写成如 10.1.2.3");
    }

    private static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        var octets = text.Trim().Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length is 0 or > 3
                || (octet.Length > 1 && octet[0] == '0')
                || !byte.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            address = (address << 8) | value;
        }

        return true;
    }
}
