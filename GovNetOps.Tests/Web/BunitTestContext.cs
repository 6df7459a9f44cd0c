using Bunit;
using MudBlazor.Services;

namespace GovNetOps.Tests.Web;

/// <summary>The one shared bUnit setup: MudBlazor services, loose JS interop. Disposed
/// asynchronously because some MudBlazor services are only IAsyncDisposable.</summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    protected BunitTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
