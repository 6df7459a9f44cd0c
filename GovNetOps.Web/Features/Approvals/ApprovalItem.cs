namespace GovNetOps.Web.Features.Approvals;

/// <summary>One request waiting for Ops to decide, as the approvals page lists it.</summary>
/// <param name="What">What is asked for, in the viewer's language (e.g. "申请复杂故障").</param>
/// <param name="Href">Where Ops decides it (the ticket page).</param>
public sealed record ApprovalItem(
    string Key, string What, string Reference, string Href, string SiteName, string CarrierShortName, string CarrierName,
    string RequestedBy, DateTimeOffset RequestedAt, string? Reason);
