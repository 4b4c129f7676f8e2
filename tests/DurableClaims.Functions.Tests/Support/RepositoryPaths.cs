namespace DurableClaims.Functions.Tests.Support;

/// <summary>Locates files of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>Gets the repository root (the folder that holds DurableClaims.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Combines <paramref name="relative"/> (with '/' separators) with the repository root.</summary>
    public static string Of(string relative) =>
        Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));

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
