using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GovNetOps.Web.Infrastructure.Hosting;

public static class StartupLog
{
    /// <summary>Prints where to open the app once Kestrel really listens.</summary>
    public static void LogAddressesWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Logger.LogInformation("GovNetOps ({Environment}) is ready — open {Addresses} in a browser",
                app.Environment.EnvironmentName, string.Join(", ", addresses));
        });
}
