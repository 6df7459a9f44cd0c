using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

public static class SecurityLogEndpoints
{
    /// <summary>GET /audit/security-log/export.xlsx and export.csv with the page's filters (user, kind, from, to): the
    /// audit administrator's export, itself recorded in the log.</summary>
    public static IEndpointRouteBuilder MapSecurityLog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/audit/security-log/export.{format}", async (string format, HttpContext http, ClaimsPrincipal user,
            SecurityLogQueries queries, CancellationToken cancellationToken) =>
        {
            if (format is not ("xlsx" or "csv"))
            {
                return Results.NotFound();
            }

            var csv = format == "csv";
            var file = await queries.ExportAsync(user, SecurityLogFilter.FromQuery(http.Request.Query), csv, cancellationToken);
            return file is null
                ? Results.Forbid()
                : Results.File(file, csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    SecurityLogQueries.FileName(csv));
        }).RequireAuthorization(AppPolicies.SecurityLog);
        return endpoints;
    }
}
