using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>The adjuster's next steps over HTTP: a timed-out claim keeps its status open until an adjuster decides, re-opens or closes it.</summary>
public sealed class AdjusterApiTests : IAsyncLifetime
{
    private KestrelClaimsHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Settings = new Dictionary<string, string> { ["Claims:DocumentDeadline"] = "00:00:02", ["Claims:ReminderInterval"] = "00:00:01" },
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task GetClaim_DocumentsNeverArrive_ShouldShowTimeoutWaitingForAnAdjusterWithItsActions()
    {
        var claimId = await StartTimedOutAsync();

        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "timeout");

        Assert.Equal(("adjuster", "Running"), (status.GetProperty("awaiting").GetString(), status.GetProperty("runtimeStatus").GetString()));
        Assert.Equal(["decide", "reopen", "close"], status.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("An adjuster can decide, reopen, close until", status.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_TimedOutClaim_ShouldEndItAsTimeout()
    {
        var claimId = await StartTimedOutAsync();

        using var response = await PostAsync(claimId, "close", new { adjuster = "ana", notes = "Customer withdrew." });
        var status = await WaitForRuntimeAsync(claimId, "Completed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("timeout", "documents_not_received"), (status.GetProperty("status").GetString(), status.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Reopen_TimedOutClaim_ShouldWaitForTheDocumentsAgainAndDecideWhenTheyArrive()
    {
        var claimId = await StartTimedOutAsync();

        using var reopen = await PostAsync(claimId, "reopen", new { adjuster = "ana", notes = "Receipts promised by phone." });
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "paused");
        using var documents = await TestClaims.PostDocumentsAsync(_client, claimId, "receipts");
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s is "approved" or "denied" or "stalled");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (reopen.StatusCode, documents.StatusCode));
        Assert.Equal("approved", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Retry_ClaimThatIsNotInError_ShouldAnswer409WithTheActionsItTakes()
    {
        var claimId = await StartTimedOutAsync();

        using var response = await PostAsync(claimId, "retry", new { adjuster = "ops" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["decide", "reopen", "close"], problem.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Reopen_UnknownDocumentType_ShouldAnswer400NamingIt()
    {
        var claimId = await StartTimedOutAsync();

        using var response = await PostAsync(claimId, "reopen", new { adjuster = "ana", documents = new[] { "selfie_with_cat" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("selfie_with_cat", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNote_AnyClaim_ShouldAppearOnItsTimeline()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await PostAsync(claimId, "notes", new { author = "ana", text = "Called the customer; receipts follow." });
        var events = await _client.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "note"
            && e.GetProperty("data").GetProperty("text").GetString() == "Called the customer; receipts follow.");
    }

    [Fact]
    public async Task Archive_OpenClaim_ShouldAnswer409()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/archive", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Review_TextBody_ShouldAnswer415()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"/api/claims/{claimId}/review", new StringContent("approve", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<string> StartTimedOutAsync()
    {
        var claimId = TestClaims.NewId("ADJ");
        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));
        response.EnsureSuccessStatusCode();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "timeout");
        return claimId;
    }

    private Task<HttpResponseMessage> PostAsync(string claimId, string action, object body)
        => _client.PostAsJsonAsync($"/api/claims/{claimId}/{action}", body);

    private async Task<JsonElement> WaitForRuntimeAsync(string claimId, string runtimeStatus)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = await _client.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}");
            if (status.GetProperty("runtimeStatus").GetString() == runtimeStatus)
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Claim {claimId} never became {runtimeStatus}.");
    }
}
