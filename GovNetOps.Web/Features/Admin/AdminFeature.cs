using GovNetOps.Web.Features.Admin.Carriers;
using GovNetOps.Web.Features.Admin.Changes;
using GovNetOps.Web.Features.Admin.Import;
using GovNetOps.Web.Features.Admin.Sites;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Features.Admin;

public static class AdminFeature
{
    /// <summary>The registry: sites (with Excel import/export), carriers, the change list.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<SiteRegistry>();
        services.AddScoped<SiteImportHandler>();
        services.AddScoped<CarrierRegistry>();
        services.AddScoped<ChangeQueries>();
        services.AddScoped<AdminHomeQueries>();
        return services;
    }

    /// <summary>The spreadsheet downloads (template, export): plain GETs so the browser saves the file. The handler checks
    /// the account as it is now, not only the cookie's policy.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/sites/template.xlsx", async (HttpContext http, SiteImportHandler handler) =>
            await handler.TemplateAsync(http.User, http.RequestAborted) is { } file
                ? Results.File(file, SiteSpreadsheet.ContentType, "接入单位导入模板.xlsx")
                : Results.Forbid()).RequireAuthorization(AppPolicies.Registry);
        endpoints.MapGet("/admin/sites/export.xlsx", async (HttpContext http, SiteImportHandler handler, TimeProvider time) =>
            await handler.ExportAsync(http.User, http.RequestAborted) is { } file
                ? Results.File(file, SiteSpreadsheet.ContentType, $"接入单位-{Domain.Common.ChinaTime.DateOf(time.GetUtcNow()).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.xlsx")
                : Results.Forbid()).RequireAuthorization(AppPolicies.Registry);
        return endpoints;
    }
}
