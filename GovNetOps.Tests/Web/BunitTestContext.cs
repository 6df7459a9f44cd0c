using Bunit;
using MudBlazor.Services;

namespace GovNetOps.Tests.Web;

/// <summary>The one shared bUnit setup: MudBlazor services, loose JS interop.</summary>
public abstract class BunitTestContext : BunitContext
{
    protected BunitTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
