using GovNetOps.Web.Infrastructure.Data;

namespace GovNetOps.Web.Features.Board;

public static class BoardFeature
{
    /// <summary>The live breach board: one shared snapshot for every open board, and (Development only)
    /// demo tickets so a fresh run shows a populated board.</summary>
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddSingleton<BoardSnapshotService>();
        // Registered after AddSecurity, so it runs after the identity/demo seeder created carriers, sites and users.
        services.AddScoped<IDataSeeder, BoardDemoSeeder>();
        return services;
    }
}
