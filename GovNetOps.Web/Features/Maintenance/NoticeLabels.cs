using GovNetOps.Domain.Maintenance;
using GovNetOps.Web.Infrastructure.Data;
using MudBlazor;
using MT = GovNetOps.Web.Resources.Maintenance;

namespace GovNetOps.Web.Features.Maintenance;

/// <summary>Display names and colours of maintenance states and verdicts (texts from Resources/Maintenance.resx).</summary>
public static class NoticeLabels
{
    public static string Status(MaintenanceStatus status) => status switch
    {
        MaintenanceStatus.Pending => MT.Status_Pending,
        MaintenanceStatus.Approved => MT.Status_Approved,
        MaintenanceStatus.Rejected => MT.Status_Rejected,
        MaintenanceStatus.InProgress => MT.Status_InProgress,
        MaintenanceStatus.Completed => MT.Status_Completed,
        _ => status.ToString(),
    };

    public static Color StatusColor(MaintenanceStatus status) => status switch
    {
        MaintenanceStatus.Pending => Color.Warning,
        MaintenanceStatus.Approved => Color.Info,
        MaintenanceStatus.Rejected => Color.Error,
        MaintenanceStatus.InProgress => Color.Primary,
        _ => Color.Default,
    };

    public static string Verdict(InterruptionVerdict verdict) => verdict switch
    {
        InterruptionVerdict.PlannedInterruption => MT.Verdict_Planned,
        InterruptionVerdict.RealFault => MT.Verdict_Real,
        InterruptionVerdict.UnannouncedInterruption => MT.Verdict_Unannounced,
        _ => MT.Verdict_Undecided,
    };

    public static string Sites(bool all, IEnumerable<string> names) => all ? MT.AllSitesShort : string.Join("、", names);
}
