using System.Net;
using System.Text;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>A host with small limits, so that the 413 paths are reached with small bodies.</summary>
public sealed class LimitsHostFixture : IAsyncLifetime
{
    public KestrelClaimsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KestrelClaimsHost.StartAsync(new TestHostOptions
    {
        Settings = new Dictionary<string, string> { ["Api:MaxDocumentBytes"] = "1024", ["Host:MaxRequestBodyBytes"] = "65536" },
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class LimitsTests(LimitsHostFixture fixture) : IClassFixture<LimitsHostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task SubmitDocuments_JsonDocumentOverLimit_ShouldReturn413AndStoreNothing()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var json = $$"""{"documents":[{"type":"receipts","filename":"big.pdf","contentBase64":"{{Convert.ToBase64String(new byte[4096])}}"}]}""";

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", TestClaims.Json(json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(["booking_confirmation"], TestClaims.StoredDocumentTypes(fixture.Host.DataDirectory, claimId));
    }

    [Fact]
    public async Task SubmitDocuments_MultipartFileOverLimit_ShouldReturn413()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[4096]), "receipts", "big.pdf" } };

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SubmitDocuments_DocumentOverLimit_ShouldSendProblemType()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[4096]), "receipts", "big.pdf" } };

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.14", (await response.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnyPost_BodyOverRequestLimit_ShouldReturn413Problem()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[200_000]), "receipts", "huge.pdf" } };

        using var response = await _client.PostAsync($"/api/claims/{claimId}/documents", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Review_MalformedJson_ShouldReturn400Problem()
    {
        using var response = await _client.PostAsync("/api/claims/ANY-1/review", new StringContent("{\"decision\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
