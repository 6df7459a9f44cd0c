using System.Globalization;
using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Tests.Integration.Tickets;

/// <summary>Builds a signed-in user exactly as the sign-in cookie carries it (see AppClaimsPrincipalFactory):
/// the user's id, name, role, display name, the security stamp it was issued under and, for a carrier user, its carrier.</summary>
internal sealed class PrincipalBuilder
{
    private string _id = Guid.NewGuid().ToString();
    private string _userName = "someone";
    private string _displayName = "测试用户";
    private string? _role;
    private int? _carrierId;
    private string? _stamp;

    /// <summary>The claim type Identity writes the security stamp under.</summary>
    public static string StampClaimType { get; } = new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;

    public static PrincipalBuilder For(ApplicationUser user, string role) => new PrincipalBuilder
    {
        _id = user.Id, _userName = user.UserName!, _displayName = user.DisplayName, _carrierId = user.CarrierId, _stamp = user.SecurityStamp,
    }.InRole(role);

    public PrincipalBuilder InRole(string role)
    {
        _role = role;
        return this;
    }

    public PrincipalBuilder OfCarrier(int? carrierId)
    {
        _carrierId = carrierId;
        return this;
    }

    public ClaimsPrincipal Build()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, _id),
            new(ClaimTypes.Name, _userName),
            new(AppClaims.DisplayName, _displayName),
        };
        if (_role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, _role));
        }

        if (_stamp is not null)
        {
            claims.Add(new Claim(StampClaimType, _stamp));
        }

        if (_carrierId is { } carrier)
        {
            claims.Add(new Claim(AppClaims.CarrierId, carrier.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Identity.Application"));
    }

    /// <summary>Nobody signed in: the circuit of an expired cookie.</summary>
    public static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());
}
