using System.Security.Cryptography;
using DurableClaims.Api.Intake;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Api.Intake;

/// <summary>The upload intake counts an upload only as evidence: stored, not empty, of a type the claim expects (real workflow host, folder store).</summary>
public sealed class UploadIntakeEvidenceTests : IDisposable
{
    private readonly TempDirectory _data = new("intake");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task HandleBlobCreated_EmptyDocument_ShouldIgnoreItAndRaiseNothing()
    {
        await using var host = await StartPausedAsync("CLM-UP-1");
        var stored = await StoreAsync(host, "CLM-UP-1", "repair_estimate", "estimate.pdf", []);

        var outcome = await Intake(host).HandleBlobCreatedAsync("CLM-UP-1/repair_estimate/estimate.pdf", stored.ETag, stored.Location, "listener");

        Assert.Equal(IntakeOutcome.Ignored, outcome);
        Assert.Equal(0, await host.CountRaisedDocumentsAsync("CLM-UP-1"));
    }

    [Fact]
    public async Task HandleBlobCreated_TypeTheClaimDoesNotExpect_ShouldIgnoreItAndRaiseNothing()
    {
        await using var host = await StartPausedAsync("CLM-UP-2");
        var stored = await StoreAsync(host, "CLM-UP-2", "wedding_photos", "cake.jpg", "cake"u8.ToArray());

        var outcome = await Intake(host).HandleBlobCreatedAsync("CLM-UP-2/wedding_photos/cake.jpg", stored.ETag, stored.Location, "listener");

        Assert.Equal(IntakeOutcome.Ignored, outcome);
        Assert.Equal(0, await host.CountRaisedDocumentsAsync("CLM-UP-2"));
    }

    [Fact]
    public async Task HandleBlobCreated_StoredDocument_ShouldRaiseItWithSizeMediaTypeAndSha256()
    {
        await using var host = await StartPausedAsync("CLM-UP-3");
        var content = "Estimate 900 USD"u8.ToArray();
        var stored = await StoreAsync(host, "CLM-UP-3", "repair_estimate", "estimate.pdf", content);

        var outcome = await Intake(host).HandleBlobCreatedAsync("CLM-UP-3/repair_estimate/estimate.pdf", stored.ETag, stored.Location, "listener");

        Assert.Equal(IntakeOutcome.Raised, outcome);
        var document = Assert.Single((await host.WaitForRaisedDocumentsAsync("CLM-UP-3")).Documents);
        Assert.Equal((16L, "application/pdf", Convert.ToHexStringLower(SHA256.HashData(content))), (document.Size, document.MediaType, document.Sha256));
    }

    [Fact]
    public async Task HandleBlobCreated_ReceiptHeldByAnIntakeThatDied_ShouldWaitThenTakeItOverAndRaise()
    {
        await using var host = await StartPausedAsync("CLM-UP-4");
        var stored = await StoreAsync(host, "CLM-UP-4", "police_report", "report.pdf", "Report 17"u8.ToArray());
        const string name = "CLM-UP-4/police_report/report.pdf";
        var receipts = host.Services.GetRequiredService<IIntakeReceiptStore>();
        await receipts.TryTakeAsync(IntakeReceipt.KeyFor(name, stored.ETag), TimeSpan.FromMinutes(1));

        var whileHeld = await Intake(host).HandleBlobCreatedAsync(name, stored.ETag, stored.Location, "listener");
        var afterTakeover = await Intake(host, TimeSpan.FromTicks(1)).HandleBlobCreatedAsync(name, stored.ETag, stored.Location, "listener");

        Assert.Equal((IntakeOutcome.InProgress, IntakeOutcome.Raised), (whileHeld, afterTakeover));
        Assert.Single((await host.WaitForRaisedDocumentsAsync("CLM-UP-4")).Documents);
        Assert.True(await receipts.IsHandledAsync(IntakeReceipt.KeyFor(name, stored.ETag)));
    }

    private static UploadIntake Intake(WorkflowHost host, TimeSpan takeoverAfter)
        => ActivatorUtilities.CreateInstance<UploadIntake>(host.Services, Options.Create(new UploadOptions { ReceiptTakeoverAfter = takeoverAfter }));

    private static UploadIntake Intake(WorkflowHost host) => host.Services.GetRequiredService<UploadIntake>();

    private async Task<WorkflowHost> StartPausedAsync(string claimId)
    {
        var host = await WorkflowHost.StartAsync(_data.Path);
        await host.SubmitAsync(TestClaims.Auto(claimId, documents: ["police_report"]));
        await host.WaitForPauseAsync(claimId);
        return host;
    }

    private static async Task<StoredDocument> StoreAsync(WorkflowHost host, string claimId, string type, string filename, byte[] content)
    {
        // Written as an upload through the claim's link arrives: content only, nothing recorded beside it.
        var store = (DocumentStore)host.Documents;
        await store.Container.WriteAsync($"{claimId}/{type}/{filename}", new MemoryStream(content));
        return (await store.GetAsync(claimId, type, filename))!;
    }
}
