namespace GovNetOps.Tests.Support;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Screenshots and other artefacts a reviewer can open after a run.</summary>
    public static string Artifacts(string kind)
    {
        var dir = Path.Combine(RepositoryRoot, "artifacts", kind);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string NewTempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "govnetops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovNetOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GovNetOps.sln not found above " + AppContext.BaseDirectory);
    }
}
