using System.Reflection;
using System.Text;

namespace GovNetOps.Domain.Registry;

/// <summary>
/// The pinyin initials of a unit's name (桐柏县人民政府 → tbxrmzf), which the intake picker matches as the operator
/// types: the registry computes them for every site an admin adds or imports.
/// </summary>
/// <remarks>
/// The table is generated data (<c>tools/pinyin</c>, from the npm package pinyin-pro; no pinyin package exists on
/// NuGet here): the initial of the most common reading of each CJK character U+4E00–U+9FA5, and a list of words
/// whose polyphonic characters read differently in context. Polyphones follow how they occur in unit and place
/// names: 长 is c (长江, 长春, 长岗) except after an office (县长, 局长 → z); 行 is x (行政) except in banks (银行,
/// 支行 → h); 重 is z except 重庆 (c); 乐 is l (乐山) except music (音乐 → y); 厦门, 西藏, 会计, 调度, 单县 and the
/// surname 曾 likewise. Words are matched from the end of the name (reverse maximum matching, the usual way to segment Chinese), so 桐柏县长江路 reads
/// 长江 rather than 县长; place words that keep the default reading (长江, 长春…) are listed to win such overlaps.
/// Latin letters and digits are kept (lower-cased); anything else (punctuation, rare characters) is dropped.
/// </remarks>
public static class PinyinInitials
{
    private const string ResourceName = "GovNetOps.Domain.Registry.pinyin-initials.txt";
    private const char First = '\u4E00';
    private const char Last = '\u9FA5';

    private static readonly Lazy<Table> Data = new(Load);

    /// <summary>The lower-case initials of <paramref name="name"/>, e.g. 中国农业银行桐柏支行 → zgnyyhtbzh.</summary>
    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var table = Data.Value;
        // Reverse maximum matching: from the end of the name, the longest listed word ending at each position wins.
        // From the end, 桐柏县长江路 reads 长江 (c) before 县长 (z) could claim the 长; 县长办公室 still reads 县长.
        var parts = new List<string>();
        var end = name.Length;
        while (end > 0)
        {
            var word = LongestWordEndingAt(table, name, end);
            if (word is not null)
            {
                parts.Add(table.Words[word]);
                end -= word.Length;
                continue;
            }

            var c = name[end - 1];
            if (c is >= First and <= Last)
            {
                var letter = table.Characters[c - First];
                if (letter != '_')
                {
                    parts.Add(letter.ToString());
                }
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                parts.Add(char.ToLowerInvariant(c).ToString());
            }
            else if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
            {
                // Full-width letters and digits typed with a Chinese input method.
                parts.Add(char.ToLowerInvariant((char)(c - 0xFEE0)).ToString());
            }

            end--;
        }

        parts.Reverse();
        return string.Concat(parts);
    }

    private static string? LongestWordEndingAt(Table table, string name, int end)
    {
        for (var length = Math.Min(table.LongestWord, end); length >= 2; length--)
        {
            var candidate = name.Substring(end - length, length);
            if (table.Words.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Table Load()
    {
        using var stream = typeof(PinyinInitials).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var characters = reader.ReadLine() ?? "";
        if (characters.Length != Last - First + 1)
        {
            throw new InvalidOperationException($"{ResourceName}: expected {Last - First + 1} initials, found {characters.Length}.");
        }

        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                words[line[..tab]] = line[(tab + 1)..];
            }
        }

        return new Table(characters, words, words.Count == 0 ? 0 : words.Keys.Max(w => w.Length));
    }

    private sealed record Table(string Characters, Dictionary<string, string> Words, int LongestWord);
}
