using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The remote address of the person behind the current request or the current event of an open page, for the
/// security log. Requests set it in a middleware; an open page (a Blazor circuit) has no HttpContext after it starts, so
/// its address is taken when the circuit opens and set around each of its inbound events.</summary>
public static class ClientAddress
{
    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current => CurrentValue.Value;

    internal static void Set(string? address) => CurrentValue.Value = address;

    public static string? Of(HttpContext? http) => http?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;

    /// <summary>Sets the address for the rest of the request.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            Set(Of(context));
            await next(context);
        });
}

/// <summary>Keeps an open page's address: read from the hub connection's HttpContext when the circuit opens, then put in
/// <see cref="ClientAddress.Current"/> around every inbound event of the circuit (clicks, navigation, JS calls).</summary>
internal sealed class ClientAddressCircuitHandler(IHttpContextAccessor http) : CircuitHandler
{
    private string? _address = ClientAddress.Of(http.HttpContext);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _address ??= ClientAddress.Of(http.HttpContext);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            ClientAddress.Set(_address);
            await next(context);
        };
}
