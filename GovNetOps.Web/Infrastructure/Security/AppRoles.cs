using GovNetOps.Domain.Common;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity role names; they are the names of <see cref="Role"/>.</summary>
public static class AppRoles
{
    public const string Ops = nameof(Role.Ops);
    public const string Carrier = nameof(Role.Carrier);
    public const string Leader = nameof(Role.Leader);
    public const string Admin = nameof(Role.Admin);

    public static readonly IReadOnlyList<string> All = [Ops, Carrier, Leader, Admin];
}
