using GovNetOps.Domain.Applications;

namespace GovNetOps.Web.Features.Applications.Record;

/// <summary>What Ops types from the unit's signed paper form (annex 1 or 2).</summary>
public sealed class ApplicationForm
{
    public const string GovernmentOrgan = "党政机关";
    public const string PublicInstitution = "事业单位";

    public ApplicationKind Kind { get; set; } = ApplicationKind.Access;

    /// <summary>For a change: the registered site it concerns (its fields are copied in).</summary>
    public int? SiteId { get; set; }

    public string UnitName { get; set; } = "";

    /// <summary>党政机关, 事业单位, or empty for 其他 (then <see cref="UserTypeOther"/>).</summary>
    public string UserTypeChoice { get; set; } = GovernmentOrgan;
    public string UserTypeOther { get; set; } = "";
    public string Address { get; set; } = "";
    public string NetworkAdminName { get; set; } = "";
    public string NetworkAdminMobile { get; set; } = "";
    public string TechContactName { get; set; } = "";
    public string TechContactMobile { get; set; } = "";
    public int? IpCount { get; set; }
    public int? BandwidthMbps { get; set; }
    public string Purpose { get; set; } = "";
    public ChangeType? ChangeType { get; set; }
    public string ChangeDetail { get; set; } = "";
    public string UnitOpinion { get; set; } = "";
    public DateTime? UnitSignedOn { get; set; }

    /// <summary>When the management unit received the form (China time as typed); defaults to now.</summary>
    public DateTime? ReceivedOn { get; set; }
    public TimeSpan? ReceivedTime { get; set; }

    /// <summary>The 用户类型 as stored and printed.</summary>
    public string UserType => UserTypeChoice.Length > 0 ? UserTypeChoice : UserTypeOther.Trim();
}
