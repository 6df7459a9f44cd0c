using System.ComponentModel.DataAnnotations;

namespace GovNetOps.Web.Infrastructure.Data;

/// <summary>Section <c>Database</c> of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite file. A relative path is resolved against the folder of appsettings.json.</summary>
    [Required]
    public string Path { get; set; } = "data/govnetops.db";

    /// <summary>Set from <c>Hosting:SettingsFolder</c>; not a setting of its own.</summary>
    public string BaseFolder { get; set; } = "";

    public string FullPath => System.IO.Path.GetFullPath(Path, string.IsNullOrEmpty(BaseFolder) ? Directory.GetCurrentDirectory() : BaseFolder);

    public string ConnectionString() => $"Data Source={FullPath};Cache=Private;Pooling=True;Default Timeout=30";
}
