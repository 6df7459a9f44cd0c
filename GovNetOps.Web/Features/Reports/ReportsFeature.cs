using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Features.Reports;

public static class ReportsFeature
{
    /// <summary>The monthly report (统计报表): its figures, the .xlsx export and the printable 通报.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddScoped<MonthlyReportService>();
        services.AddScoped<MonthlyReportJob>();
        services.AddHostedService<MonthlyReportStartup>();
        return services;
    }

    /// <summary>GET /reports/{yyyy-MM}/export.xlsx: the month as the signed-in user may see it (a carrier: its own rows).</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{month}/export.xlsx", async (string month, ClaimsPrincipal user, MonthlyReportService reports,
            Infrastructure.SecurityLog.SecurityEvents securityLog, CancellationToken cancellationToken) =>
        {
            if (ReportMonth.Parse(month) is not { } parsed)
            {
                return Results.NotFound();
            }

            if (await reports.BuildAsync(user, parsed, cancellationToken) is not { } report)
            {
                return Results.Forbid();
            }

            var file = ReportWorkbook.Write(report);
            await securityLog.RecordAsync(Infrastructure.Data.SecurityEventKind.Export, Infrastructure.Data.SecurityOutcome.Success, user,
                ReportWorkbook.FileName(parsed), "", cancellationToken);
            return Results.File(file, ReportWorkbook.ContentType, ReportWorkbook.FileName(parsed));
        }).RequireAuthorization(AppPolicies.Reports);
        return endpoints;
    }
}
