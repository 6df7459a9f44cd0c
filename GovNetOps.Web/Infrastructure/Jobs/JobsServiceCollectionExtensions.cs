using GovNetOps.Web.Infrastructure.Security;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire with its server inside this process: in-memory storage on SQLite (one process), shared
    /// Hangfire.PostgreSql storage on PostgreSQL (several instances take jobs from one queue, and a job an instance
    /// scheduled runs even when that instance is gone). The database, not Hangfire, is the truth: jobs are rebuilt
    /// from it at start-up (see the escalation feature).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // One storage and activator per app instead of Hangfire's process-wide statics
        // (JobStorage.Current): two apps in one process (the tests) must never run each other's jobs.
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (!database.IsPostgreSql)
            {
                return new InMemoryStorage(new InMemoryStorageOptions());
            }

            return PostgreSqlJobStorage.Create(database, sp.GetRequiredService<IOptions<JobsOptions>>().Value);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new TolerantLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.ServerName = $"govnetops-{Environment.ProcessId}-ontime";
            o.Queues = [JobQueues.OnTime];
            o.WorkerCount = jobs.WorkerCount;
            o.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.ServerName = $"govnetops-{Environment.ProcessId}-default";
            o.Queues = [JobQueues.Default];
            o.WorkerCount = jobs.DefaultWorkerCount;
            o.SchedulePollingInterval = jobs.SchedulePollingInterval;
        });
        return services;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for administrators only.</summary>
    public static IEndpointConventionBuilder MapJobDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
                DashboardTitle = "GovNetOps 后台任务",
                AppPath = "/admin",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(AppPolicies.JobDashboard);
}
