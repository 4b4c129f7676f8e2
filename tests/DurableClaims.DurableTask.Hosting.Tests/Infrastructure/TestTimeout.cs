using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Hosting.Tests.Infrastructure;

/// <summary>Bounds every test in time, and waits for a status without a fixed sleep.</summary>
public static class TestTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static CancellationTokenSource Create() => new(Default);

    /// <summary>Polls until the instance reaches <paramref name="status"/>; the token bounds the wait.</summary>
    public static async Task<OrchestrationMetadata> WaitForStatusAsync(
        this DurableTaskClient client, string instanceId, OrchestrationRuntimeStatus status, CancellationToken cancellation)
    {
        while (true)
        {
            var metadata = await client.GetInstanceAsync(instanceId, cancellation);
            if (metadata?.RuntimeStatus == status)
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellation);
        }
    }
}
