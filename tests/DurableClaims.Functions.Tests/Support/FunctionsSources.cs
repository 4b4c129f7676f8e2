using System.Text.RegularExpressions;

namespace DurableClaims.Functions.Tests.Support;

/// <summary>The Functions app's C# sources, read as text (the project itself cannot be built or referenced here).</summary>
internal static partial class FunctionsSources
{
    public const string ProjectFolder = "src/DurableClaims.Functions";

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> LazyFiles = new(() =>
        Directory.Exists(RepositoryPaths.Of(ProjectFolder))
            ? Directory.EnumerateFiles(RepositoryPaths.Of(ProjectFolder), "*.cs", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p))
                .Select(p => (Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'), File.ReadAllText(p)))
                .ToList()
            : []);

    /// <summary>Gets every source file (path relative to the repository root, text).</summary>
    public static IReadOnlyList<(string Path, string Text)> Files => LazyFiles.Value;

    /// <summary>Gets every text with comments removed, concatenated (for attribute scans).</summary>
    public static string Code => string.Join("\n", Files.Select(f => Comments().Replace(f.Text, string.Empty)));

    /// <summary>Gets each HTTP trigger: its HTTP methods and the text of its Route argument.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Methods, string Route)> HttpTriggers =>
        HttpTrigger().Matches(Code)
            .Select(m => ((IReadOnlyList<string>)Quoted().Matches(m.Groups["args"].Value).Select(q => q.Groups[1].Value.ToUpperInvariant()).ToList(),
                m.Groups["route"].Value.Trim()))
            .ToList();

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("obj") || parts.Contains("bin");
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\[HttpTrigger\((?<args>[^\]]*?)Route\s*=\s*(?<route>[^,\)\]]+)\)\]")]
    private static partial Regex HttpTrigger();

    [GeneratedRegex("\"([A-Za-z]+)\"")]
    private static partial Regex Quoted();
}
