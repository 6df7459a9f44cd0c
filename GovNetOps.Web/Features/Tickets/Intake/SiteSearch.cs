namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>The intake picker's matching: pinyin-initial prefix first, then name or initials containing the text.</summary>
public static class SiteSearch
{
    public static IEnumerable<SiteOption> Find(IEnumerable<SiteOption> sites, string? text, int max = 12)
    {
        var q = text?.Trim() ?? "";
        if (q.Length == 0)
        {
            return sites.Take(max);
        }

        var lower = q.ToLowerInvariant();
        return sites
            .Select(s => (Site: s, Rank:
                s.PinyinInitials.StartsWith(lower, StringComparison.Ordinal) ? 0
                : s.Name.StartsWith(q, StringComparison.Ordinal) ? 1
                : s.Name.Contains(q, StringComparison.Ordinal) ? 2
                : s.PinyinInitials.Contains(lower, StringComparison.Ordinal) ? 3 : -1))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank).ThenBy(x => x.Site.Name.Length)
            .Select(x => x.Site)
            .Take(max);
    }
}
