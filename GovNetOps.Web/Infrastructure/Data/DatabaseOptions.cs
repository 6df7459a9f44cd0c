using System.ComponentModel.DataAnnotations;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Which database engine holds the data. SQLite (one file, one app process) is the default;
/// PostgreSQL lets several app instances share one database.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Section <c>Database</c> of appsettings.json.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file. A relative path is resolved against the folder of appsettings.json.</summary>
    public string Path { get; set; } = "data/govnetops.db";

    /// <summary>PostgreSQL: the Npgsql connection string (required with that provider, unused with SQLite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Set from <c>Hosting:SettingsFolder</c>; not a setting of its own.</summary>
    public string BaseFolder { get; set; } = "";

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public string FullPath => System.IO.Path.GetFullPath(Path, string.IsNullOrEmpty(BaseFolder) ? Directory.GetCurrentDirectory() : BaseFolder);

    public string SqliteConnectionString() => $"Data Source={FullPath};Cache=Private;Pooling=True;Default Timeout=30";

    /// <summary>Where the data lives, for the log (never the password).</summary>
    public string Describe()
    {
        if (!IsPostgreSql)
        {
            return FullPath;
        }

        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Database:ConnectionString is required when Database:Provider is PostgreSql",
                [nameof(ConnectionString)]);
        }

        if (!IsPostgreSql && string.IsNullOrWhiteSpace(Path))
        {
            yield return new ValidationResult("Database:Path is required when Database:Provider is Sqlite", [nameof(Path)]);
        }
    }
}
