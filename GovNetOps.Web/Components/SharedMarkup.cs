using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Components;

/// <summary>Markup written once and shared by every open page that shows it (the board's compliance bars, a row's cells
/// and column headings, the lean navigation): one string per owner and language, held by each page as one render-tree
/// frame instead of a tree of its own.</summary>
public static class SharedMarkup
{
    /// <summary>Chinese stays Chinese in the markup (the default encoder writes every CJK character as an entity,
    /// tripling what each page is sent).</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>The markup of <paramref name="owner"/> in the current UI language, written on first use and kept as long as
    /// the owner lives (a snapshot, a row: their markup goes with them).</summary>
    public static MarkupString PerLanguage<T>(ConditionalWeakTable<T, ConcurrentDictionary<string, MarkupString>> written, T owner, Func<T, string> write)
        where T : class =>
        PerLanguage(written, owner, o => new MarkupString(write(o)));

    /// <summary>The same for markup kept in pieces (<paramref name="write"/> returns them together).</summary>
    public static TPieces PerLanguage<T, TPieces>(ConditionalWeakTable<T, ConcurrentDictionary<string, TPieces>> written, T owner, Func<T, TPieces> write)
        where T : class =>
        written.GetOrCreateValue(owner).GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => write(owner));
}
