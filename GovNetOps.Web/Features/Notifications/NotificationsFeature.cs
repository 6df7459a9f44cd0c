using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>In-app notifications (bell, list), the outbound channels from section "Notifications", and the
    /// announcements of new work (needs AddJobs() and AddTickets()).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookChannel.HttpClientName);
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, SmtpChannel>();
        services.AddCurrentActors();
        services.AddSingleton<NotificationService>();
        services.AddTransient<NotificationDeliveryJob>();
        services.AddSingleton<Announcements.TicketAnnouncer>();
        services.AddHostedService<Announcements.AnnouncementStartup>();
        return services;
    }
}
