using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The app's model on PostgreSQL, with its own migrations (<c>Migrations/PostgreSql</c>), plus the
/// data-protection keys: with several instances every one must decrypt the cookies and antiforgery tokens of
/// every other, so the key ring lives in the shared database instead of a folder on one machine.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options)
    : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlAppDbContext</c>: adding a migration needs the
/// provider, not a server, so no connection is opened.</summary>
internal sealed class PostgreSqlAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
            .UseNpgsql("Host=localhost;Database=govnetops")
            .Options);
}
