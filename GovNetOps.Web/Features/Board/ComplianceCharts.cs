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
/// viewer's instant. So they are written once per snapshot and language and every board holds the same string as one
/// markup frame. As a component, its render tree (some 270 frames, in two arrays of 512) was the largest thing an open
/// board kept on the server. A change that leaves the month's verdicts as they were writes the same text, which
/// Blazor's diff finds equal: no viewer's page changes.</para>
/// </summary>
public static class ComplianceCharts
{
    private static readonly ConditionalWeakTable<BoardSnapshot, ConcurrentDictionary<string, MarkupString>> Written = new();

    public static MarkupString Markup(BoardSnapshot snapshot) => SharedMarkup.PerLanguage(Written, snapshot, Write);

    private static string Write(BoardSnapshot snapshot)
    {
        var html = new StringBuilder(4096);
        html.Append("<div class=\"board-compliance\" data-testid=\"compliance\">")
            .Append("<div class=\"board-section-title\">").Append(E(BoardText.ComplianceTitle)).Append("</div>")
            .Append("<div class=\"board-bars-legend\">")
            .Append("<span class=\"board-bar-swatch board-bar-response\"></span>").Append(E(BoardText.SeriesResponse))
            .Append("<span class=\"board-bar-swatch board-bar-repair\"></span>").Append(E(BoardText.SeriesRepair))
            .Append("</div>");
        Section(html, BoardText.ComplianceByCarrier, snapshot.ByCarrier, "compliance-carrier");
        Section(html, BoardText.ComplianceByClass, snapshot.ByLocationClass, "compliance-class");
        html.Append("<div class=\"board-note\">").Append(E(BoardText.ComplianceNote)).Append("</div></div>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string title, IReadOnlyList<ComplianceGroup> groups, string testId)
    {
        html.Append("<div class=\"board-chart\" data-testid=\"").Append(testId).Append("\" role=\"figure\" aria-label=\"")
            .Append(E($"{BoardText.ComplianceTitle} {title}")).Append("\">")
            .Append("<div class=\"board-chart-title\">").Append(E(title)).Append("</div>");
        foreach (var g in groups)
        {
            var label = E(Label(g));
            html.Append("<div class=\"board-bar-group\" data-testid=\"rate-row\">")
                .Append("<div class=\"board-bar-label\" title=\"").Append(label).Append('"')
                .Append(g.Class is null ? " data-text=\"data\"" : "").Append('>').Append(label).Append("</div>");
            Bar(html, "response", BoardText.ClockResponse, g.ResponseRate, g.ResponseMet, g.ResponseDecided);
            Bar(html, "repair", BoardText.ClockRepair, g.RepairRate, g.RepairMet, g.RepairDecided);
            html.Append("</div>");
        }

        html.Append("</div>");
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
