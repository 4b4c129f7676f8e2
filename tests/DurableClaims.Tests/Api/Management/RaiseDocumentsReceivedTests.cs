using System.Security.Cryptography;
using DurableClaims.Api;
using DurableClaims.Api.Management;
using DurableClaims.Contracts;
using DurableClaims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Tests.Api.Management;

/// <summary>The management API's raise-event for DocumentsReceived: evidence, not names, on a real workflow host.</summary>
public sealed class RaiseDocumentsReceivedTests : IDisposable
{
    private readonly TempDirectory _data = new("raise");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RaiseEvent_DocumentNotStored_ShouldReturn400NamingItAndRaiseNothing()
    {
        await using var host = await StartPausedAsync("CLM-RAISE-1");
        var body = """{"documents":[{"type":"repair_estimate","filename":"estimate.pdf","location":"/tmp/anything"}],"source":"ops"}""";

        var result = await Service(host).RaiseEventAsync("CLM-RAISE-1", ClaimWorkflow.Events.DocumentsReceived, true, body);

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
        Assert.Contains("repair_estimate/estimate.pdf", Assert.Single(result.Problem!.Errors!["documents[0]"]), StringComparison.Ordinal);
        Assert.Equal(0, await host.CountRaisedDocumentsAsync("CLM-RAISE-1"));
    }

    [Fact]
    public async Task RaiseEvent_OneOfTwoDocumentsNotStored_ShouldRaiseNothing()
    {
        await using var host = await StartPausedAsync("CLM-RAISE-2");
        await StoreAsync(host, "CLM-RAISE-2", "repair_estimate", "estimate.pdf", "Estimate 900 USD");
        var body = """{"documents":[{"type":"repair_estimate","filename":"estimate.pdf"},{"type":"vehicle_damage_photos","filename":"front.jpg"}],"source":"ops"}""";

        var result = await Service(host).RaiseEventAsync("CLM-RAISE-2", ClaimWorkflow.Events.DocumentsReceived, true, body);

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
        Assert.Equal(["documents[1]"], result.Problem!.Errors!.Keys);
        Assert.Equal(0, await host.CountRaisedDocumentsAsync("CLM-RAISE-2"));
    }

    [Fact]
    public async Task RaiseEvent_StoredDocument_ShouldRaiseItWithWhatTheStoreRecords()
    {
        await using var host = await StartPausedAsync("CLM-RAISE-3");
        await StoreAsync(host, "CLM-RAISE-3", "repair_estimate", "estimate.pdf", "Estimate 900 USD");
        var body = """{"documents":[{"type":"repair_estimate","filename":"estimate.pdf","sha256":"forged","size":1}],"source":"ops"}""";

        var result = await Service(host).RaiseEventAsync("CLM-RAISE-3", ClaimWorkflow.Events.DocumentsReceived, true, body);
        var raised = await host.WaitForRaisedDocumentsAsync("CLM-RAISE-3");

        Assert.Equal(ApiResultKind.Accepted, result.Kind);
        var document = Assert.Single(raised.Documents);
        Assert.Equal(
            (16L, "application/pdf", Convert.ToHexStringLower(SHA256.HashData("Estimate 900 USD"u8)), "ops"),
            (document.Size, document.MediaType, document.Sha256, raised.Source));
        Assert.False(string.IsNullOrEmpty(document.Location));
    }

    [Fact]
    public async Task RaiseEvent_DocumentsReceivedNamingNoDocument_ShouldReturn400()
    {
        await using var host = await StartPausedAsync("CLM-RAISE-4");

        var result = await Service(host).RaiseEventAsync("CLM-RAISE-4", ClaimWorkflow.Events.DocumentsReceived, true, """{"documents":[],"source":"ops"}""");

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
    }

    [Fact]
    public async Task RaiseEvent_EventNameInOtherCase_ShouldStillRequireStoredDocuments()
    {
        await using var host = await StartPausedAsync("CLM-RAISE-5");
        var body = """{"documents":[{"type":"repair_estimate","filename":"estimate.pdf","location":"/tmp/x"}],"source":"ops"}""";

        var result = await Service(host).RaiseEventAsync("CLM-RAISE-5", "documentsreceived", true, body);

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
    }

    private static DurableManagementService Service(WorkflowHost host) => host.Services.GetRequiredService<DurableManagementService>();

    private async Task<WorkflowHost> StartPausedAsync(string claimId)
    {
        var host = await WorkflowHost.StartAsync(_data.Path);
        await host.SubmitAsync(TestClaims.Auto(claimId, documents: ["police_report"]));
        await host.WaitForPauseAsync(claimId);
        return host;
    }

    private static async Task StoreAsync(WorkflowHost host, string claimId, string type, string filename, string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await host.Documents.SaveAsync(claimId, type, filename, content);
    }
}
