using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Development only: carriers, the county's sites with their security contacts (all but two units), one demo
/// account per role and one engineer per carrier.
/// Idempotent — safe on every start.</summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<AppDbContext> factory,
    UserManager<ApplicationUser> users,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Carriers.AnyAsync(cancellationToken))
            {
                db.Carriers.AddRange(DemoData.Carriers.Select(c => new Carrier
                {
                    Id = c.Id, Name = c.Name, ShortName = c.ShortName, ManagerName = c.ManagerName,
                    ManagerMobile = c.ManagerMobile, DutyPhone = c.DutyPhone,
                }));
                await db.SaveChangesAsync(cancellationToken);
                await DatabaseEngine.SyncIdentityAsync<Carrier>(db, cancellationToken);
            }
            if (!await db.Sites.AnyAsync(cancellationToken))
            {
                db.Sites.AddRange(DemoData.Sites());
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded demo carriers and sites");
            }
            if (!await db.SecurityContacts.AnyAsync(cancellationToken))
            {
                var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
                db.SecurityContacts.AddRange(DemoData.SecurityContacts(sites));
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Seeded demo security contacts");
            }
        }

        foreach (var demo in DemoData.Users)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = demo.UserName, DisplayName = demo.DisplayName, CarrierId = demo.CarrierId };
            IdentitySeeder.Check(await users.CreateAsync(user, DemoData.Password), $"demo user {demo.UserName}");
            IdentitySeeder.Check(await users.AddToRoleAsync(user, demo.Role), $"role of {demo.UserName}");
            // A demo password's age (Security:Passwords:MaxAgeDays) starts at the account's first sign-in, not when a
            // test clock or an old demo database created it.
            user.PasswordChangedAt = null;
            IdentitySeeder.Check(await users.UpdateAsync(user), $"password age of {demo.UserName}");
        }
    }
}
