using GovNetOps.Domain.Sla;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Tongbai County's real units (PRODUCT.md "Demo data"); addresses, contacts and
/// numbers are invented for the demo.</summary>
internal static class DemoData
{
    public const string Password = "Tongbai@2026";

    public static readonly Carrier[] Carriers =
    [
        new() { Id = 1, Name = "中国电信桐柏分公司", ShortName = "电信", ManagerName = "周建国", ManagerMobile = "13303770001", DutyPhone = "0377-68110000" },
        new() { Id = 2, Name = "中国联通桐柏分公司", ShortName = "联通", ManagerName = "吴海涛", ManagerMobile = "13003770002", DutyPhone = "0377-68120000" },
        new() { Id = 3, Name = "中国移动桐柏分公司", ShortName = "移动", ManagerName = "郑晓峰", ManagerMobile = "13803770003", DutyPhone = "0377-68130000" },
    ];

    // (name, pinyin initials, user type, address, carrier)
    private static readonly (string Name, string Initials, string Type, string Address, int Carrier)[] CountyDirect =
    [
        ("中共桐柏县委办公室", "zgtbxwbgs", "党政机关", "城关镇淮源大道 1 号", 1),
        ("桐柏县人大常委会办公室", "tbxrdcwhbgs", "党政机关", "城关镇淮源大道 3 号", 1),
        ("桐柏县人民政府办公室", "tbxrmzfbgs", "党政机关", "城关镇淮源大道 1 号", 1),
        ("桐柏县政协办公室", "tbxzxbgs", "党政机关", "城关镇桐银路 8 号", 2),
        ("桐柏县人民法院", "tbxrmfy", "党政机关", "城关镇大同路 66 号", 2),
        ("桐柏县人民检察院", "tbxrmjcy", "党政机关", "城关镇大同路 72 号", 2),
        ("桐柏县财政局", "tbxczj", "党政机关", "城关镇新华街 18 号", 1),
        ("桐柏县公安局", "tbxgaj", "党政机关", "城关镇淮祠路 20 号", 3),
        ("桐柏县教育局", "tbxjyj", "党政机关", "城关镇红叶路 11 号", 3),
        ("桐柏县卫生健康委员会", "tbxwsjkwyh", "党政机关", "城关镇朝阳路 5 号", 3),
        ("桐柏县人民医院", "tbxrmyy", "事业单位", "城关镇桐柏大道 180 号", 1),
        ("桐柏县行政审批和政务信息管理局", "tbxxzsphzwxxglj", "党政机关", "城关镇淮源大道 9 号", 1),
    ];

    private static readonly (string Town, string Initials, int Carrier)[] Townships =
    [
        ("城关镇", "cgz", 1), ("淮源镇", "hyz", 1), ("月河镇", "yhz", 2), ("吴城镇", "wcz", 2),
        ("固县镇", "gxz", 3), ("毛集镇", "mjz", 3), ("大河镇", "dhz", 1), ("埠江镇", "bjz", 2),
        ("平氏镇", "psz", 3), ("程湾镇", "cwz", 1), ("黄岗镇", "hgz", 2), ("安棚镇", "apz", 3),
        ("朱庄镇", "zzz", 1), ("城郊乡", "cjx", 2), ("新集乡", "xjx", 3), ("回龙乡", "hlx", 1),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞"];

    public static IReadOnlyList<Site> Sites()
    {
        var sites = new List<Site>
        {
            new()
            {
                Name = "桐柏县电子政务外网核心机房", PinyinInitials = "tbxdzzwwwhxjf", UserKind = SiteUserKind.Other, UserType = "核心节点",
                Address = "城关镇淮源大道 9 号 县行政审批和政务信息管理局 5 楼", LocationClass = LocationClass.CoreRoom,
                CarrierId = 1, IpAddresses = "10.41.0.0/24", IpCount = 256, BandwidthMbps = 10000, NetworkPurpose = "电子政务外网汇聚与核心交换",
                NetworkAdminName = "韩立新", NetworkAdminMobile = "13937700000", TechContactName = "高志远", TechContactMobile = "15837700000",
            },
        };
        var n = 0;
        foreach (var (name, initials, type, address, carrier) in CountyDirect)
        {
            sites.Add(Build(name, initials, type, address, LocationClass.CountyDirect, carrier, ++n, 100));
        }

        foreach (var (town, initials, carrier) in Townships)
        {
            sites.Add(Build($"{town}人民政府", initials + "rmzf", "党政机关",
                $"桐柏县{town}政府大院", LocationClass.Township, carrier, ++n, 50));
        }

        return sites;
    }

    private static Site Build(string name, string initials, string type, string address, LocationClass cls, int carrier, int n, int bandwidth) => new()
    {
        Name = name, PinyinInitials = initials, UserType = type,
        UserKind = type == "事业单位" ? SiteUserKind.PublicInstitution : SiteUserKind.PartyGovernment, Address = address, LocationClass = cls, CarrierId = carrier,
        NetworkAdminName = Surnames[n % Surnames.Length] + GivenNames[(n * 3) % GivenNames.Length],
        NetworkAdminMobile = $"1393770{n:0000}",
        TechContactName = Surnames[(n + 5) % Surnames.Length] + GivenNames[(n * 7 + 1) % GivenNames.Length],
        TechContactMobile = $"1583770{n:0000}",
        IpAddresses = $"10.41.{n}.0/26", IpCount = 64, BandwidthMbps = bandwidth, NetworkPurpose = "电子政务办公、视频会议",
    };

    /// <summary>The demo units that have no security contact on file, so the flag of Article 6 shows on the contacts page
    /// and the admin home; every other unit has one.</summary>
    public static readonly string[] WithoutSecurityContact = ["桐柏县人民检察院", "回龙乡人民政府"];

    /// <summary>One security contact (安全联系人, Article 6) per demo unit but <see cref="WithoutSecurityContact"/>, in office
    /// since the start of 2026.</summary>
    public static IReadOnlyList<SecurityContact> SecurityContacts(IEnumerable<Site> sites)
    {
        var from = new DateOnly(2026, 1, 5);
        var registeredAt = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero); // 09:00 China time
        return sites.Where(s => !WithoutSecurityContact.Contains(s.Name)).Select((s, n) => new SecurityContact
        {
            SiteId = s.Id, Name = Surnames[(n + 9) % Surnames.Length] + GivenNames[(n * 5 + 2) % GivenNames.Length],
            Mobile = $"1373770{n + 1:0000}", FromDate = from, RegisteredAt = registeredAt,
        }).ToList();
    }

    public sealed record DemoUser(string UserName, string DisplayName, string Role, int? CarrierId);

    public static readonly DemoUser[] Users =
    [
        new("admin", "王磊", "SystemAdmin", null), // the system administrator keeps the old single administrator's name
        new("secadmin", "赵静", "SecurityAdmin", null),
        new("auditor", "周洁", "AuditAdmin", null),
        new("wall", "值班室大屏", "Display", null),
        new("ops", "张敏", "Ops", null),
        new("leader", "李建华", "Leader", null),
        new("telecom", "刘强", "Carrier", 1),
        new("unicom", "陈刚", "Carrier", 2),
        new("mobile", "孙浩", "Carrier", 3),
    ];
}
