namespace GovNetOps.Web.Features.Tickets;

public static class TicketsFeature
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<TicketChangeNotifier>();
        services.AddSingleton<TicketStore>();
        services.AddScoped<TicketService>();
        return services;
    }
}
