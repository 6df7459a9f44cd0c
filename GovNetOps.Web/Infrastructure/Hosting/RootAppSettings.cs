using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace GovNetOps.Web.Infrastructure.Hosting;

public static class RootAppSettings
{
    /// <summary>appsettings.json lives once, at the repository root. Run from source, the app
    /// reads that file itself (edits apply without a rebuild); published, it reads the copy the
    /// build places beside the binaries. Either way the JSON keeps its place in the source order,
    /// so environment variables and the command line still override it.</summary>
    public const string FolderKey = "Hosting:SettingsFolder";

    public static void UseRootAppSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var folder = FindRepositoryRoot(environment.ContentRootPath) ?? AppContext.BaseDirectory;
        // Relative paths in the settings (the database file) are relative to the settings file.
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = [new(FolderKey, folder)],
        });
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not JsonConfigurationSource json)
            {
                continue;
            }

            if (json.Path != "appsettings.json" && json.Path != $"appsettings.{environment.EnvironmentName}.json")
            {
                continue;
            }

            sources[i] = new JsonConfigurationSource
            {
                Path = json.Path,
                Optional = json.Path != "appsettings.json",
                ReloadOnChange = json.ReloadOnChange,
                FileProvider = new PhysicalFileProvider(folder),
            };
        }
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovNetOps.sln")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
