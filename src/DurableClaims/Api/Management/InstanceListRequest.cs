using System.Globalization;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Management;

/// <summary>The query string of <c>GET instances</c> as received, before validation.</summary>
public sealed record InstanceListRequest(
    string? RuntimeStatus,
    string? CreatedTimeFrom,
    string? CreatedTimeTo,
    string? InstanceIdPrefix,
    string? Top,
    bool ShowInput,
    string? ContinuationToken)
{
    /// <summary>The page size used when <c>top</c> is absent.</summary>
    public const int DefaultTop = 100;

    /// <summary>The largest accepted page size.</summary>
    public const int MaxTop = 1000;

    /// <summary>Validates the strings and builds the engine query, or null with per-field errors.</summary>
    public static OrchestrationQuery? TryParse(InstanceListRequest request, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        errors = [];
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var part in (request.RuntimeStatus ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(part, ignoreCase: true, out var status) && !int.TryParse(part, out _))
            {
                statuses.Add(status);
            }
            else
            {
                errors["runtimeStatus"] = [$"'{part}' is not a runtime status ({string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())})."];
            }
        }

        var from = ParseTime(request.CreatedTimeFrom, "createdTimeFrom", errors);
        var to = ParseTime(request.CreatedTimeTo, "createdTimeTo", errors);
        var top = DefaultTop;
        if (!string.IsNullOrEmpty(request.Top)
            && (!int.TryParse(request.Top, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxTop))
        {
            errors["top"] = [$"top must be a whole number from 1 to {MaxTop}."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new OrchestrationQuery
        {
            Statuses = statuses.Count == 0 ? null : statuses,
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = string.IsNullOrEmpty(request.InstanceIdPrefix) ? null : request.InstanceIdPrefix,
            PageSize = top,
            FetchInputsAndOutputs = true,
            ContinuationToken = string.IsNullOrEmpty(request.ContinuationToken) ? null : request.ContinuationToken,
        };
    }

    /// <summary>Parses an ISO 8601 time; a time without offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = [$"'{value}' is not an ISO 8601 date-time."];
        return null;
    }
}
