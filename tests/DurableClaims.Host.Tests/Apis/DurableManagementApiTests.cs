using System.Net;
using System.Text;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

public sealed partial class DurableManagementApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Instances = "/runtime/webhooks/durabletask/instances";
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task GetInstance_Running_ShouldReturn202WithLocationAndRetryAfter()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"{Instances}/{claimId}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Running", body.GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task GetInstance_Running_ShouldUseDurableFunctionsFieldNames()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"{Instances}/{claimId}");

        var body = await response.ReadJsonAsync();
        var names = body.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(names, new HashSet<string> { "name", "instanceId", "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime" });
        Assert.Equal(claimId, body.GetProperty("instanceId").GetString());
        Assert.Equal(claimId, body.GetProperty("input").GetProperty("claimId").GetString());
        Assert.Equal("paused", body.GetProperty("customStatus").GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("historyEvents", out _));
    }

    [Fact]
    public async Task GetInstance_Completed_ShouldReturn200()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"{Instances}/{claimId}/terminate?reason=test", null)).Dispose();
        await WaitForRuntimeStatusAsync(claimId, "Terminated");

        using var response = await _client.GetAsync($"{Instances}/{claimId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("test", (await response.ReadJsonAsync()).GetProperty("output").GetString());
    }

    [Fact]
    public async Task ListInstances_InvalidContinuationToken_ShouldReturn400NamingTheHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Instances);
        request.Headers.Add("x-ms-continuation-token", "not-a-token");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("x-ms-continuation-token", out _));
    }

    [Fact]
    public async Task GetInstance_Unknown_ShouldReturn404()
    {
        using var response = await _client.GetAsync($"{Instances}/no-such-instance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetInstance_ShowHistory_ShouldIncludeHistoryEvents()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"{Instances}/{claimId}?showHistory=true");

        var history = (await response.ReadJsonAsync()).GetProperty("historyEvents");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("EventType").GetString() == "ExecutionStarted");
    }

    [Fact]
    public async Task GetInstance_ShowInputFalse_ShouldLeaveInputNull()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"{Instances}/{claimId}?showInput=false");

        Assert.Equal(JsonValueKind.Null, (await response.ReadJsonAsync()).GetProperty("input").ValueKind);
    }

    [Fact]
    public async Task RaiseEvent_DocumentNamedWithoutStoredContent_ShouldReturn400AndLeaveItMissing()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        var payload = """{"documents":[{"type":"receipts","filename":"r.pdf"}],"source":"test"}""";

        using var response = await _client.PostAsync($"{Instances}/{claimId}/raiseEvent/DocumentsReceived", TestClaims.Json(payload));
        var status = await TestClaims.WaitForStatusAsync(_client, claimId, s => s == "paused");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["receipts"], status.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task RaiseEvent_NonJsonBody_ShouldReturn400()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"{Instances}/{claimId}/raiseEvent/DocumentsReceived", new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ShouldReturn404()
    {
        using var response = await _client.PostAsync($"{Instances}/no-such-instance/raiseEvent/Any", TestClaims.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_ShouldReturn410()
    {
        var claimId = await TerminatedClaimAsync();

        using var response = await _client.PostAsync($"{Instances}/{claimId}/raiseEvent/Any", TestClaims.Json("{}"));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }
}
