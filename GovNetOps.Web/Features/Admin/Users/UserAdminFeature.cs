namespace GovNetOps.Web.Features.Admin.Users;

public static class UserAdminFeature
{
    /// <summary>User administration: the handlers behind <c>/admin/users</c> and <c>/admin/security</c>.</summary>
    public static IServiceCollection AddUserAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdminHandler>();
        services.AddScoped<Security.SecurityPolicyHandler>();
        return services;
    }
}
