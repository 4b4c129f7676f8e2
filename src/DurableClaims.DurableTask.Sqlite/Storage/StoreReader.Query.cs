using System.Globalization;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.Query;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Filtered, paged instance queries and the selection of instances to purge.</summary>
internal sealed partial class StoreReader
{
    /// <summary>One page of instances ordered by creation time then id; the token is the last row's (created, id).</summary>
    public OrchestrationQueryResult Query(OrchestrationQuery query)
    {
        var pageSize = query.PageSize is > 0 and <= 1000 ? query.PageSize : 100;
        var sql = new StringBuilder($"SELECT {StateColumns} FROM instances WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        AppendFilter(sql, parameters, query.RuntimeStatus, query.CreatedTimeFrom, query.CreatedTimeTo);
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            // substr instead of LIKE: ids may contain '%' and '_'.
            sql.Append(" AND substr(id, 1, length($prefix)) = $prefix");
            parameters.Add(("$prefix", query.InstanceIdPrefix));
        }

        if (!string.IsNullOrEmpty(query.ContinuationToken))
        {
            var (created, id) = ParseToken(query.ContinuationToken);
            sql.Append(" AND (created > $tc OR (created = $tc AND id > $tid))");
            parameters.Add(("$tc", created));
            parameters.Add(("$tid", id));
        }

        sql.Append(" ORDER BY created, id LIMIT $limit");
        parameters.Add(("$limit", pageSize + 1));

        // The token was parsed above: only a token the caller sent can be an argument error, never a damaged page.
        return Corruption.Guard(databasePath, () => ReadPage(sql.ToString(), parameters, pageSize, query.FetchInputsAndOutputs));
    }

    private OrchestrationQueryResult ReadPage(string sql, List<(string, object?)> parameters, int pageSize, bool fetchInputsAndOutputs)
    {
        using var connection = Open();
        using var cmd = Command(connection, sql, [.. parameters]);
        using var r = cmd.ExecuteReader();
        var states = new List<OrchestrationState>(pageSize);
        string? token = null;
        while (r.Read())
        {
            if (states.Count == pageSize)
            {
                var last = states[^1];
                token = string.Create(CultureInfo.InvariantCulture, $"{last.CreatedTime.Ticks}:{last.OrchestrationInstance.InstanceId}");
                break;
            }

            states.Add(ReadState(r, fetchInputsAndOutputs));
        }

        return new OrchestrationQueryResult(states, token);
    }

    /// <summary>Ids of finished instances matching a purge filter.</summary>
    public List<string> FinishedInstanceIds(DateTime? createdFrom, DateTime? createdTo, IEnumerable<OrchestrationStatus>? statuses, string column = "created")
    {
        var sql = new StringBuilder($"SELECT id FROM instances WHERE status NOT IN {Schema.LiveStatuses}");
        var parameters = new List<(string, object?)>();
        if (column == "created")
        {
            AppendFilter(sql, parameters, statuses?.ToList(), createdFrom, createdTo);
        }
        else
        {
            // Purge of old history by last update or completion time (IOrchestrationServiceClient.PurgeOrchestrationHistoryAsync).
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} < $to");
            parameters.Add(("$to", createdTo!.Value.ToUniversalTime().Ticks));
        }

        return Corruption.Guard(databasePath, () =>
        {
            using var connection = Open();
            using var cmd = Command(connection, sql.ToString(), [.. parameters]);
            using var r = cmd.ExecuteReader();
            var ids = new List<string>();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }

            return ids;
        });
    }

    private static void AppendFilter(StringBuilder sql, List<(string, object?)> parameters, ICollection<OrchestrationStatus>? statuses, DateTime? from, DateTime? to)
    {
        if (statuses is { Count: > 0 })
        {
            sql.Append(" AND status IN (").AppendJoin(", ", statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))).Append(')');
        }

        if (from is { } f && f > DateTime.MinValue)
        {
            sql.Append(" AND created >= $from");
            parameters.Add(("$from", f.ToUniversalTime().Ticks));
        }

        if (to is { } t && t < DateTime.MaxValue)
        {
            sql.Append(" AND created <= $to");
            parameters.Add(("$to", t.ToUniversalTime().Ticks));
        }
    }

    private static (long Created, string Id) ParseToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var created))
        {
            throw new ArgumentException($"'{token}' is not a continuation token of this task hub.", nameof(token));
        }

        return (created, token[(colon + 1)..]);
    }
}
