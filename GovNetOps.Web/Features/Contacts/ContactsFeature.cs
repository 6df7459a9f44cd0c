namespace GovNetOps.Web.Features.Contacts;

public static class ContactsFeature
{
    /// <summary>Security contacts (Article 6): the registry and its flags.</summary>
    public static IServiceCollection AddSecurityContacts(this IServiceCollection services)
    {
        services.AddScoped<SecurityContactRegistry>();
        return services;
    }
}
