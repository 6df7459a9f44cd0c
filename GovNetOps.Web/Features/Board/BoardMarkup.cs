using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace GovNetOps.Web.Features.Board;

/// <summary>For the board's parts written once as HTML and shared by every open board (<see cref="ComplianceCharts"/>,
/// a row's cells in <see cref="BoardRowView"/>, the lean navigation): Chinese stays Chinese in the markup (the default
/// encoder writes every CJK character as an entity, tripling what each board is sent).</summary>
public static class BoardMarkup
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
