using GovNetOps.Web.Resources;

namespace GovNetOps.Web.Features.Admin.Sites;

/// <summary>The site fields by name: their labels on screen and in messages, and the fixed Chinese column headers of
/// the import/export spreadsheet (a file format, the same in every UI language).</summary>
public static class SiteFields
{
    public const string Name = nameof(SiteForm.Name);
    public const string UserKind = nameof(SiteForm.UserKind);
    public const string UserTypeOther = nameof(SiteForm.UserTypeOther);
    public const string Address = nameof(SiteForm.Address);
    public const string NetworkAdminName = nameof(SiteForm.NetworkAdminName);
    public const string NetworkAdminMobile = nameof(SiteForm.NetworkAdminMobile);
    public const string TechContactName = nameof(SiteForm.TechContactName);
    public const string TechContactMobile = nameof(SiteForm.TechContactMobile);
    public const string IpCount = nameof(SiteForm.IpCount);
    public const string BandwidthMbps = nameof(SiteForm.BandwidthMbps);
    public const string NetworkPurpose = nameof(SiteForm.NetworkPurpose);
    public const string LocationClass = nameof(SiteForm.LocationClass);
    public const string CarrierId = nameof(SiteForm.CarrierId);
    public const string IpAddresses = nameof(SiteForm.IpAddresses);
    public const string Status = nameof(SiteForm.Status);

    /// <summary>The spreadsheet's columns in order: field and header. Import matches headers by this text.</summary>
    public static readonly IReadOnlyList<(string Field, string Header)> Columns =
    [
        (Name, "单位名称"),
        (UserKind, "用户类型"),
        (UserTypeOther, "其他类型说明"),
        (Address, "办公地址"),
        (NetworkAdminName, "网络管理员"),
        (NetworkAdminMobile, "网络管理员手机"),
        (TechContactName, "技术联系人"),
        (TechContactMobile, "技术联系人手机"),
        (IpCount, "IP数量"),
        (BandwidthMbps, "带宽(Mbps)"),
        (NetworkPurpose, "网络用途"),
        (LocationClass, "位置类别"),
        (CarrierId, "运营商"),
        (IpAddresses, "IP地址"),
        (Status, "接入状态"),
    ];

    /// <summary>The field's label in the UI language (also used in messages, which name the field).</summary>
    public static string Label(string field) => field switch
    {
        Name => Registry.Field_Name,
        UserKind => Registry.Field_UserKind,
        UserTypeOther => Registry.Field_UserTypeOther,
        Address => Registry.Field_Address,
        NetworkAdminName => Registry.Field_NetworkAdminName,
        NetworkAdminMobile => Registry.Field_NetworkAdminMobile,
        TechContactName => Registry.Field_TechContactName,
        TechContactMobile => Registry.Field_TechContactMobile,
        IpCount => Registry.Field_IpCount,
        BandwidthMbps => Registry.Field_BandwidthMbps,
        NetworkPurpose => Registry.Field_NetworkPurpose,
        LocationClass => Registry.Field_LocationClass,
        CarrierId => Registry.Field_Carrier,
        IpAddresses => Registry.Field_IpAddresses,
        Status => Registry.Field_Status,
        nameof(Infrastructure.Data.Site.UserType) => Registry.Field_UserKind,
        nameof(Infrastructure.Data.Site.IsActive) => Registry.Field_IsActive,
        nameof(Infrastructure.Data.Site.PinyinInitials) => Registry.Field_PinyinInitials,
        _ => field,
    };
}
