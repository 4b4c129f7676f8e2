namespace DurableClaims.Testing;

/// <summary>Finds the repository root (the folder with DurableClaims.sln) from the test binaries.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Gets the repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Returns a path under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DurableClaims.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DurableClaims.sln above {AppContext.BaseDirectory}.");
    }
}
