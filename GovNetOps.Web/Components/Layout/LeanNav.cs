using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Resources;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Components.Layout;

/// <summary>The navigation of the lean layouts (the desk board's <c>BoardLayout</c>): the same entries as
/// <see cref="NavMenu"/> (<see cref="NavCatalog.For"/>), as plain links that load their page (<c>target="_top"</c>:
/// the component library is not loaded on a lean page, so the app's pages must not open inside it).
/// The links are the same for everyone allowed the same entries in the same language, so they are made once per
/// (language, entries) and shared by every open board as one piece of markup: a board then holds three render-tree
/// frames for its navigation, not ten per link. The approvals entry carries a live count
/// (<c>ApprovalsBadge</c>), a component of its own, so the markup is cut there: the links before it, the entry itself
/// (rendered by the layout around the badge), the links after it. (A markup frame is parsed on its own in the browser:
/// one cannot leave an element open for a component to go inside.)</summary>
public static class LeanNav
{
    public sealed record Parts(MarkupString Before, NavEntry? Approvals, MarkupString After);

    private static readonly ConcurrentDictionary<(string Culture, string Active, ulong Entries), Parts> Cache = new();

    public static Parts For(ClaimsPrincipal user, string active)
    {
        ulong mask = 0;
        for (var i = 0; i < NavCatalog.Entries.Count; i++)
        {
            if (user.Allows(NavCatalog.Entries[i].Policy))
            {
                mask |= 1UL << i;
            }
        }

        return Cache.GetOrAdd((CultureInfo.CurrentUICulture.Name, active, mask), key => Build(key.Entries, key.Active));
    }

    private static Parts Build(ulong mask, string active)
    {
        var before = new StringBuilder();
        var after = new StringBuilder();
        var current = before;
        NavEntry? approvals = null;
        for (var i = 0; i < NavCatalog.Entries.Count; i++)
        {
            if ((mask & (1UL << i)) == 0)
            {
                continue;
            }

            var entry = NavCatalog.Entries[i];
            if (entry.Href == NavCatalog.ApprovalsHref)
            {
                approvals = entry;
                current = after;
                continue;
            }

            current.Append(Link(entry.Href, entry.Title(), entry.Icon, entry.Href == active));
        }

        after.Append("<hr class=\"lean-nav-divider\" />")
            .Append(Link("/account/mfa", Text.NavAccount, MudBlazor.Icons.Material.Filled.Security, false, "nav-account"));
        return new Parts(new MarkupString(before.ToString()), approvals, new MarkupString(after.ToString()));
    }

    private static string Link(string href, string title, string icon, bool active, string? testId = null)
    {
        var html = SharedMarkup.Encoder;
        return $"<a href=\"{html.Encode(href)}\" target=\"_top\" class=\"lean-nav-link{(active ? " active" : "")}\"" +
            (testId is null ? $" data-nav=\"{html.Encode(href)}\"" : $" data-testid=\"{testId}\"") +
            (active ? " aria-current=\"page\"" : "") +
            $"><svg class=\"lean-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg><span>{html.Encode(title)}</span></a>";
    }
}
