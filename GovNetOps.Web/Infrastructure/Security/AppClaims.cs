using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Claim types GovNetOps adds to the sign-in cookie.</summary>
public static class AppClaims
{
    public const string CarrierId = "govnetops:carrier_id";
    public const string DisplayName = "govnetops:display_name";

    /// <summary>The signed-in session (<see cref="Data.UserSessionRecord"/>) the cookie belongs to.</summary>
    public const string SessionId = "govnetops:session";

    public static string? GetSessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionId);

    public static int? GetCarrierId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(CarrierId), out var id) ? id : null;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>The page a role lands on after sign-in (each role has its own start page).</summary>
    public static string LandingPage(this ClaimsPrincipal user) => LandingPage(user.IsInRole);

    public static string LandingPage(Func<string, bool> isInRole) =>
        isInRole(AppRoles.SystemAdmin) ? "/admin"
        : isInRole(AppRoles.SecurityAdmin) ? "/admin/users"
        : isInRole(AppRoles.AuditAdmin) ? "/admin/audit"
        : isInRole(AppRoles.Leader) ? "/board"
        : isInRole(AppRoles.Ops) ? "/tickets"
        : isInRole(AppRoles.Carrier) ? "/carrier"
        : isInRole(AppRoles.Display) ? "/board/wall"
        : "/account/access-denied";
}

/// <summary>Puts the carrier and display name into the cookie so every request can be scoped
/// without a database round-trip.</summary>
internal sealed class AppClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.CarrierId is { } carrierId)
        {
            identity.AddClaim(new Claim(AppClaims.CarrierId, carrierId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
