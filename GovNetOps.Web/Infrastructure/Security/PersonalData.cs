using GovNetOps.Domain.Common;
using GovNetOps.Domain.Registry;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Who reads a person's mobile number in full (等保 personal data). Those who call people in their work do:
/// Ops (the duty desk), the system administrator who keeps the registry, and a carrier, which only ever reads its
/// own tickets and sites. Everyone else — leaders, the security and audit administrators — reads it masked
/// (138****0015). The handlers that hand numbers to pages apply this, on the server; the one rule is here.</summary>
public static class PersonalData
{
    public static bool SeesFullNumbers(Role role) => role is Role.Ops or Role.SystemAdmin or Role.Carrier;

    /// <summary>The number as <paramref name="role"/> may read it.</summary>
    public static string Number(Role role, string? number) =>
        SeesFullNumbers(role) ? number ?? "" : ContactNumber.Mask(number);
}
