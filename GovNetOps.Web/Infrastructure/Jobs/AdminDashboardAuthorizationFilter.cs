using GovNetOps.Web.Infrastructure.Security;
using Hangfire.Dashboard;

namespace GovNetOps.Web.Infrastructure.Jobs;

/// <summary>Replaces Hangfire's local-requests-only default: behind a reverse proxy every request
/// looks local, so the dashboard is guarded by the job-dashboard policy (the system administrator) instead.</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return Task.FromResult(user.Allows(AppPolicies.JobDashboard));
    }
}
