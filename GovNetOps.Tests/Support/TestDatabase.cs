using GovNetOps.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Tests.Support;

/// <summary>A real SQLite file for the bUnit tests that render pages over the real handlers.</summary>
internal static class TestDatabase
{
    /// <summary>Migrates the file at <paramref name="connection"/> and fills in the demo carriers and sites; the caller
    /// disposes the returned context (and may add accounts through it first).</summary>
    public static AppDbContext WithDemoRegistry(string connection)
    {
        var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();
        db.Carriers.AddRange(DemoData.Carriers);
        db.SaveChanges();
        db.Sites.AddRange(DemoData.Sites());
        db.SaveChanges();
        return db;
    }

    /// <summary>Opens the already migrated file at <paramref name="connection"/>.</summary>
    public static AppDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).Options);
}
