using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>Instance queries with keyset paging: stable order by created time, then id.</summary>
internal sealed partial class StoreReader
{
    private static readonly OrchestrationRuntimeStatus[] TerminalStatuses =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public OrchestrationQueryResult Query(OrchestrationQuery query)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        var where = new List<string>();
        AddFilters(cmd, where, query.CreatedFrom, query.CreatedTo, query.Statuses);
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // substr comparison instead of LIKE: ids may contain % or _.
            where.Add("substr(id, 1, length($prefix)) = $prefix");
            cmd.Parameters.AddWithValue("$prefix", query.InstanceIdPrefix);
        }

        if (DecodeToken(query.ContinuationToken) is { } after)
        {
            where.Add("(created > $afterCreated OR (created = $afterCreated AND id > $afterId))");
            cmd.Parameters.AddWithValue("$afterCreated", after.Created);
            cmd.Parameters.AddWithValue("$afterId", after.Id);
        }

        var pageSize = Math.Max(1, query.PageSize);
        cmd.CommandText = $"SELECT {InstanceColumns} FROM instances {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)} ORDER BY created, id LIMIT {pageSize + 1}";
        using var reader = cmd.ExecuteReader();
        var page = new List<OrchestrationMetadata>();
        string? token = null;
        while (reader.Read())
        {
            if (page.Count == pageSize)
            {
                var last = page[^1];
                token = EncodeToken(last.CreatedAt.UtcTicks, last.InstanceId);
                break;
            }

            page.Add(ReadMetadata(reader, query.FetchInputsAndOutputs));
        }

        return new OrchestrationQueryResult(page, token);
    }

    /// <summary>Builds the WHERE clause of a purge by filter (terminal instances only).</summary>
    public static string PurgeFilter(SqliteCommand cmd, PurgeInstancesFilter filter)
    {
        var statuses = filter.Statuses is { Count: > 0 } requested ? requested.Intersect(TerminalStatuses).ToArray() : TerminalStatuses;
        var where = new List<string>();
        AddFilters(cmd, where, filter.CreatedFrom, filter.CreatedTo, statuses.Length > 0 ? statuses : [(OrchestrationRuntimeStatus)(-1)]);
        return string.Join(" AND ", where);
    }

    private static void AddFilters(SqliteCommand cmd, List<string> where, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses)
    {
        if (from is { } f)
        {
            where.Add("created >= $from");
            cmd.Parameters.AddWithValue("$from", f.UtcTicks);
        }

        if (to is { } t)
        {
            where.Add("created <= $to");
            cmd.Parameters.AddWithValue("$to", t.UtcTicks);
        }

        if (statuses is { Count: > 0 })
        {
            where.Add($"status IN ({string.Join(",", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))})");
        }
    }

    private static string EncodeToken(long created, string id)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(created.ToString(CultureInfo.InvariantCulture) + "|" + id));

    private static (long Created, string Id)? DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return (long.Parse(text.AsSpan(0, bar), CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(token), ex);
        }
    }
}
