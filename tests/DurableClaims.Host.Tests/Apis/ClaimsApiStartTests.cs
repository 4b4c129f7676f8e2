using System.Net;
using System.Text;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed class ClaimsApiStartTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task StartClaim_ValidJson_ShouldReturn202WithLocationAndManagementPayload()
    {
        var claimId = TestClaims.NewId();

        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/claims/{claimId}", response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal(claimId, body.GetProperty("id").GetString());
        var baseUrl = fixture.Host.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal($"{baseUrl}/runtime/webhooks/durabletask/instances/{claimId}", body.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal($"{baseUrl}/runtime/webhooks/durabletask/instances/{claimId}/raiseEvent/{{eventName}}", body.GetProperty("sendEventPostUri").GetString());
        foreach (var name in new[] { "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.StartsWith($"{baseUrl}/runtime/webhooks/durabletask/instances/{claimId}", body.GetProperty(name).GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StartClaim_Markdown_ShouldReturn202AndRunTheClaim()
    {
        var claimId = TestClaims.NewId("MD");
        var markdown = $"""
            # Claim
            Claim ID: {claimId}
            Policy Number: POL-TRAVEL-5005
            Claim Type: travel
            Incident Date: 2026-11-02
            Amount: 300
            Currency: EUR

            ## Claimant
            Name: Amara Okafor
            Email: amara@example.com

            ## Description
            Lost luggage on the way back from Lisbon.
            """;

        using var response = await _client.PostAsync("/api/claims", new StringContent(markdown, Encoding.UTF8, "text/markdown"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s != "running");
        Assert.Equal(claimId, status.GetProperty("claimId").GetString());
    }

    [Fact]
    public async Task StartClaim_InvalidFields_ShouldReturn400ProblemNamingEachField()
    {
        var json = """{"claimId":"BAD-1","policyNumber":"POL-TRAVEL-5005","claimType":"travel","amount":-5,"currency":"EURO","claimant":{"name":"A","email":"not-an-email"},"description":"x"}""";

        using var response = await TestClaims.StartAsync(_client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "amount", "currency", "claimant.email", "incidentDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task StartClaim_Invalid_ShouldStoreNothing()
    {
        var json = """{"claimId":"NOTHING-STORED-1","policyNumber":"POL-TRAVEL-5005"}""";

        using var response = await TestClaims.StartAsync(_client, json);
        using var status = await _client.GetAsync("/api/claims/NOTHING-STORED-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task StartClaim_MalformedJson_ShouldReturn400Problem()
    {
        using var response = await TestClaims.StartAsync(_client, "{\"claimId\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartClaim_UnsupportedContentType_ShouldReturn415Problem()
    {
        using var response = await _client.PostAsync("/api/claims", new StringContent("<claim/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartClaim_BodyOverClaimLimit_ShouldReturn413Problem()
    {
        var json = TestClaims.TravelJson(TestClaims.NewId()).Replace("My flight", new string('x', 2 * 1024 * 1024), StringComparison.Ordinal);

        using var response = await TestClaims.StartAsync(_client, json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StartClaim_IdStillRunning_ShouldReturn409WithStatusUrl()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.EndsWith($"/runtime/webhooks/durabletask/instances/{claimId}", problem.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartClaim_IdOfFinishedClaim_ShouldReturn409WithItsStatusAndStatusUrl()
    {
        var claimId = await StartTerminatedAsync();

        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("error", problem.GetProperty("claimStatus").GetString());
        Assert.EndsWith($"/runtime/webhooks/durabletask/instances/{claimId}", problem.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.Contains($"DELETE /api/claims/{claimId}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartClaim_IdOfFinishedClaim_ShouldKeepTheFinishedInstance()
    {
        var claimId = await StartTerminatedAsync();

        (await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"))).Dispose();

        using var instance = await _client.GetAsync($"/runtime/webhooks/durabletask/instances/{claimId}");
        Assert.Equal("Terminated", (await instance.ReadJsonAsync()).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task StartClaim_IdWhoseInstanceAloneWasPurged_ShouldReturn409()
    {
        var claimId = await StartTerminatedAsync();
        using var purge = await _client.DeleteAsync($"/runtime/webhooks/durabletask/instances/{claimId}");
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);

        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(claimId, (await response.ReadJsonAsync()).GetProperty("claimId").GetString());
    }

    [Fact]
    public async Task StartClaim_IdDeletedThroughTheApi_ShouldReturn202()
    {
        var claimId = await StartTerminatedAsync();
        using var deleted = await _client.DeleteAsync($"/api/claims/{claimId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        using var response = await TestClaims.StartAsync(_client, TestClaims.TravelJson(claimId, 420m, "booking_confirmation"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Starts a claim, terminates it through the management API and waits until it shows as finished.</summary>
    private async Task<string> StartTerminatedAsync()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"/runtime/webhooks/durabletask/instances/{claimId}/terminate?reason=test", null)).Dispose();
        await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "error");
        return claimId;
    }
}
