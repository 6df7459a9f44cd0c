using System.Runtime.CompilerServices;

namespace GovNetOps.Tests.Support;

/// <summary>Settings for every host the suite starts, in this process and in the app processes it launches.</summary>
internal static class TestProcessSettings
{
    /// <summary>
    /// No configuration file watching: every host would otherwise hold inotify instances for its appsettings files,
    /// and Linux allows a user 128 of them in all (<c>fs.inotify.max_user_instances</c>). With dozens of test hosts
    /// alive at once (and any other .NET process of the same user), starting one more host failed now and then with
    /// "The configured user limit (128) on the number of inotify instances has been reached" — the root cause of
    /// EscalationOptionsFacts failing once in two runs. The tests never edit a settings file while a host runs.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
