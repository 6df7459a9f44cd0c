namespace GovNetOps.Web.Features.Notifications;

/// <summary>New in-app notifications (or read marks) for these users: their bells and lists reload.</summary>
public sealed record NotificationsArrived(IReadOnlySet<string> UserIds);
