namespace GovNetOps.Web.Features.Approvals;

/// <summary>Ops's inbox: every <see cref="IApprovalSource"/>'s waiting requests, the longest waiting first.</summary>
public sealed class ApprovalInbox(IEnumerable<IApprovalSource> sources)
{
    public async Task<IReadOnlyList<ApprovalItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<ApprovalItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ListAsync(cancellationToken));
        }
        return items.OrderBy(i => i.RequestedAt).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var source in sources)
        {
            count += await source.CountAsync(cancellationToken);
        }
        return count;
    }
}
