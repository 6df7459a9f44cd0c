using System.Text.RegularExpressions;

namespace GovNetOps.Domain.Registry;

/// <summary>
/// The phone numbers the registry accepts for contacts (annex 1's 手机): an 11-digit mainland mobile
/// (1[3-9]xxxxxxxxx) or a Nanyang landline with its 0377 area code (0377-6xxxxxxx). The one check every form,
/// import row and application uses.
/// </summary>
public static partial class ContactNumber
{
    /// <summary>The number with spaces and dashes removed, or null when it is neither a mobile nor a 0377 landline.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace("－", "", StringComparison.Ordinal);
        if (Mobile().IsMatch(digits))
        {
            return digits;
        }

        return Landline().IsMatch(digits) ? $"0377-{digits[4..]}" : null;
    }

    /// <summary>True for an 11-digit mainland mobile or a 0377 landline.</summary>
    public static bool IsValid(string? text) => Normalise(text) is not null;

    /// <summary>The message for a field that holds neither, naming the field.</summary>
    public static string InvalidMessage(string fieldName) =>
        $"{fieldName}须为 11 位手机号码（如 13800000000）或带区号 0377 的座机号码（如 0377-66123456）";

    /// <summary>The number masked for people who do not need it in full: 138****0015; landlines 0377-****3456.</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "";
        }

        if (number.Length == 11 && Mobile().IsMatch(number))
        {
            return $"{number[..3]}****{number[7..]}";
        }

        if (number.StartsWith("0377-", StringComparison.Ordinal) && number.Length > 9)
        {
            return $"0377-****{number[^4..]}";
        }

        return number.Length > 4 ? $"****{number[^4..]}" : "****";
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^0377[2-9][0-9]{6,7}$")]
    private static partial Regex Landline();
}
