using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>A host on the local folder store whose documents may be at most 1 KiB, for the intake's blob checks.</summary>
public sealed class SmallDocumentsHostFixture : IAsyncLifetime
{
    public const int MaxDocumentBytes = 1024;

    public KestrelClaimsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KestrelClaimsHost.StartAsync(new TestHostOptions
    {
        Settings = new Dictionary<string, string> { ["Api:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>A blob-created event is news, not evidence: the blob must exist in our store, for that claim, within the size limit.</summary>
public sealed class IntakeChecksHttpTests(SmallDocumentsHostFixture fixture) : IClassFixture<SmallDocumentsHostFixture>
{
    private const string Route = "/api/events/blob-created";

    private KestrelClaimsHost Host => fixture.Host;

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobThatDoesNotExist_ShouldBeRefused()
    {
        var claimId = await TestClaims.StartPausedAsync(Host.Client);

        var result = await PostEventAsync(claimId, "receipts", "never-uploaded.pdf");

        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        Assert.Equal(0, result.GetProperty("raised").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobStoredForAnotherClaim_ShouldBeRefused()
    {
        var owner = await TestClaims.StartPausedAsync(Host.Client);
        var other = await TestClaims.StartPausedAsync(Host.Client);
        WriteDocument(owner, "receipts", "hotel.pdf", 100);

        var result = await PostEventAsync(other, "receipts", "hotel.pdf");

        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        Assert.Equal("paused", (await (await Host.Client.GetAsync($"/api/claims/{other}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobOverTheSizeLimit_ShouldBeRefusedAndRemoved()
    {
        var claimId = await TestClaims.StartPausedAsync(Host.Client);
        var path = WriteDocument(claimId, "receipts", "huge.pdf", SmallDocumentsHostFixture.MaxDocumentBytes + 1);

        var result = await PostEventAsync(claimId, "receipts", "huge.pdf");

        Assert.Equal(1, result.GetProperty("refused").GetInt32());
        Assert.False(File.Exists(path));
    }

    [Fact(Timeout = 60_000)]
    public async Task BlobCreated_BlobStoredForTheClaim_ShouldRaise()
    {
        var claimId = await TestClaims.StartPausedAsync(Host.Client);
        WriteDocument(claimId, "receipts", "hotel.pdf", 100);

        var result = await PostEventAsync(claimId, "receipts", "hotel.pdf");

        Assert.Equal(1, result.GetProperty("raised").GetInt32());
    }

    private string WriteDocument(string claimId, string type, string fileName, int size)
    {
        var folder = Path.Combine(Host.DataDirectory, "claim-documents", claimId, type);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', size).ToArray());
        return path;
    }

    private async Task<System.Text.Json.JsonElement> PostEventAsync(string claimId, string type, string fileName)
    {
        var body = EventPayloads.EventGridBlobCreated(EventPayloads.BlobUrl(claimId, type, fileName), "0x" + Guid.NewGuid().ToString("N")[..8]);
        using var response = await Host.Client.PostAsync(Route, TestClaims.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
