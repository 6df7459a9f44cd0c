using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>A person who signs in. A Carrier user belongs to exactly one carrier organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for Carrier users only; the server scopes every ticket query by it.</summary>
    public int? CarrierId { get; set; }

    public Carrier? Carrier { get; set; }
}
