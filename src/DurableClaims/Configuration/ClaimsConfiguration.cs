using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DurableClaims.Configuration;

/// <summary>The flat environment names of the original design and how they map onto the options.</summary>
/// <remarks>When set, a flat name wins over the "Claims" section: operators of the original deployment set these.</remarks>
public static class ClaimsConfiguration
{
    public const string EnableHitl = "ORCHESTRATION_ENABLE_HITL";
    public const string MaxRounds = "ORCHESTRATION_MAX_ROUNDS";
    public const string StallThreshold = "ORCHESTRATION_STALL_THRESHOLD";
    public const string SessionPersistence = "SESSION_PERSISTENCE_ENABLED";
    public const string SessionLocation = "SESSION_STORAGE_PATH";
    public const string DataDirectory = "DURABLECLAIMS_DATA";
    public const string StorageConnection = "AzureWebJobsStorage";
    public const string DefaultDataDirectory = ".durableclaims";

    /// <summary>Resolves the data directory: Claims:DataDirectory, then DURABLECLAIMS_DATA, then ./.durableclaims; made absolute.</summary>
    public static string ResolveDataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[$"{ClaimsOptions.SectionName}:{nameof(ClaimsOptions.DataDirectory)}"];
        var value = string.IsNullOrWhiteSpace(configured) ? configuration[DataDirectory] : configured;
        return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? DefaultDataDirectory : value);
    }

    /// <summary>Applies the flat names to <paramref name="options"/>; returns the names that held invalid values.</summary>
    public static IReadOnlyList<string> ApplyFlatNames(IConfiguration configuration, ClaimsOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var invalid = new List<string>();
        if (ReadBool(configuration, EnableHitl, invalid) is { } hitl)
        {
            options.EnableHumanInTheLoop = hitl;
        }

        if (ReadInt(configuration, MaxRounds, invalid) is { } rounds)
        {
            options.MaxRounds = rounds;
        }

        if (ReadInt(configuration, StallThreshold, invalid) is { } stall)
        {
            options.StallThreshold = stall;
        }

        if (ReadBool(configuration, SessionPersistence, invalid) is { } persist)
        {
            options.PersistSessions = persist;
        }

        if (configuration[SessionLocation] is { Length: > 0 } location)
        {
            options.SessionLocation = location;
        }

        options.DataDirectory = ResolveDataDirectory(configuration);
        return invalid;
    }

    /// <summary>Reads a flat switch (true/false, 1/0, yes/no, on/off); null when unset, and an error naming the setting when it is none of those.</summary>
    internal static bool? ReadBool(IConfiguration configuration, string name, List<string> invalid)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        switch (value.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                return false;
            default:
                invalid.Add($"{name} must be true or false (was '{value}').");
                return null;
        }
    }

    private static int? ReadInt(IConfiguration configuration, string name, List<string> invalid)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        invalid.Add($"{name} must be a whole number (was '{value}').");
        return null;
    }
}
