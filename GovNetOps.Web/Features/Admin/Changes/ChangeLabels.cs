using System.Globalization;
using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Maintenance;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Admin.Import;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Resources;

using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;
using PolicyText = GovNetOps.Web.Resources.Policy;

namespace GovNetOps.Web.Features.Admin.Changes;

/// <summary>How change records read on screen: entity types, actions, field names and enum values in the UI language.
/// Every entity type and action a feature audits has its label here (<c>ChangeLabelsFacts</c> reads the sources for
/// the codes they pass to <see cref="Infrastructure.Audit.ChangeLog"/>); fields this feature does not know show as stored.</summary>
public static class ChangeLabels
{
    public static string EntityType(string type) => type switch
    {
        SiteRegistry.EntityType => Registry.Entity_Site,
        Carriers.CarrierRegistry.EntityType => Registry.Entity_Carrier,
        SiteImportHandler.ImportEntity => Registry.Entity_SiteImport,
        SiteImportHandler.ExportEntity => Registry.Entity_SiteExport,
        "User" => Registry.Entity_User,
        Security.SecurityPolicyHandler.EntityType => Registry.Entity_SecurityPolicy,
        Reports.Disputes.BreachDisputeHandler.EntityType => Registry.Entity_BreachDispute,
        Maintenance.FileNoticeHandler.EntityType => Registry.Entity_MaintenanceNotice,
        "CalendarYear" => Registry.Entity_CalendarYear,
        Policy.CreatePolicyVersionHandler.EntityType => Registry.Entity_SlaPolicy,
        "SecurityContact" => Registry.Entity_SecurityContact,
        nameof(SecurityFindingRecord) => Registry.Entity_SecurityFinding,
        nameof(NetworkApplicationRecord) => Registry.Entity_NetworkApplication,
        _ => type,
    };

    public static string Action(string action) => action switch
    {
        "Created" => Registry.Action_Created,
        "Updated" => Registry.Action_Updated,
        "Retired" => Registry.Action_Retired,
        "Imported" => Registry.Action_Imported,
        "Exported" => Registry.Action_Exported,
        "Create" => Registry.Action_Create,
        "Update" => Registry.Action_Update,
        "Edit" => Registry.Action_Edit,
        "ChangeRole" => Registry.Action_ChangeRole,
        "Disable" => Registry.Action_Disable,
        "Enable" => Registry.Action_Enable,
        "ResetPassword" => Registry.Action_ResetPassword,
        "Unlock" => Registry.Action_Unlock,
        "Disputed" => Registry.Action_Disputed,
        "Waived" => Registry.Action_Waived,
        "Upheld" => Registry.Action_Upheld,
        "Record" => Registry.Action_Record,
        "Disconnect" => Registry.Action_Disconnect,
        "Reconnect" => Registry.Action_Reconnect,
        "File" => Registry.Action_File,
        "FileOnBehalf" => Registry.Action_FileOnBehalf,
        "Approve" => Registry.Action_Approve,
        "Reject" => Registry.Action_Reject,
        "Start" => Registry.Action_Start,
        "Finish" => Registry.Action_Finish,
        "Complete" => Registry.Action_Complete,
        "Pause" => Registry.Action_Pause,
        "Resume" => Registry.Action_Resume,
        "Rectify" => Registry.Action_Rectify,
        "Verify" => Registry.Action_Verify,
        "ResetMfa" => Registry.Action_ResetMfa,
        _ => action,
    };

    public static string? Href(ChangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.EntityType switch
        {
            SiteRegistry.EntityType => $"/admin/sites/{record.EntityId}",
            Carriers.CarrierRegistry.EntityType => $"/admin/carriers/{record.EntityId}",
            _ => null,
        };
    }

