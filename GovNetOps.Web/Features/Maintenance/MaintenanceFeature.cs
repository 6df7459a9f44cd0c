using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Features.Maintenance.Alerts;

namespace GovNetOps.Web.Features.Maintenance;

public static class MaintenanceFeature
{
    /// <summary>割接（维护）报备 (Article 12): filing, decision, carrying out, the approval reminder and overrun alerts on
    /// on-time jobs, faults during a window, the approvals-inbox source. Needs AddJobs(), AddTickets(), AddNotifications()
    /// and AddEscalation() (whose timing it shares).</summary>
    public static IServiceCollection AddMaintenance(this IServiceCollection services)
    {
        services.AddOptions<MaintenanceOptions>().BindConfiguration(MaintenanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FileNoticeHandler>();
        services.AddScoped<NoticeActionHandler>();
        services.AddScoped<NoticeQueries>();
        services.AddScoped<InterruptionHandler>();
        services.AddSingleton<MaintenanceAlertScheduler>();
        services.AddSingleton<MaintenanceAlertRecorder>();
        services.AddTransient<MaintenanceAlertJob>();
        services.AddTransient<MaintenanceSweepJob>();
        services.AddHostedService<MaintenanceStartup>();
        services.AddSingleton<IApprovalSource, MaintenanceApprovals>();
        return services;
    }
}
