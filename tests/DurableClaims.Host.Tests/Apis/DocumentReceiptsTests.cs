using System.Text;
using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Api.Runtime;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>The documents route takes intake receipts before raising DocumentsReceived and gives them back when raising fails.</summary>
public sealed class DocumentReceiptsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task SubmitDocuments_RaisingThrows_ShouldGiveTheReceiptsBack()
    {
        var claimId = await TestClaims.StartPausedAsync(fixture.Host.Client);
        var receipts = new RecordingReceipts();
        var runtime = new RaiseFailsRuntime(fixture.Host.Services.GetRequiredService<IClaimsRuntimeClient>());
        var service = ActivatorUtilities.CreateInstance<ClaimsApiService>(fixture.Host.Services, runtime, receipts);
        DocumentUpload[] uploads = [new("receipts", "hotel.pdf", Encoding.UTF8.GetBytes("hotel")), new("receipts", "taxi.pdf", Encoding.UTF8.GetBytes("taxi"))];

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.SubmitDocumentsAsync(claimId, uploads, "http", new ApiCallContext("http://localhost")));

        Assert.Equal(2, receipts.Added.Count);
        Assert.Equal(receipts.Added.Order(StringComparer.Ordinal), receipts.Removed.Order(StringComparer.Ordinal));
    }

    /// <summary>Records every receipt taken and given back.</summary>
    private sealed class RecordingReceipts : IIntakeReceiptStore
    {
        public List<string> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public Task<bool> TryAddAsync(string key, CancellationToken cancellationToken = default)
        {
            Added.Add(key);
            return Task.FromResult(true);
        }

        public Task<ReceiptTake> TryTakeAsync(string key, TimeSpan takeoverAfter, CancellationToken cancellationToken = default)
        {
            Added.Add(key);
            return Task.FromResult(ReceiptTake.Taken);
        }

        public Task CompleteAsync(string key, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<bool> IsHandledAsync(string key, CancellationToken cancellationToken = default)
            => Task.FromResult(Added.Contains(key) && !Removed.Contains(key));

        public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
        {
            Removed.Add(key);
            return Task.CompletedTask;
        }
    }

    /// <summary>The host's runtime client, except that raising an event fails as an unreachable task hub would.</summary>
    private sealed class RaiseFailsRuntime(IClaimsRuntimeClient inner) : IClaimsRuntimeClient
    {
        public Task<RuntimeOutcome> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
            => inner.ScheduleAsync(orchestratorName, instanceId, input, cancellationToken);

        public Task<RuntimeOutcome> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("The task hub is unreachable.");

        public Task<OrchestrationMetadata?> GetAsync(string instanceId, bool includePayloads = true, CancellationToken cancellationToken = default)
            => inner.GetAsync(instanceId, includePayloads, cancellationToken);

        public Task<Page<OrchestrationMetadata>> QueryAsync(OrchestrationQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<RuntimeOutcome> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
            => inner.TerminateAsync(instanceId, reason, cancellationToken);

        public Task<RuntimeOutcome> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) => inner.PurgeAsync(instanceId, cancellationToken);

        public Task<int> PurgeFinishedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
            => inner.PurgeFinishedAsync(createdBefore, cancellationToken);
    }
}
