using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>Why a site wants the admin's attention (shown in the list and on the admin home).</summary>
public enum SiteAttention
{
    /// <summary>A contact's phone is missing or no longer passes the registry's check.</summary>
    ContactNumberInvalid = 1,

    /// <summary>No IP addresses allocated to a connected site.</summary>
    NoIpAllocation = 2,

    /// <summary>断网整改中: disconnected until a finding is rectified (Article 9).</summary>
    Disconnected = 3,
}

/// <summary>One line of the site list.</summary>
public sealed record SiteRow(
    int Id, string Name, string PinyinInitials, string UserType, string Address, LocationClass LocationClass,
    string CarrierShortName, SiteConnectionStatus Status, bool IsActive, string NetworkAdminName, string NetworkAdminMobile,
    string IpAddresses, int BandwidthMbps, IReadOnlyList<SiteAttention> Attention)
{
    public static SiteRow From(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var attention = new List<SiteAttention>();
        if (site.IsActive)
        {
            if (!ContactNumber.IsValid(site.NetworkAdminMobile) || !ContactNumber.IsValid(site.TechContactMobile))
            {
                attention.Add(SiteAttention.ContactNumberInvalid);
            }

            if (site.Status == SiteConnectionStatus.Connected && string.IsNullOrWhiteSpace(site.IpAddresses))
            {
                attention.Add(SiteAttention.NoIpAllocation);
            }

            if (site.Status == SiteConnectionStatus.DisconnectedForRectification)
            {
                attention.Add(SiteAttention.Disconnected);
            }
        }

        return new SiteRow(site.Id, site.Name, site.PinyinInitials, site.UserType, site.Address, site.LocationClass,
            site.Carrier?.ShortName ?? "", site.Status, site.IsActive, site.NetworkAdminName, site.NetworkAdminMobile,
            site.IpAddresses, site.BandwidthMbps, attention);
    }

    /// <summary>Whether the row matches a search: name or address containing the text, or pinyin initials containing it.</summary>
    public bool Matches(string? search)
    {
        var q = search?.Trim() ?? "";
        if (q.Length == 0)
        {
            return true;
        }

        return Name.Contains(q, StringComparison.Ordinal) || Address.Contains(q, StringComparison.Ordinal)
            || PinyinInitials.Contains(q.ToLowerInvariant(), StringComparison.Ordinal);
    }
}
