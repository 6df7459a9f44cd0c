using System.Security.Claims;
using GovNetOps.Web.Features.Approvals;
using GovNetOps.Web.Features.Reports.Disputes;
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
        services.AddScoped<BreachDisputeHandler>();
        services.AddSingleton<IApprovalSource, BreachDisputeApprovals>();
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

        // A dispute's attachment: Ops, leadership and the dispute's own carrier (the handler checks); always a download,
        // with the allow-list's content type and no sniffing, so a file never renders as a page of this site.
        endpoints.MapGet("/reports/disputes/attachments/{id:long}", async (long id, ClaimsPrincipal user, BreachDisputeHandler disputes, HttpContext http, CancellationToken cancellationToken) =>
        {
            if (await disputes.AttachmentAsync(user, id, cancellationToken) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization(AppPolicies.Reports);
        return endpoints;
    }
}
