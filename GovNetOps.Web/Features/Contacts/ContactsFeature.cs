using GovNetOps.Web.Features.Contacts.Escalation;

namespace GovNetOps.Web.Features.Contacts;

public static class ContactsFeature
{
    /// <summary>Security contacts (Article 6): the registry and its flags, and the escalation of an overdue
    /// re-registration to Ops. Needs AddJobs(), AddNotifications(), AddEscalation() (its timing) and AddWorkingCalendar().</summary>
    public static IServiceCollection AddSecurityContacts(this IServiceCollection services)
    {
        services.AddScoped<SecurityContactRegistry>();
        services.AddSingleton<ContactEscalationRecorder>();
        services.AddSingleton<ContactEscalationScheduler>();
        services.AddTransient<ContactEscalationJob>();
        services.AddHostedService<ContactEscalationStartup>();
        return services;
    }
}
