using System.Globalization;
using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Components;

namespace GovNetOps.Web.Components.Layout;

/// <summary>What both app bars show (the app's <see cref="MainLayout"/> and the desk board's lean one): the role a
/// person signed in as, and the link to the other language.</summary>
public static class AppBarText
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The language switch: the other language, back to this page.</summary>
    public static string CultureLink(NavigationManager navigation) =>
        $"/culture?name={(IsEnglish ? "zh-CN" : "en")}&redirect={Uri.EscapeDataString("/" + navigation.ToBaseRelativePath(navigation.Uri))}";

    public static string RoleName(ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.SystemAdmin) ? Labels.Role(Role.SystemAdmin)
        : user.IsInRole(AppRoles.SecurityAdmin) ? Labels.Role(Role.SecurityAdmin)
        : user.IsInRole(AppRoles.AuditAdmin) ? Labels.Role(Role.AuditAdmin)
        : user.IsInRole(AppRoles.Leader) ? Labels.Role(Role.Leader)
        : user.IsInRole(AppRoles.Ops) ? Labels.Role(Role.Ops)
        : user.IsInRole(AppRoles.Carrier) ? Labels.Role(Role.Carrier)
        : user.IsInRole(AppRoles.Display) ? Labels.Role(Role.Display) : "";
}
