using Microsoft.AspNetCore.Identity;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>A person who signs in. A Carrier user belongs to exactly one carrier organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Set for Carrier users only; the server scopes every ticket query by it.</summary>
    public int? CarrierId { get; set; }

    public Carrier? Carrier { get; set; }

    /// <summary>停用: the account may not sign in and its open sessions are refused (see <c>CurrentActors</c>);
    /// kept, not deleted, so its name stays on every record it left.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set by a password reset: the next sign-in must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the current password was set (by its owner, an administrator's reset or the account's creation);
    /// with the policy's maximum age it decides when the password expires. Null for a password set before ages were
    /// kept: its clock starts at the next sign-in.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }
}
