using GovNetOps.Web.Features.Carrier;
using GovNetOps.Web.Features.Tickets.Actions;
using GovNetOps.Web.Features.Tickets.Detail;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Features.Tickets.List;
using GovNetOps.Web.Infrastructure.Tickets;

namespace GovNetOps.Web.Features.Tickets;

public static class TicketsFeature
{
    /// <summary>The ticket read model (<see cref="Infrastructure.Tickets"/>) and one handler per use case.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddTicketReadModel();
        services.AddScoped<ReportFaultHandler>();
        services.AddScoped<ReportIncidentHandler>();
        services.AddScoped<ListTicketsHandler>();
        services.AddScoped<TicketDetailsHandler>();
        services.AddScoped<TicketActionHandler>();
        services.AddScoped<CarrierQueueHandler>();
        return services;
    }
}
