using System.Data.Common;
using System.Net;
using GovNetOps.Domain.Sla;
using GovNetOps.Tests.Integration.Tickets;
using GovNetOps.Tests.Support;
using GovNetOps.Web.Infrastructure.Data;
using GovNetOps.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GovNetOps.Tests.Integration;

public sealed class StartupFacts
{
    [Fact]
    public async Task Startup_AppliesEveryMigration_WhenDatabaseIsNew()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();

        await using var db = app.NewDbContext();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    // About the SQLite file itself (created on first start, write-ahead log): nothing to check on PostgreSQL.
    [Fact]
    [Trait("Provider", "SqliteOnly")]
    public async Task Startup_CreatesTheFileInWalMode_WhenDatabaseFileIsEmpty()
    {
        await using var app = new GovNetOpsFactory();
        Assert.False(File.Exists(app.DatabasePath));
        using var client = app.CreateClient();

        await using var db = app.NewDbContext();
        Assert.True(File.Exists(app.DatabasePath));
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", journal.Single());
    }

    [Fact]
    public async Task Health_Returns200_WhenDatabaseIsReachable()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await HealthOnceReadyAsync(client));
    }

    // Overwrites the SQLite file with garbage: a SQLite failure mode.
    [Fact]
    [Trait("Provider", "SqliteOnly")]
    public async Task Health_Returns503_WhenDatabaseFileIsNoLongerADatabase()
    {
        await using var app = new GovNetOpsFactory();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await HealthOnceReadyAsync(client));

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
        Assert.Equal(["admin", "auditor", "leader", "mobile", "ops", "secadmin", "telecom", "unicom", "wall"], await db.Users.Select(u => u.UserName!).OrderBy(n => n).ToListAsync());
        // Every carrier has an engineer to sign in (and to receive its reminders).
        Assert.Equal([1, 2, 3], await db.Users.Where(u => u.CarrierId != null).Select(u => u.CarrierId!.Value).OrderBy(c => c).ToListAsync());
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
        var admins = await users.GetUsersInRoleAsync(AppRoles.SystemAdmin);
        Assert.Equal("root-admin", Assert.Single(admins).UserName);
        Assert.Null(await users.FindByNameAsync("ops"));
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.Sites.CountAsync());
    }

    // 三员分立 at bootstrap: the configured system administrator may sign in at once (to create the other two); anyone
    // else is refused until an enabled security administrator and an enabled audit administrator exist.
    [Fact]
    public async Task Production_RefusesOthersSignIn_UntilTheSecurityAndAuditAdministratorsExist()
    {
        await using var app = new GovNetOpsFactory("Production");
        app.Settings["Security:BootstrapAdmin:UserName"] = "root-admin";
        app.Settings["Security:BootstrapAdmin:Password"] = "Str0ng!Passw0rd";
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AddAccountAsync(app, "duty-1", AppRoles.Ops);

        var early = await HttpSignIn.PostLoginAsync(client, "duty-1", "Str0ng!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains(GovNetOps.Web.Resources.Accounts.LoginSeparationIncomplete, WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
        HttpAssert.RedirectsTo(client, await client.GetAsync("/tickets"), "/account/login"); // no cookie was left behind

        using (var adminClient = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(adminClient, "root-admin", "Str0ng!Passw0rd")).StatusCode);
        }
        await AddAccountAsync(app, "sec-1", AppRoles.SecurityAdmin);
        var onlyOne = await HttpSignIn.PostLoginAsync(client, "duty-1", "Str0ng!Passw0rd");
        Assert.Equal(HttpStatusCode.OK, onlyOne.StatusCode);
        await AddAccountAsync(app, "audit-1", AppRoles.AuditAdmin);

        var after = await HttpSignIn.PostLoginAsync(client, "duty-1", "Str0ng!Passw0rd");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets")).StatusCode);
    }

    // A database from before 三员分立: its Admin role becomes the system administrator's, with its holders.
    [Fact]
    public async Task Startup_RenamesTheFormerAdminRole_ToSystemAdmin()
    {
        await using var first = new GovNetOpsFactory();
        first.CreateClient().Dispose();
        await using (var db = first.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AspNetRoles" SET "Name" = 'Admin', "NormalizedName" = 'ADMIN' WHERE "Name" = 'SystemAdmin'""");
        }
        await using var second = await RestartOnTheSameDatabaseAsync(first);

        second.CreateClient().Dispose();

        using var scope = second.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal("admin", Assert.Single(await users.GetUsersInRoleAsync(AppRoles.SystemAdmin)).UserName);
        Assert.False(await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync(AppRoles.FormerAdmin));
    }

    /// <summary>/health's status once the app has had time to become ready: on PostgreSQL it is 503 until the listener
    /// for other instances' changes is connected, a moment after start-up (right for a load balancer); SQLite has no such
    /// moment. Waits at most 30 s for a 503 to turn; any other status is returned at once.</summary>
    private static async Task<HttpStatusCode> HealthOnceReadyAsync(HttpClient client)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = (await client.GetAsync("/health")).StatusCode;
            if (status != HttpStatusCode.ServiceUnavailable || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return status;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Stops <paramref name="first"/> and returns a new, not yet started app over the same database: a copy of
    /// the SQLite file (its write-ahead log folded in first), or the same PostgreSQL database.</summary>
    private static async Task<GovNetOpsFactory> RestartOnTheSameDatabaseAsync(GovNetOpsFactory first)
    {
        if (first.PostgreSqlConnectionString is { } connectionString)
        {
            await first.DisposeAsync();
            return new GovNetOpsFactory(postgreSqlConnectionString: connectionString);
        }

        await using (var db = first.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        var second = new GovNetOpsFactory();
        File.Copy(first.DatabasePath, second.DatabasePath);
        await first.DisposeAsync();
        return second;
    }

    private static async Task AddAccountAsync(GovNetOpsFactory app, string userName, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName };
        Assert.True((await users.CreateAsync(user, "Str0ng!Passw0rd")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    [Fact]
    public async Task Startup_RefusesNamingTheVersion_WhenTicketsReferenceAVersionNoLongerConfigured()
    {
        await using var app = new GovNetOpsFactory();
        await ReportOneTicketAsync(app); // under version 1, the appsettings.json matrix
        await ForgetStoredVersionsAsync(app); // a database from before the matrix moved into it
        app.Settings["Sla:Version"] = "2";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Tickets in the database reference Sla policy version 1, which is not configured: add it to Sla:PreviousVersions", error.ToString());
    }

    [Fact]
    public async Task Startup_RefusesNamingVersionAndCell_WhenAUsedVersionsCellWasEdited()
    {
        await using var app = new GovNetOpsFactory();
        await ReportOneTicketAsync(app);
        await ForgetStoredVersionsAsync(app); // a database from before the matrix moved into it
        app.Settings["Sla:RepairTownship"] = "08:00:00"; // still version 1

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Sla policy version 1 was used with RepairTownship = 06:00:00 but is now configured as 08:00:00: " +
            "give the changed matrix a new Sla:Version and keep the old one under Sla:PreviousVersions", error.ToString());
    }

    // The configuration a used version may restart with: unchanged, or kept unchanged under PreviousVersions
    // while the changed matrix gets a new version.
    [Theory]
    [InlineData("unchanged")]
    [InlineData("new-version")]
    public async Task Startup_Starts_WhenUsedVersionIsUnchanged(string scenario)
    {
        await using var app = new GovNetOpsFactory();
        await ReportOneTicketAsync(app);
        if (scenario == "new-version")
        {
            app.Settings["Sla:Version"] = "2";
            app.Settings["Sla:EffectiveFrom"] = "2026-04-01T00:00:00+08:00";
            app.Settings["Sla:RepairTownship"] = "08:00:00";
            app.Settings["Sla:PreviousVersions:0:Version"] = "1";
            app.Settings["Sla:PreviousVersions:0:EffectiveFrom"] = "2024-01-01T00:00:00+08:00";
        }

        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await HealthOnceReadyAsync(client));
        await using var db = app.NewDbContext();
        var kept = Assert.Single(await db.SlaPolicyFingerprints.ToListAsync());
        Assert.Equal((1, SlaPolicyFingerprint.Of(new SlaPolicy { EffectiveFrom = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) }).Cells),
            (kept.Version, kept.Cells));
    }

    // A database from before fingerprints (or tickets written by other means): start-up keeps the cells configured now.
    [Fact]
    public async Task Startup_KeepsTheFingerprintOfEveryUsedVersion_WhenTheDatabaseHasNone()
    {
        await using var app = new GovNetOpsFactory();
        await ReportOneTicketAsync(app);
        await using (var connection = app.PostgreSqlConnectionString is { } connectionString
            ? (DbConnection)new NpgsqlConnection(connectionString)
            : new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM \"SlaPolicyFingerprints\"";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        using var client = app.CreateClient();

        await using var db = app.NewDbContext();
        Assert.Equal([1], await db.SlaPolicyFingerprints.Select(f => f.Version).ToListAsync());
    }

    // After the first start the database holds the matrix: a configuration edited afterwards is ignored (and logged),
    // so a used version can no longer be changed behind the tickets' backs; a new version is made on the policy page.
    [Fact]
    public async Task Startup_KeepsTheStoredMatrix_WhenConfigurationChangesAfterTheFirstStart()
    {
        await using var app = new GovNetOpsFactory();
        await ReportOneTicketAsync(app);
        app.Settings["Sla:RepairTownship"] = "08:00:00";

        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(TimeSpan.FromHours(6), app.Services.GetRequiredService<SlaPolicyBook>().ForVersion(1).RepairTownship);
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("Configuration section Sla (version 1) differs from the database and is ignored", StringComparison.Ordinal));
    }

    // The stored matrix removed, as in a database from before it moved into the database (either provider).
    private static async Task ForgetStoredVersionsAsync(GovNetOpsFactory app)
    {
        await using var db = TestDatabase.Open($"Data Source={app.DatabasePath};Pooling=False", app.PostgreSqlConnectionString);
        Assert.Equal(1, await db.SlaPolicyVersions.ExecuteDeleteAsync());
    }

    /// <summary>Runs the app once over <paramref name="app"/>'s database (its SQLite file or its PostgreSQL database) with
    /// the appsettings.json matrix and reports one township fault, then stops it, so a test can start
    /// <paramref name="app"/> over the same database.</summary>
    private static async Task ReportOneTicketAsync(GovNetOpsFactory app)
    {
        await using var first = new TicketApp();
        first.Factory.Settings["Database:Path"] = app.DatabasePath;
        if (app.PostgreSqlConnectionString is { } connectionString)
        {
            first.Factory.Settings["Database:ConnectionString"] = connectionString;
        }
        await first.InitializeAsync();
        await first.NewTicketAsync(LocationClass.Township);
    }
}
