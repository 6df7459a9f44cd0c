using GovNetOps.Domain.Security;
using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Identity's EF store with one addition: whenever an account's password is set (creation, reset, change),
/// its age restarts (<see cref="ApplicationUser.PasswordChangedAt"/>) and its hash joins the account's password
/// history, in the same SaveChanges as the new hash. The newest <see cref="AccountPolicy.HistoryCeiling"/> are kept.</summary>
internal sealed class AppUserStore(AppDbContext context, TimeProvider time, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, AppDbContext>(context, describer)
{
    public override async Task SetPasswordHashAsync(ApplicationUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        user.PasswordChangedAt = now;
        Context.PasswordHistory.Add(new PasswordHistoryRecord { UserId = user.Id, PasswordHash = passwordHash, SetAt = now });
        var older = await Context.PasswordHistory.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.SetAt).ThenByDescending(h => h.Id).Skip(AccountPolicy.HistoryCeiling - 1).ToListAsync(cancellationToken);
        Context.PasswordHistory.RemoveRange(older);
    }
}
