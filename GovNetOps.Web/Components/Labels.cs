using System.Globalization;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Domain.Tickets;
using V = GovNetOps.Web.Resources.Vocabulary;

namespace GovNetOps.Web.Components;

/// <summary>The display names of the Domain's closed sets (PRODUCT.md vocabulary), from <c>Resources/Vocabulary.resx</c>:
/// the one place the UI turns a state, action, role, clock state, location class or scope into words.</summary>
/// <remarks>The Domain keeps its own Chinese names only inside its refusal messages. An unknown value (a newer enum
/// member without a resource yet) shows its code name rather than nothing.</remarks>
public static class Labels
{
    public static string State(TicketState state, CultureInfo? culture = null) => Get(state switch
    {
        TicketState.Reported => nameof(V.State_Reported),
        TicketState.Acknowledged => nameof(V.State_Acknowledged),
        TicketState.Suspended => nameof(V.State_Suspended),
        TicketState.Repaired => nameof(V.State_Repaired),
        TicketState.Closed => nameof(V.State_Closed),
        TicketState.Cancelled => nameof(V.State_Cancelled),
        _ => null,
    }, state, culture);

    public static string Action(TicketTrigger trigger, CultureInfo? culture = null) => Get(trigger switch
    {
        TicketTrigger.Report => nameof(V.Action_Report),
        TicketTrigger.Acknowledge => nameof(V.Action_Acknowledge),
        TicketTrigger.PostProgress => nameof(V.Action_PostProgress),
        TicketTrigger.RequestComplex => nameof(V.Action_RequestComplex),
        TicketTrigger.ApproveComplex => nameof(V.Action_ApproveComplex),
        TicketTrigger.RejectComplex => nameof(V.Action_RejectComplex),
        TicketTrigger.RequestSuspend => nameof(V.Action_RequestSuspend),
        TicketTrigger.ApproveSuspend => nameof(V.Action_ApproveSuspend),
        TicketTrigger.RejectSuspend => nameof(V.Action_RejectSuspend),
        TicketTrigger.Resume => nameof(V.Action_Resume),
        TicketTrigger.MarkRepaired => nameof(V.Action_MarkRepaired),
        TicketTrigger.ConfirmClosed => nameof(V.Action_ConfirmClosed),
        TicketTrigger.Reopen => nameof(V.Action_Reopen),
        TicketTrigger.Cancel => nameof(V.Action_Cancel),
        TicketTrigger.RecordAcknowledgement => nameof(V.Action_RecordAcknowledgement),
        _ => null,
    }, trigger, culture);

    public static string Role(Role role, CultureInfo? culture = null) => Get(role switch
    {
        Domain.Common.Role.Ops => nameof(V.Role_Ops),
        Domain.Common.Role.Carrier => nameof(V.Role_Carrier),
        Domain.Common.Role.Leader => nameof(V.Role_Leader),
        Domain.Common.Role.SystemAdmin => nameof(V.Role_SystemAdmin),
        Domain.Common.Role.SecurityAdmin => nameof(V.Role_SecurityAdmin),
        Domain.Common.Role.AuditAdmin => nameof(V.Role_AuditAdmin),
        Domain.Common.Role.Display => nameof(V.Role_Display),
        _ => null,
    }, role, culture);

    public static string ClockState(ClockState state, CultureInfo? culture = null) => Get(state switch
    {
        Domain.Sla.ClockState.Running => nameof(V.ClockState_Running),
        Domain.Sla.ClockState.Met => nameof(V.ClockState_Met),
        Domain.Sla.ClockState.Breached => nameof(V.ClockState_Breached),
        Domain.Sla.ClockState.Suspended => nameof(V.ClockState_Suspended),
        Domain.Sla.ClockState.Stopped => nameof(V.ClockState_Stopped),
        _ => null,
    }, state, culture);

    public static string LocationClass(LocationClass value, CultureInfo? culture = null) => Get(value switch
    {
        Domain.Sla.LocationClass.CountyDirect => nameof(V.LocationClass_CountyDirect),
        Domain.Sla.LocationClass.Township => nameof(V.LocationClass_Township),
        Domain.Sla.LocationClass.CoreRoom => nameof(V.LocationClass_CoreRoom),
        _ => null,
    }, value, culture);

    public static string Scope(FaultScope scope, CultureInfo? culture = null) => Get(scope switch
    {
        FaultScope.Backbone => nameof(V.Scope_Backbone),
        FaultScope.Lan => nameof(V.Scope_Lan),
        _ => null,
    }, scope, culture);

    private static string Get<T>(string? key, T value, CultureInfo? culture) where T : struct, Enum =>
        (key is null ? null : V.ResourceManager.GetString(key, culture ?? CultureInfo.CurrentUICulture)) ?? value.ToString();
}
