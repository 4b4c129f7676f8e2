using System.Globalization;

namespace DurableClaims.Benchmarks;

/// <summary>What the benchmark modes share: reading <c>--name N</c> arguments and removing their temporary data.</summary>
internal static class BenchArgs
{
    /// <summary>Returns the whole number after <paramref name="name"/>, or <paramref name="fallback"/> when it is missing or not a number.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Removes a temporary data directory; a file still held open only delays its removal.</summary>
    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Temporary data: what is left goes with the temp folder.
        }
    }
}
