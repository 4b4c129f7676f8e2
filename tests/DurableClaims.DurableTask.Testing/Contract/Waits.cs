using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>Bounded waits on Microsoft's client, so no test can hang.</summary>
public static class Waits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<OrchestrationMetadata> CompletionAsync(DurableTaskClient client, string instanceId, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var cts = new CancellationTokenSource(limit ?? Limit);
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    /// <summary>Waits until the instance's custom status equals <paramref name="status"/> (the sample workflows set it when they wait).</summary>
    public static async Task UntilCustomStatusAsync(DurableTaskClient client, string instanceId, string status)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (metadata?.SerializedCustomStatus is { } custom && custom.Contains(status, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Instance {instanceId} never reported '{status}'.");
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the instance's metadata.</summary>
    public static async Task<OrchestrationMetadata> UntilAsync(DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) is { } metadata && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Instance {instanceId} never reached the expected state.");
    }
}
