using System.Globalization;
using GovNetOps.Domain.Common;

namespace GovNetOps.Web.Features.Tickets.Components;

/// <summary>A past instant typed as China wall-clock text ("yyyy-MM-dd HH:mm"): the time of a carrier's phone call,
/// the report time on the intake form. The one parser for both. A plain text field, not a datetime-local binding:
/// the value is the same whatever the browser sends or the user types (with or without seconds, "T" or a space,
/// a full-width colon from a Chinese IME), whatever the browser's or the page's language.</summary>
public static class CallTimeText
{
    private static readonly string[] Formats =
    [
        "yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss",
    ];

    /// <summary>The instant as the field shows it: "yyyy-MM-dd HH:mm" China time.</summary>
    public static string Format(DateTimeOffset instant) => ChinaTime.Format(instant);

    /// <summary>Parses the field: true with null for a blank field (the Domain then asks for the time), true with
    /// the UTC instant for a well-formed one, false for anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (!TryParseChina(text, out var local))
        {
            return false;
        }

        if (local is { } l)
        {
            instant = new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
        }

        return true;
    }

    /// <summary>As <see cref="TryParse"/>, but gives the China wall-clock time itself (what the intake form holds).</summary>
    public static bool TryParseChina(string? text, out DateTime? china)
    {
        china = null;
        var trimmed = text?.Trim().Replace('：', ':');
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (!DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local)
            || local < DateTime.MinValue + ChinaTime.Offset)
        {
            // The second test: 0001-01-01 China time has no UTC instant.
            return false;
        }

        china = local;
        return true;
    }
}
