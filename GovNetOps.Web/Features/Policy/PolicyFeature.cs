namespace GovNetOps.Web.Features.Policy;

public static class PolicyFeature
{
    /// <summary>The SLA policy page's admin action: new matrix versions.</summary>
    public static IServiceCollection AddPolicyPage(this IServiceCollection services)
    {
        services.AddScoped<CreatePolicyVersionHandler>();
        return services;
    }
}
