namespace GovNetOps.Web.Features.Approvals;

public static class ApprovalsFeature
{
    /// <summary>Ops's approvals inbox and its sources (one per kind of request).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddSingleton<IApprovalSource, TicketRequestApprovals>();
        services.AddSingleton<ApprovalInbox>();
        return services;
    }
}
