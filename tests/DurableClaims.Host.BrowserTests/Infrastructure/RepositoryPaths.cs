namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>Paths in the source tree the browser tests use (the root comes from the shared test helpers).</summary>
public static class RepositoryPaths
{
    public static string Root => DurableClaims.Testing.RepositoryPaths.RepositoryRoot;

    public static string HostProject => DurableClaims.Testing.RepositoryPaths.Combine("src", "DurableClaims.Host");

    public static string Screenshots => DurableClaims.Testing.RepositoryPaths.Combine("artifacts", "screenshots");
}
