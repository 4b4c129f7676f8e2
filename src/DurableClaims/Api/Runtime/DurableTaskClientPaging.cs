using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Runtime;

/// <summary>One page of Microsoft's instance query at a time, as the HTTP APIs hand out continuation tokens.</summary>
public static class DurableTaskClientPaging
{
    /// <summary>Returns the page <see cref="OrchestrationQuery.ContinuationToken"/> names (the first when null); the next token is null on the last page.</summary>
    public static async Task<Page<OrchestrationMetadata>> QueryPageAsync(
        this DurableTaskClient client, OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken))
        {
            return new Page<OrchestrationMetadata>(page.Values, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new Page<OrchestrationMetadata>([], null);
    }
}
