using GovNetOps.Web.Features.Applications.Actions;
using GovNetOps.Web.Features.Admin;
using GovNetOps.Web.Features.Applications.Findings;
using GovNetOps.Web.Features.Applications.Provisional;
using GovNetOps.Web.Features.Applications.Queries;
using GovNetOps.Web.Features.Applications.Record;
using GovNetOps.Web.Features.Applications.Reminders;
using GovNetOps.Web.Features.Approvals;

namespace GovNetOps.Web.Features.Applications;

public static class ApplicationsFeature
{
    /// <summary>Access and change applications on working-day clocks (Articles 13, 15), their notices, and security findings
    /// (Article 9). Needs AddJobs(), AddNotifications() and AddEscalation() (its timing options).</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationNotices>();
        services.AddSingleton<ApplicationReminderRecorder>();
        services.AddSingleton<ApplicationReminderScheduler>();
        services.AddTransient<ApplicationReminderJob>();
        services.AddHostedService<ApplicationReminderStartup>();
        services.AddScoped<RecordApplicationHandler>();
        services.AddScoped<ApplicationActionHandler>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<SecurityFindingHandler>();
        services.AddSingleton<IApprovalSource, ApplicationApprovals>();
        services.AddSingleton<ProvisionalDeadlines>();
        services.AddHostedService<ProvisionalDeadlineStartup>();
        services.AddScoped<IAdminWarningSource, ProvisionalDeadlineWarnings>();
        return services;
    }
}
