namespace GovNetOps.Web.Features.Maintenance;

/// <summary>What the notice form holds (times in China time, as typed).</summary>
public sealed class NoticeForm
{
    /// <summary>The filing carrier; a carrier user's own carrier is used whatever this says.</summary>
    public int? CarrierId { get; set; }

    /// <summary>All of the carrier's active sites ("本运营商全部站点").</summary>
    public bool AllSites { get; set; }
    public List<int> SiteIds { get; set; } = [];
    public DateTime? StartChina { get; set; }
    public DateTime? EndChina { get; set; }
    public string? Work { get; set; }
    public string? Impact { get; set; }
    public string? ContactName { get; set; }
    public string? ContactMobile { get; set; }
    public string? LateReason { get; set; }
    public string? LongWindowReason { get; set; }

    /// <summary>The form of an existing notice, for editing.</summary>
    public static NoticeForm From(NoticeDetails n) => new()
    {
        CarrierId = n.CarrierId, AllSites = n.AllSites, SiteIds = n.Sites.Select(s => s.Id).ToList(),
        StartChina = GovNetOps.Domain.Common.ChinaTime.ToChina(n.StartsAt).DateTime, EndChina = GovNetOps.Domain.Common.ChinaTime.ToChina(n.EndsAt).DateTime,
        Work = n.Work, Impact = n.Impact, ContactName = n.ContactName, ContactMobile = n.ContactMobile, LateReason = n.LateReason,
        LongWindowReason = n.LongWindowReason,
    };
}
