using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Infrastructure;

/// <summary>Small file helpers on the shared <see cref="TempDirectory"/>.</summary>
public static class TempDirectoryExtensions
{
    /// <summary>Writes a file inside the directory (creating folders) and returns its path.</summary>
    public static string WriteFile(this TempDirectory directory, string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = directory.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
