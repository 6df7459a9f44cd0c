using System.Globalization;
using GovNetOps.Domain.Common;

namespace GovNetOps.Web.Features.Tickets.Components;

/// <summary>A past instant typed as China wall-clock text ("yyyy-MM-dd HH:mm"), e.g. the time of a carrier's
/// phone call. A plain text field, not a datetime-local binding: the value is the same whatever the browser
/// sends or the user types (with or without seconds, "T" or a space, a full-width colon from a Chinese IME).</summary>
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

        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
        return true;
    }
}
