namespace GovNetOps.Domain.Common;

/// <summary>The person performing an action, recorded on every ticket event.</summary>
/// <param name="UserId">Stable user id.</param>
/// <param name="DisplayName">Name shown in the timeline.</param>
/// <param name="Role">The actor's role.</param>
/// <param name="CarrierId">For <see cref="Role.Carrier"/>: the carrier the user belongs to.</param>
public sealed record Actor(string UserId, string DisplayName, Role Role, int? CarrierId = null);