    public static string Field(string entityType, string field) => (entityType, field) switch
    {
        (Carriers.CarrierRegistry.EntityType, nameof(CarrierEntity.Name)) => Registry.Carrier_Name,
        (Carriers.CarrierRegistry.EntityType, nameof(CarrierEntity.ShortName)) => Registry.Carrier_ShortName,
        (Carriers.CarrierRegistry.EntityType, nameof(CarrierEntity.ManagerName)) => Registry.Carrier_Manager,
        (Carriers.CarrierRegistry.EntityType, nameof(CarrierEntity.ManagerMobile)) => Registry.Carrier_ManagerMobile,
        (Carriers.CarrierRegistry.EntityType, nameof(CarrierEntity.DutyPhone)) => Registry.Carrier_DutyPhone,
        (SiteRegistry.EntityType, _) => SiteFields.Label(field),
        ("User", "displayName") => Registry.UserField_DisplayName,
        ("User", "userName") => Registry.UserField_UserName,
        ("User", "mobile") => Registry.UserField_Mobile,
        ("User", "role") => Registry.UserField_Role,
        ("User", "carrierId") => Registry.UserField_Carrier,
        ("User", "disabled") => Registry.UserField_Disabled,
        ("User", "mustChangePassword") => Registry.UserField_MustChangePassword,
        ("User", "lockedUntil") => Registry.UserField_LockedUntil,
        ("User", "twoFactor") => Registry.UserField_TwoFactor,
        (Reports.Disputes.BreachDisputeHandler.EntityType, "State") => Registry.Field_State,
        (Policy.CreatePolicyVersionHandler.EntityType, _) => PolicyField(field),
        (_, "Rows") => Registry.Change_Rows,
        (_, "Created") => Registry.Change_Created,
        (_, "Updated") => Registry.Change_Updated,
        (_, "Skipped") => Registry.Change_Skipped,
        _ => field,
    };

    // A new SLA policy version's after-image: the matrix cells (SlaPolicyFingerprint) and the ladder
    // (CreatePolicyVersionHandler.LadderCells), named as on the policy page.
    private static string PolicyField(string field) => field switch
    {
        nameof(SlaPolicy.Response) => PolicyText.Response,
        nameof(SlaPolicy.RepairCountyDirect) => PolicyText.RepairCountyDirect,
        nameof(SlaPolicy.RepairTownship) => PolicyText.RepairTownship,
        nameof(SlaPolicy.RepairCoreRoom) => PolicyText.RepairCoreRoom,
        nameof(SlaPolicy.Complex) => PolicyText.Complex,
        nameof(SlaPolicy.EffectiveFrom) => PolicyText.ColEffective,
        Policy.CreatePolicyVersionHandler.ReminderCell => PolicyText.LadderReminder,
        Policy.CreatePolicyVersionHandler.WarningCell => PolicyText.LadderWarning,
        Policy.CreatePolicyVersionHandler.BreachCell => PolicyText.LadderBreach,
        Policy.CreatePolicyVersionHandler.RenotifyCell => PolicyText.LadderRenotifyInterval,
        _ => field,
    };

    private static string? PolicyValue(string field, string value) => field switch
    {
        Policy.CreatePolicyVersionHandler.ReminderCell or Policy.CreatePolicyVersionHandler.WarningCell or Policy.CreatePolicyVersionHandler.BreachCell
            when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) =>
            Policy.PolicyFormat.Percent(fraction),
        nameof(SlaPolicy.EffectiveFrom) when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
            ChinaTime.Format(at),
        _ when TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var duration) => Policy.PolicyFormat.Interval(duration),
        _ => null,
    };

    public static string Value(string entityType, string field, string? value)
    {
        if (value is null)
        {
            return "—";
        }

        if (entityType == Policy.CreatePolicyVersionHandler.EntityType && PolicyValue(field, value) is { } policyValue)
        {
            return policyValue;
        }

        return (entityType, field) switch
        {
            (_, nameof(Site.LocationClass)) when Enum.TryParse<LocationClass>(value, out var cls) => Labels.LocationClass(cls),
            (_, nameof(Site.Status)) when Enum.TryParse<SiteConnectionStatus>(value, out var status) => SiteFormView.StatusLabel(status),
            ("User", "role") when Enum.TryParse<Role>(value, out var role) => Labels.Role(role),
            (Maintenance.FileNoticeHandler.EntityType, "状态") when Enum.TryParse<MaintenanceStatus>(value, out var notice) => Maintenance.NoticeLabels.Status(notice),
            (nameof(NetworkApplicationRecord), "状态") when Enum.TryParse<ApplicationState>(value, out var application) => Applications.ApplicationLabels.State(application),
            (Reports.Disputes.BreachDisputeHandler.EntityType, "State") when Enum.TryParse<BreachDisputeState>(value, out var dispute) => Reports.Disputes.BreachDisputeHandler.StateLabel(dispute),
            (nameof(SecurityFindingRecord), "严重程度") when Enum.TryParse<GovNetOps.Domain.Security.FindingSeverity>(value, out var severity) => Applications.ApplicationLabels.Severity(severity),
            _ when value == "true" => Registry.Yes,
            _ when value == "false" => Registry.No,
            _ => value.Length == 0 ? "—" : value,
        };
    }
}
