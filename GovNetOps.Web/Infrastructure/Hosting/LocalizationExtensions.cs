using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace GovNetOps.Web.Infrastructure.Hosting;

public static class LocalizationExtensions
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    /// <summary>Simplified Chinese by default; English on request through a cookie.</summary>
    public static IApplicationBuilder UseAppLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

    /// <summary>GET /culture?name=en&amp;redirect=/board — stores the choice and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (string name, string? redirect, HttpContext http) =>
        {
            if (!Cultures.Contains(name))
            {
                name = Cultures[0];
            }

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(name))),
                new CookieOptions { Expires = DateTimeOffset.MaxValue, HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(redirect is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//") ? r : "/");
        }).AllowAnonymous();
        return endpoints;
    }
}
