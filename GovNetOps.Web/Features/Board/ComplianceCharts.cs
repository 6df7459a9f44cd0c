using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GovNetOps.Web.Components;
using Microsoft.AspNetCore.Components;
using BoardText = GovNetOps.Web.Resources.Board;

namespace GovNetOps.Web.Features.Board;

/// <summary>
/// Month-to-date compliance (China-time month, tickets reported this month): response and repair, by carrier and by
/// location class, as horizontal bars with the exact rate and counts beside each bar. Plain HTML and CSS, not SVG:
/// a changed rate moves one bar's width, which every open board redraws in a fraction of a millisecond.
/// <para>The bars are the same on every open board: they come from the shared <see cref="BoardSnapshot"/>, not from the
/// viewer's instant. So each group's bars (one carrier, one location class) are written once per snapshot and language
/// as one piece of markup that every board holds as one render-tree frame; as a component tree (some 270 frames) it was
/// the largest thing an open board kept on the server. The panel is a few elements around those pieces, so Blazor's
/// diff compares piece by piece: an acknowledgement that moves one carrier's and one class's response rate replaces
/// those two groups on every open board and leaves the other elements of the panel as they were (one piece for the
/// whole panel made every board re-parse all of it for any change of a rate; measured, the browser saves 0.5-1 ms per
/// change, README "Board figures").</para>
/// </summary>
public static class ComplianceCharts
{
    private static readonly ConditionalWeakTable<BoardSnapshot, ConcurrentDictionary<string, Parts>> Written = new();

    /// <summary>The panel's pieces in one language: the heading and legend, each chart's title and groups, the note.</summary>
    private sealed record Parts(MarkupString Head, Chart[] Charts, MarkupString Note);

    private sealed record Chart(string TestId, string Label, MarkupString Title, MarkupString[] Groups);

    /// <summary>The compliance panel of <paramref name="snapshot"/> in the current UI language.</summary>
    public static RenderFragment Render(BoardSnapshot snapshot)
    {
        var parts = SharedMarkup.PerLanguage(Written, snapshot, Write);
        return builder =>
        {
            builder.OpenElement(0, "div");
            builder.AddAttribute(1, "class", "board-compliance");
            builder.AddAttribute(2, "data-testid", "compliance");
            builder.AddMarkupContent(3, parts.Head.Value);
            foreach (var chart in parts.Charts)
            {
                builder.OpenElement(4, "div");
                builder.AddAttribute(5, "class", "board-chart");
                builder.AddAttribute(6, "data-testid", chart.TestId);
                builder.AddAttribute(7, "role", "figure");
                builder.AddAttribute(8, "aria-label", chart.Label);
                builder.AddMarkupContent(9, chart.Title.Value);
                foreach (var group in chart.Groups)
                {
                    // Same sequence number for every group: the diff pairs them in order and compares their text.
                    builder.AddMarkupContent(10, group.Value);
                }

                builder.CloseElement();
            }

            builder.AddMarkupContent(11, parts.Note.Value);
            builder.CloseElement();
        };
    }

    private static Parts Write(BoardSnapshot snapshot) => new(
        new MarkupString(new StringBuilder(512)
            .Append("<div class=\"board-section-title\">").Append(E(BoardText.ComplianceTitle)).Append("</div>")
            .Append("<div class=\"board-bars-legend\">")
            .Append("<span class=\"board-bar-swatch board-bar-response\"></span>").Append(E(BoardText.SeriesResponse))
            .Append("<span class=\"board-bar-swatch board-bar-repair\"></span>").Append(E(BoardText.SeriesRepair))
            .Append("</div>").ToString()),
        [
            Section(BoardText.ComplianceByCarrier, snapshot.ByCarrier, "compliance-carrier"),
            Section(BoardText.ComplianceByClass, snapshot.ByLocationClass, "compliance-class"),
        ],
        new MarkupString("<div class=\"board-note\">" + E(BoardText.ComplianceNote) + "</div>"));

    private static Chart Section(string title, IReadOnlyList<ComplianceGroup> groups, string testId) => new(
        testId, $"{BoardText.ComplianceTitle} {title}",
        new MarkupString("<div class=\"board-chart-title\">" + E(title) + "</div>"),
        [.. groups.Select(Group)]);

    private static MarkupString Group(ComplianceGroup g)
    {
        var html = new StringBuilder(768);
        var label = E(Label(g));
        html.Append("<div class=\"board-bar-group\" data-testid=\"rate-row\">")
            .Append("<div class=\"board-bar-label\" title=\"").Append(label).Append('"')
            .Append(g.Class is null ? " data-text=\"data\"" : "").Append('>').Append(label).Append("</div>");
        Bar(html, "response", BoardText.ClockResponse, g.ResponseRate, g.ResponseMet, g.ResponseDecided);
        Bar(html, "repair", BoardText.ClockRepair, g.RepairRate, g.RepairMet, g.RepairDecided);
        html.Append("</div>");
        return new MarkupString(html.ToString());
    }

    // One compliance bar: the fill's width is the rate; no verdict yet is an empty track marked 暂无, not a 0 % bar.
    private static void Bar(StringBuilder html, string kind, string name, double? rate, int met, int decided)
    {
        html.Append("<div class=\"board-bar\" data-kind=\"").Append(kind).Append("\">")
            .Append("<span class=\"board-bar-name\">").Append(E(name)).Append("</span>")
            .Append("<span class=\"board-bar-track\">");
        if (rate is { } r)
        {
            html.Append("<span class=\"board-bar-fill board-bar-").Append(kind).Append("\" style=\"width:").Append(Width(r)).Append("%\"></span>");
        }

        html.Append("</span><span class=\"board-bar-value\" data-testid=\"rate-").Append(kind).Append("\">")
            .Append(E(Text(rate))).Append(" <small>(")
            .Append(met.ToString(CultureInfo.InvariantCulture)).Append('/').Append(decided.ToString(CultureInfo.InvariantCulture))
            .Append(")</small></span></div>");
    }

    private static string Width(double rate) =>
        Math.Clamp(rate, 0, 100).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"93.5%", or 暂无 while no clock of the group has a verdict.</summary>
    public static string Text(double? rate) =>
        rate is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) + "%" : BoardText.NoVerdict;

    private static string Label(ComplianceGroup g) => g.Class is { } c ? Labels.LocationClass(c) : g.Label;

    private static string E(string text) => SharedMarkup.Encode(text);
}
