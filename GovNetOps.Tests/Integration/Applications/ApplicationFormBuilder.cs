using GovNetOps.Domain.Applications;
using GovNetOps.Web.Features.Applications.Record;

namespace GovNetOps.Tests.Integration.Applications;

/// <summary>An annex-1 form as a unit fills it in; change what a test needs.</summary>
public static class ApplicationFormBuilder
{
    public static ApplicationForm Access(string unitName = "桐柏县医疗保障局") => new()
    {
        Kind = ApplicationKind.Access,
        UnitName = unitName,
        UserTypeChoice = ApplicationForm.GovernmentOrgan,
        Address = "桐柏县淮源大道 88 号",
        NetworkAdminName = "赵静",
        NetworkAdminMobile = "13937701234",
        TechContactName = "钱伟",
        TechContactMobile = "15837705678",
        IpCount = 16,
        BandwidthMbps = 100,
        Purpose = "医保业务系统接入省医保平台",
        UnitOpinion = "同意申请接入",
        UnitSignedOn = new DateTime(2026, 3, 1),
    };

    public static ApplicationForm Change(int siteId, ChangeType type) => new()
    {
        Kind = ApplicationKind.Change,
        SiteId = siteId,
        UnitName = "桐柏县医疗保障局",
        UserTypeChoice = ApplicationForm.GovernmentOrgan,
        Address = "桐柏县新华路 1 号",
        NetworkAdminName = "赵静",
        NetworkAdminMobile = "13937701234",
        TechContactName = "钱伟",
        TechContactMobile = "15837705678",
        IpCount = 16,
        BandwidthMbps = 200,
        ChangeType = type,
    };
}
