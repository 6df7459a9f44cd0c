using GovNetOps.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovNetOps.Web.Infrastructure.Security;

/// <summary>Creates the roles (renaming the former single administrator role to the system administrator's); in
/// Development the demo data and accounts; everywhere else the first system administrator from configuration — and
/// refuses to start when there is none. The security and audit administrators are then created by the system
/// administrator before anyone else may sign in (<see cref="AdministratorSeparation"/>).</summary>
internal sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IHostEnvironment environment,
    IOptions<SecurityOptions> security,
    DemoDataSeeder demo,
    ILogger<IdentitySeeder> logger) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await RenameFormerAdminRoleAsync();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (environment.IsDevelopment())
        {
            await demo.SeedAsync(cancellationToken);
        }

        if ((await users.GetUsersInRoleAsync(AppRoles.SystemAdmin)).Count > 0)
        {
            return;
        }

        var admin = security.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(admin.UserName) || string.IsNullOrWhiteSpace(admin.Password))
        {
            throw new InvalidOperationException(
                "GovNetOps has no administrator. Configure the first one before starting, e.g. " +
                "Security__BootstrapAdmin__UserName=admin Security__BootstrapAdmin__Password='<a strong password>' " +
                "(environment variables) or the Security:BootstrapAdmin section of appsettings.json. " +
                "尚未配置系统管理员账户，请先设置 Security:BootstrapAdmin 后再启动。");
        }

        var user = new ApplicationUser { UserName = admin.UserName, DisplayName = admin.DisplayName };
        Check(await users.CreateAsync(user, admin.Password), $"bootstrap admin {admin.UserName}");
        Check(await users.AddToRoleAsync(user, AppRoles.SystemAdmin), "system administrator role");
        logger.LogWarning("Created the first system administrator {UserName} from configuration", admin.UserName);
    }

    // A database from before 三员分立 has one "Admin" role: its holders become system administrators (the job that
    // role mostly was); the security and audit administrators are new accounts.
    private async Task RenameFormerAdminRoleAsync()
    {
        var former = await roles.FindByNameAsync(AppRoles.FormerAdmin);
        if (former is null || await roles.RoleExistsAsync(AppRoles.SystemAdmin))
        {
            return;
        }
        Check(await roles.SetRoleNameAsync(former, AppRoles.SystemAdmin), "rename of the Admin role");
        Check(await roles.UpdateAsync(former), "rename of the Admin role");
        logger.LogWarning("Renamed the former Admin role to {Role}", AppRoles.SystemAdmin);
    }

    internal static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
