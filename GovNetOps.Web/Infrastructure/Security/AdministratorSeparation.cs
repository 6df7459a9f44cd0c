using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>三员分立 at bootstrap: outside Development only a system administrator exists at first; until it has
/// created a security administrator and an audit administrator, nobody but the administrators may sign in (so there
/// is never a period of use without someone to set the security policy and someone to read the log).</summary>
public sealed class AdministratorSeparation(IDbContextFactory<AppDbContext> factory)
{
    /// <summary>Whether an enabled security administrator and an enabled audit administrator exist.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var held = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          join u in db.Users on ur.UserId equals u.Id
                          where (r.Name == AppRoles.SecurityAdmin || r.Name == AppRoles.AuditAdmin) && !u.IsDisabled
                          select r.Name).Distinct().CountAsync(cancellationToken);
        return held == 2;
    }
}
