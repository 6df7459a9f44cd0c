using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Domain.Tickets;

namespace GovNetOps.Web.Features.Tickets;

/// <summary>Server-side validation of the intake form, one Chinese message per field.</summary>
public static class IntakeValidator
{
    public const int SymptomsMax = 500;
    public const int NameMax = 32;
    public const int ReasonMax = 200;

    /// <summary>How far back a report may be back-dated: a missed call from last week is a new report.</summary>
    public static readonly TimeSpan MaxBackdate = TimeSpan.FromDays(7);

    public static Dictionary<string, string> Validate(IntakeForm form, DateTimeOffset now, SiteSnapshot? site)
    {
        var errors = new Dictionary<string, string>();
        if (form.SiteId is null) errors[nameof(form.SiteId)] = "请选择接入单位";
        else if (site is null) errors[nameof(form.SiteId)] = "所选接入单位不存在或已停用";

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
        else
        {
            var reported = ToUtc(local);
            if (reported > now) errors[nameof(form.ReportedAtChina)] = "申告时间不能晚于当前时间";
            else if (now - reported > MaxBackdate) errors[nameof(form.ReportedAtChina)] = "申告时间不能早于 7 天前";
            else if (now - reported > FaultTicket.BackdateTolerance && string.IsNullOrWhiteSpace(form.BackdateReason))
                errors[nameof(form.BackdateReason)] = "申告时间早于当前时间 5 分钟以上，请填写补录原因";
        }
        if ((form.BackdateReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.BackdateReason)] = $"补录原因不能超过 {ReasonMax} 个字";

        if (site is not null && form.LocationClassOverride is { } cls && cls != site.LocationClass)
        {
            if (!Enum.IsDefined(cls)) errors[nameof(form.LocationClassOverride)] = "区域类别无效";
            else if (string.IsNullOrWhiteSpace(form.OverrideReason)) errors[nameof(form.OverrideReason)] = "修改区域类别须填写原因";
        }
        if ((form.OverrideReason?.Trim().Length ?? 0) > ReasonMax) errors[nameof(form.OverrideReason)] = $"修改原因不能超过 {ReasonMax} 个字";
        return errors;
    }

    public static bool IsMobile(string? value) =>
        value is { Length: 11 } v && v[0] == '1' && v.All(char.IsAsciiDigit);

    public static DateTimeOffset ToUtc(DateTime china) =>
        new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();
}
