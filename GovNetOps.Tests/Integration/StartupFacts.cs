using System.Net;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovNetOps.Tests.Integration;

public sealed class StartupFacts
{
    [Fact]
    public async Task Startup_AppliesEveryMigration_WhenDatabaseFileIsEmpty()
    {
        await using var app = new GovNetOpsFactory();
        Assert.False(File.Exists(app.DatabasePath));
        using var client = app.CreateClient();

        await using var db = app.NewDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.True(File.Exists(app.DatabasePath));
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", journal.Single());
    }

    [Fact]
    public async Task Health_Returns200_WhenDatabaseIsReachable()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_Returns503_WhenDatabaseFileIsNoLongerADatabase()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Delete(app.DatabasePath + "-wal");
        File.Delete(app.DatabasePath + "-shm");
        await File.WriteAllTextAsync(app.DatabasePath, new string('x', 8192));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Development_SeedsDemoAccountsCarriersAndSites()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();

        await using var db = app.NewDbContext();
        Assert.Equal(3, await db.Carriers.CountAsync());
        Assert.Equal(1, await db.Sites.CountAsync(s => s.LocationClass == LocationClass.CoreRoom));
        Assert.Equal(16, await db.Sites.CountAsync(s => s.LocationClass == LocationClass.Township));
        Assert.True(await db.Sites.CountAsync(s => s.LocationClass == LocationClass.CountyDirect) >= 10);
        Assert.Equal(["admin", "leader", "ops", "telecom", "unicom"], await db.Users.Select(u => u.UserName!).OrderBy(n => n).ToListAsync());
        Assert.All(await db.Users.Where(u => u.UserName == "telecom" || u.UserName == "unicom").ToListAsync(), u => Assert.NotNull(u.CarrierId));
    }

    [Fact]
    public async Task Production_RefusesToStart_WhenNoAdministratorIsConfigured()
    {
        await using var app = new GovNetOpsFactory("Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("no administrator", error.ToString());
    }

    [Fact]
    public async Task Production_CreatesConfiguredAdmin_AndNoDemoAccounts()
    {
        await using var app = new GovNetOpsFactory("Production");
        app.Settings["Security:BootstrapAdmin:UserName"] = "root-admin";
        app.Settings["Security:BootstrapAdmin:Password"] = "Str0ng!Passw0rd";
        using var client = app.CreateClient();

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admins = await users.GetUsersInRoleAsync(AppRoles.Admin);
        Assert.Equal("root-admin", Assert.Single(admins).UserName);
        Assert.Null(await users.FindByNameAsync("ops"));
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.Sites.CountAsync());
    }
}
