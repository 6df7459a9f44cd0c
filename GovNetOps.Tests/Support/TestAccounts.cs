using System.Globalization;
using System.Security.Claims;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Tests.Support;

/// <summary>Accounts written straight into a test database without Identity's services (for bUnit tests over a bare
/// SQLite file), and the claims their sign-in cookie would carry: the handlers check every principal against its
/// account (<see cref="CurrentActors"/>), so a principal needs a real account behind it.</summary>
internal static class TestAccounts
{
    public static Claim[] Add(AppDbContext db, string id, string displayName, string role, int? carrierId = null)
    {
        var roleRow = db.Roles.SingleOrDefault(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }
        var user = new ApplicationUser
        {
            Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = displayName, CarrierId = carrierId,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleRow.Id });
        db.SaveChanges();

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id), new(AppClaims.DisplayName, displayName),
            new(PrincipalBuilder.StampClaimType, user.SecurityStamp),
        };
        if (carrierId is { } c)
        {
            claims.Add(new Claim(AppClaims.CarrierId, c.ToString(CultureInfo.InvariantCulture)));
        }

        return [.. claims];
    }
}
