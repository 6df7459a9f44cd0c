using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Features.Notifications;

public static class NotificationsFeature
{
    /// <summary>In-app notifications (bell, list) and the outbound channels from section "Notifications".</summary>
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
        return services;
    }
}
