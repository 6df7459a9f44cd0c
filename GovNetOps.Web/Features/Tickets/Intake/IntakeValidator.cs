using GovNetOps.Domain.Common;

namespace GovNetOps.Web.Features.Tickets.Intake;

/// <summary>The intake form's shape, one Chinese message per field: what is required, how long, what a mobile
/// number looks like. The rules (report time, back-dating and override reasons) are the Domain's
/// (<see cref="Domain.Tickets.FaultTicket.ReportRuleViolations"/>), checked once by <see cref="ReportFaultHandler"/>.</summary>
public static class IntakeValidator
{
    public const int SymptomsMax = 500;
    public const int NameMax = 32;
    public const int ReasonMax = 200;

    public static Dictionary<string, string> Validate(IntakeForm form, bool siteExists)
    {
        var errors = new Dictionary<string, string>();
        if (form.SiteId is null) errors[nameof(form.SiteId)] = "请选择接入单位";
        else if (!siteExists) errors[nameof(form.SiteId)] = "所选接入单位不存在或已停用";

        if (!Enum.IsDefined(form.Scope)) errors[nameof(form.Scope)] = "请选择故障范围";

        var symptoms = form.Symptoms?.Trim() ?? "";
        if (symptoms.Length == 0) errors[nameof(form.Symptoms)] = "请填写故障现象";
        else if (symptoms.Length > SymptomsMax) errors[nameof(form.Symptoms)] = $"故障现象不能超过 {SymptomsMax} 个字";

        var name = form.ReporterName?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(form.ReporterName)] = "请填写申告人姓名";
        else if (name.Length > NameMax) errors[nameof(form.ReporterName)] = $"申告人姓名不能超过 {NameMax} 个字";

        if (!IsMobile(form.ReporterMobile)) errors[nameof(form.ReporterMobile)] = "手机号应为以 1 开头的 11 位数字";

        if (form.ReportedAtChina is not { } local) errors[nameof(form.ReportedAtChina)] = "请填写申告时间";
        // DateTime.MinValue (a crafted request) has no UTC instant: converting it would throw.
        else if (local < DateTime.MinValue + ChinaTime.Offset) errors[nameof(form.ReportedAtChina)] = "申告时间不能早于 7 天前";

        if ((form.BackdateReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.BackdateReason)] = $"补录原因不能超过 {ReasonMax} 个字";
        if (form.LocationClassOverride is { } cls && !Enum.IsDefined(cls)) errors[nameof(form.LocationClassOverride)] = "区域类别无效";
        if ((form.OverrideReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.OverrideReason)] = $"修改原因不能超过 {ReasonMax} 个字";
        return errors;
    }

    public static bool IsMobile(string? value) =>
        value is { Length: 11 } v && v[0] == '1' && v.All(char.IsAsciiDigit);

    public static DateTimeOffset ToUtc(DateTime china) =>
        new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
}
