using System.Security.Claims;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;

namespace GovNetOps.Web.Infrastructure.SecurityLog;

/// <summary>The one place that records security events: fills in who (id, name, roles), from where (the client's
/// address) and hands the entry to <see cref="SecurityLogWriter"/>. Recording never fails the caller's action: an entry
/// that cannot be written is logged as an error instead (the health of the log shows in the application log).</summary>
public sealed class SecurityEvents(SecurityLogWriter writer, IHttpContextAccessor http, ILogger<SecurityEvents> logger)
{
    public Task RecordAsync(SecurityEventKind kind, SecurityOutcome outcome, ClaimsPrincipal? user, string subject, string detail = "",
        CancellationToken cancellationToken = default) =>
        RecordAsync(kind, outcome, user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user?.Identity?.Name ?? "",
            user is null ? "" : string.Join(',', AppRoles.All.Where(user.IsInRole)), subject, detail, null, cancellationToken);

    public async Task RecordAsync(SecurityEventKind kind, SecurityOutcome outcome, string userId, string userName, string roles,
        string subject, string detail = "", long? changeRecordId = null, CancellationToken cancellationToken = default)
    {
        var entry = new SecurityLogEntry
        {
            Kind = kind, Outcome = outcome, UserId = userId, UserName = Clip(userName, 256), Roles = Clip(roles, 128),
            Address = Clip(ClientAddress.Current ?? ClientAddress.Of(http.HttpContext) ?? "", 64),
            Subject = Clip(subject, 512), Detail = Clip(detail, 4000), ChangeRecordId = changeRecordId,
        };
        try
        {
            await writer.AppendAsync(entry, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not write the security log entry {Kind} {Outcome} {User} {Subject}", kind, outcome, userName, subject);
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
