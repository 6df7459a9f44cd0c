namespace GovNetOps.Web.Features.Admin.Users;

public static class UserAdminFeature
{
    /// <summary>User administration: the handler behind <c>/admin/users</c>.</summary>
    public static IServiceCollection AddUserAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdminHandler>();
        return services;
    }
}
