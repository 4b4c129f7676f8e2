using Microsoft.Extensions.Configuration;
using static Microsoft.DurableTask.Worker.DurableTaskWorkerOptions;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Orchestration versioning read under the names Durable Functions gives it in host.json's <c>extensions.durableTask</c>.</summary>
/// <remarks>
/// <c>defaultVersion</c> is both the version new instances are stamped with and the version the worker runs up to;
/// <c>versionMatchStrategy</c> (None, Strict, CurrentOrOlder; default CurrentOrOlder) and <c>versionFailureStrategy</c>
/// (Reject, Fail; default Reject) say which instances the worker runs and what happens to the others.
/// </remarks>
public static class DurableTaskVersioning
{
    /// <summary>The version new instances start on and the worker's version (host.json <c>defaultVersion</c>).</summary>
    public const string DefaultVersionKey = "DefaultVersion";

    /// <summary>Which instance versions the worker runs (host.json <c>versionMatchStrategy</c>).</summary>
    public const string MatchStrategyKey = "VersionMatchStrategy";

    /// <summary>What happens to an instance the worker may not run (host.json <c>versionFailureStrategy</c>).</summary>
    public const string FailureStrategyKey = "VersionFailureStrategy";

    /// <summary>Reads the versioning settings from <paramref name="section"/>; null when no version is set there nor given as <paramref name="defaultVersion"/>.</summary>
    /// <remarks>Without a version, instances start unversioned and every worker runs every instance, as before versioning. An unknown strategy name stops the start with the names it takes.</remarks>
    public static VersioningOptions? Read(IConfiguration section, string? defaultVersion = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var version = section[DefaultVersionKey] is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim()
            : defaultVersion;
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        return new VersioningOptions
        {
            Version = version,
            DefaultVersion = version,
            MatchStrategy = Parse(section, MatchStrategyKey, VersionMatchStrategy.CurrentOrOlder),
            FailureStrategy = Parse(section, FailureStrategyKey, VersionFailureStrategy.Reject),
        };
    }

    private static T Parse<T>(IConfiguration section, string key, T fallback)
        where T : struct, Enum
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new InvalidOperationException(
                $"{(section is IConfigurationSection named ? ConfigurationPath.Combine(named.Path, key) : key)} '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }
}
