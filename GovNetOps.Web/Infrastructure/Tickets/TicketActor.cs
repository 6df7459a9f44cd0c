using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Infrastructure.Tickets;

public static class TicketActor
{
    /// <summary>The domain actor for a signed-in user, built on the server from the auth cookie's
    /// claims — never from anything the browser sends. Null when signed out.</summary>
    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        Role? role = user.IsInRole(AppRoles.Ops) ? Role.Ops
            : user.IsInRole(AppRoles.Carrier) ? Role.Carrier
            : user.IsInRole(AppRoles.Leader) ? Role.Leader
            : user.IsInRole(AppRoles.Admin) ? Role.Admin
            : null;
        return role is null ? null : new Actor(id, user.GetDisplayName(), role.Value, user.GetCarrierId());
    }
}
