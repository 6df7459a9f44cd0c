using Microsoft.AspNetCore.Mvc.Testing;

namespace GovNetOps.Tests.Support;

/// <summary>A class fixture: one started app (demo data, temp SQLite file) shared by a test class
/// that only reads or signs in, with clients that do not follow redirects (so refusals are visible).</summary>
public sealed class StartedApp : IAsyncLifetime
{
    public GovNetOpsFactory Factory { get; } = new();

    public HttpClient NoRedirectClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public Task InitializeAsync()
    {
        Factory.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
