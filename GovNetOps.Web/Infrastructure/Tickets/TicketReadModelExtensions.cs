using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Events;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Infrastructure.Tickets;

public static class TicketReadModelExtensions
{
    /// <summary>The event store, the projection, the notifiers of committed facts and <see cref="CurrentActors"/>.</summary>
    public static IServiceCollection AddTicketReadModel(this IServiceCollection services)
    {
        services.AddSingleton(typeof(Notifier<>));
        services.AddSingleton<TicketProjection>();
        services.AddSingleton<TicketStore>();
        // The chain's key (Security:LogKey).
        SecurityLog.SecurityLogServiceCollectionExtensions.AddChainKeys(services);
        // Who reads and writes: every handler over the read model resolves its actor from the account as it is now.
        services.AddCurrentActors();
        services.AddScoped<IDataSeeder, ProjectionRefresh>();
        return services;
    }

    /// <summary>Start-up: rows written by an older projection layout are rebuilt from their events before anything reads them.</summary>
    private sealed class ProjectionRefresh(TicketStore store, TimeProvider time, ILogger<ProjectionRefresh> logger) : IDataSeeder
    {
        public async Task SeedAsync(CancellationToken cancellationToken)
        {
            var refreshed = await store.RefreshStaleProjectionsAsync(time.GetUtcNow(), cancellationToken);
            if (refreshed > 0)
            {
                logger.LogInformation("Rebuilt {Count} ticket projections from their events (layout {Version})", refreshed, TicketProjection.CurrentVersion);
            }
        }
    }
}
