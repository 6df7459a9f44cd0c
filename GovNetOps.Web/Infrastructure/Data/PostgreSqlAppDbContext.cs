using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>The app's model on PostgreSQL, with its own migrations (<c>Migrations/PostgreSql</c>), plus the
/// data-protection keys: with several instances every one must decrypt the cookies and antiforgery tokens of
/// every other, so the key ring lives in the shared database instead of a folder on one machine.</summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options)
    : AppDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
