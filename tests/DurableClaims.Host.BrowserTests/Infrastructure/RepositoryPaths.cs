namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>Paths in the source tree, found by walking up from the test binaries to the solution.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string HostProject => Path.Combine(Root, "src", "DurableClaims.Host");

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");


    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DurableClaims.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"DurableClaims.sln not found above {AppContext.BaseDirectory}.");
    }
}
