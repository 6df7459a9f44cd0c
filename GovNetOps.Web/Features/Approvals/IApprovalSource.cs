namespace GovNetOps.Web.Features.Approvals;

/// <summary>One kind of request that waits for Ops's decision. Today: complex-fault and suspension requests on
/// tickets (<see cref="TicketRequestApprovals"/>). Later maintenance notices and other applications plug in as further
/// sources (register one more <see cref="IApprovalSource"/>); the page and the navigation count take them all.</summary>
public interface IApprovalSource
{
    Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
