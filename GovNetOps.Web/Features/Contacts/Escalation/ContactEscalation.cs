using GovNetOps.Domain.Calendar;
using GovNetOps.Domain.Registry;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Contacts.Escalation;

/// <summary>A security contact of a site changed (registered or stopped); committed.</summary>
public sealed record SecurityContactChanged(int SiteId);

/// <summary>The escalation a site's open re-registration calls for: at <see cref="DueAt"/> (the end of the due working
/// day, Article 6), unless a successor is registered first.</summary>
public sealed record ContactEscalation(int SiteId, int ContactId, DateTimeOffset DueAt)
{
    public string Key => $"{SiteId}:{ContactId}";

    /// <summary>The one escalation a site calls for as stored now: its earliest open re-registration (the same one the
    /// contacts page flags), due by <see cref="SecurityContactRule.DueAfter"/> on <paramref name="calendar"/>; none when
    /// the site is retired or nobody stopped without a successor.</summary>
    public static ContactEscalation? For(bool siteActive, IEnumerable<SecurityContact> contacts, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!siteActive)
        {
            return null;
        }

        var open = contacts.Where(c => c.StoppedOn is not null && c.ReplacedAt is null).OrderBy(c => c.StoppedOn).ThenBy(c => c.Id).FirstOrDefault();
        return open is null ? null : new ContactEscalation(open.SiteId, open.Id, SecurityContactRule.DueAfter(calendar, open.StoppedOn!.Value).DueAt);
    }
}
