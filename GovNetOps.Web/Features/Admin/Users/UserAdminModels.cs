namespace GovNetOps.Web.Features.Admin.Users;

/// <summary>One account in the user list. The mobile number is masked (the list is not where it is needed in full).</summary>
public sealed record UserRow(
    string Id, string UserName, string DisplayName, string? Role, int? CarrierId, string? CarrierName,
    string MaskedMobile, bool IsDisabled, bool IsLockedOut, bool MustChangePassword, bool HasSecondFactor = false);

/// <summary>What the create form sends: name, user name, mobile, role, and the carrier for a Carrier user.</summary>
public sealed class NewUser
{
    public string DisplayName { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string? Role { get; set; }
    public int? CarrierId { get; set; }
}

/// <summary>A password the system made up (new account or reset): shown once to the administrator, to be changed by
/// the user at the next sign-in.</summary>
public sealed record TemporaryPassword(string UserName, string Password);
