using GovNetOps.Domain.Applications;
using GovNetOps.Domain.Registry;
using GovNetOps.Domain.Security;
using T = GovNetOps.Web.Resources.ApplicationText;

namespace GovNetOps.Web.Features.Applications;

/// <summary>Display names of the application and finding vocabulary, in the viewer's language.</summary>
public static class ApplicationLabels
{
    public static string Kind(ApplicationKind kind) => kind == ApplicationKind.Access ? T.Kind_Access : T.Kind_Change;

    public static string State(ApplicationState state) => state switch
    {
        ApplicationState.Received => T.State_Received,
        ApplicationState.Implementing => T.State_Implementing,
        ApplicationState.Paused => T.State_Paused,
        ApplicationState.Completed => T.State_Completed,
        _ => T.State_Rejected,
    };

    public static string Change(ChangeType? type) => type switch
    {
        ChangeType.Move => T.Change_Move,
        ChangeType.Remove => T.Change_Remove,
        ChangeType.Other => T.Change_Other,
        _ => "",
    };

    public static string Clock(ApplicationClockKind kind) => kind == ApplicationClockKind.Review ? T.Clock_Review : T.Clock_Implementation;

    public static string Severity(FindingSeverity severity) => severity == FindingSeverity.Serious ? T.Severity_Serious : T.Severity_General;

    public static string Finding(FindingState state) => state switch
    {
        FindingState.Open => T.Finding_Open,
        FindingState.Rectified => T.Finding_Rectified,
        _ => T.Finding_Verified,
    };

    public static string SiteStatus(SiteConnectionStatus status) => status switch
    {
        SiteConnectionStatus.Connected => T.Site_Connected,
        SiteConnectionStatus.DisconnectedForRectification => T.Site_Disconnected,
        _ => T.Site_Revoked,
    };
}
