using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Support;

/// <summary>A real SQLite file for the bUnit tests that render pages over the real handlers.</summary>
internal static class TestDatabase
{
    /// <summary>Migrates the file at <paramref name="connection"/> (or the PostgreSQL database of
    /// <paramref name="postgreSql"/>, which it creates) and fills in the demo carriers and sites; the caller
    /// disposes the returned context (and may add accounts through it first).</summary>
    public static AppDbContext WithDemoRegistry(string connection, string? postgreSql = null)
    {
        var db = Open(connection, postgreSql);
        db.Database.Migrate();
        db.Carriers.AddRange(DemoData.Carriers);
        db.SaveChanges();
        DatabaseEngine.SyncIdentityAsync<Carrier>(db).GetAwaiter().GetResult();
        db.Sites.AddRange(DemoData.Sites());
        db.SaveChanges();
        return db;
    }

    /// <summary>Opens the already migrated file at <paramref name="connection"/>.</summary>
    public static AppDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);

    /// <summary>A context outside the app over a test's own database: the SQLite file of <paramref name="sqliteConnection"/>,
    /// or, on a PostgreSQL run, the database of <paramref name="postgreSql"/> (pass null on SQLite).</summary>
    public static AppDbContext Open(string sqliteConnection, string? postgreSql) =>
        postgreSql is null
            ? Open(sqliteConnection)
            : new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(postgreSql).Options);
}

/// <summary>The app's context factory for services built outside the app, over the database of <see cref="TestDatabase.Open(string, string?)"/>.</summary>
internal sealed class TestContextFactory(string sqliteConnection, string? postgreSql) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => TestDatabase.Open(sqliteConnection, postgreSql);
}
