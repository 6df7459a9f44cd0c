using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Components;
using GovNetOps.Web.Features.Admin.Import;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Resources;

using CarrierEntity = GovNetOps.Web.Infrastructure.Data.Carrier;

namespace GovNetOps.Web.Features.Admin.Changes;

/// <summary>How change records read on screen: entity types, actions, field names and enum values in the UI language.
/// Types and fields this feature does not know (added by other features) show as stored.</summary>
public static class ChangeLabels
{
    public static string EntityType(string type) => type switch
    {
        SiteRegistry.EntityType => Registry.Entity_Site,
        Carriers.CarrierRegistry.EntityType => Registry.Entity_Carrier,
        SiteImportHandler.ImportEntity => Registry.Entity_SiteImport,
        SiteImportHandler.ExportEntity => Registry.Entity_SiteExport,
        _ => type,
    };

    public static string Action(string action) => action switch
    {
        "Created" => Registry.Action_Created,
        "Updated" => Registry.Action_Updated,
        "Retired" => Registry.Action_Retired,
        "Imported" => Registry.Action_Imported,
        "Exported" => Registry.Action_Exported,
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
        (_, "Rows") => Registry.Change_Rows,
        (_, "Created") => Registry.Change_Created,
        (_, "Updated") => Registry.Change_Updated,
        (_, "Skipped") => Registry.Change_Skipped,
        _ => field,
    };

    public static string Value(string field, string? value)
    {
        if (value is null)
        {
            return "—";
        }

        return field switch
        {
            nameof(Site.LocationClass) when Enum.TryParse<LocationClass>(value, out var cls) => Labels.LocationClass(cls),
            nameof(Site.Status) when Enum.TryParse<SiteConnectionStatus>(value, out var status) => SiteFormView.StatusLabel(status),
            nameof(Site.IsActive) => value == "true" ? Registry.Yes : Registry.No,
            _ => value.Length == 0 ? "—" : value,
        };
    }
}
