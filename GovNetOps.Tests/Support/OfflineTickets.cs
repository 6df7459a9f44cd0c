using System.Security.Claims;
using GovNetOps.Domain.Common;
using GovNetOps.Domain.Sla;
using GovNetOps.Web.Features.Tickets.Intake;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using GovNetOps.Web.Infrastructure.Sla;
using GovNetOps.Web.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovNetOps.Tests.Support;

/// <summary>Tickets written straight into the database by the app's own ticket services while no app runs.</summary>
internal static class OfflineTickets
{
    /// <summary>The app's ticket services over the SQLite file (or the PostgreSQL database), without the app: no jobs, no
    /// server, no live updates — what a report written while every instance is down looks like.</summary>
    public static ServiceProvider Services(string databasePath, string? postgreSql)
    {
        // The app processes run in Development: the same settings, the development key of the chains included.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.json"))
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.Development.json"))
            .Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development", ApplicationName = "GovNetOps.Web" })
            .AddSingleton<IDbContextFactory<AppDbContext>>(new TestContextFactory($"Data Source={databasePath}", postgreSql))
            .AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
            .AddSlaPolicy()
            .AddTickets();
        return services.BuildServiceProvider();
    }

    /// <summary>Ops reports a backbone fault at the first township site, back-dated to <paramref name="reportedAt"/>.</summary>
    public static async Task<Guid> ReportAsync(IServiceProvider services, DateTimeOffset reportedAt, int siteIndex = 0)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var townships = await db.Sites.Where(s => s.LocationClass == LocationClass.Township).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var site = townships[siteIndex % townships.Count];
        var ops = await db.Users.SingleAsync(u => u.UserName == "ops");
        // The claims the sign-in cookie carries for the ops account.
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, ops.Id), new Claim(ClaimTypes.Name, "ops"),
            new Claim(ClaimTypes.Role, AppRoles.Ops), new Claim(AppClaims.DisplayName, ops.DisplayName),
            new Claim(GovNetOps.Tests.Integration.Tickets.PrincipalBuilder.StampClaimType, ops.SecurityStamp!),
        ], "Identity.Application"));
        using var scope = services.CreateScope();
        var result = await TicketUseCases.From(scope.ServiceProvider).ReportAsync(new IntakeForm
        {
            SiteId = site, Scope = FaultScope.Backbone, Symptoms = "乡镇政府专线中断", ReporterName = "李娜", ReporterMobile = "13937705678",
            ReportedAtChina = ChinaTime.ToChina(reportedAt).DateTime, BackdateReason = "停机期间电话申告，恢复后补录",
        }, user);
        Assert.True(result.IsSuccess, result.Error);
        return await db.FaultTickets.Where(t => t.Number == result.Value).Select(t => t.Id).SingleAsync();
    }
}
