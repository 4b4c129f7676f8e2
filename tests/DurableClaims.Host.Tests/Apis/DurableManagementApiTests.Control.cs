using System.Net;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <content>Terminate, suspend, resume, purge and list.</content>
public sealed partial class DurableManagementApiTests
{
    [Fact]
    public async Task Terminate_Running_ShouldReturn202AndEndTerminated()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.PostAsync($"{Instances}/{claimId}/terminate?reason=because", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForRuntimeStatusAsync(claimId, "Terminated");
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Control_FinishedInstance_ShouldReturn410(string operation)
    {
        var claimId = await TerminatedClaimAsync();

        using var response = await _client.PostAsync($"{Instances}/{claimId}/{operation}?reason=x", null);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("suspend")]
    [InlineData("resume")]
    public async Task Control_UnknownInstance_ShouldReturn404(string operation)
    {
        using var response = await _client.PostAsync($"{Instances}/no-such-instance/{operation}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SuspendThenResume_Running_ShouldSwitchRuntimeStatus()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);

        using var suspend = await _client.PostAsync($"{Instances}/{claimId}/suspend?reason=hold", null);
        await WaitForRuntimeStatusAsync(claimId, "Suspended");
        using var resume = await _client.PostAsync($"{Instances}/{claimId}/resume?reason=go", null);

        Assert.Equal(HttpStatusCode.Accepted, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await WaitForRuntimeStatusAsync(claimId, "Running");
    }

    [Fact]
    public async Task Purge_FinishedInstance_ShouldReturn200WithInstancesDeleted()
    {
        var claimId = await TerminatedClaimAsync();

        using var response = await _client.DeleteAsync($"{Instances}/{claimId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("instancesDeleted").GetInt32());
        using var after = await _client.GetAsync($"{Instances}/{claimId}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Purge_UnknownInstance_ShouldReturn404()
    {
        using var response = await _client.DeleteAsync($"{Instances}/no-such-instance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task List_PagedWithTop_ShouldFollowContinuationTokenWithoutDuplicates()
    {
        var prefix = TestClaims.NewId("PG")[..12];
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await TestClaims.StartPausedAsync(_client, $"{prefix}-{i}"));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Instances}?instanceIdPrefix={prefix}&top=2");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            Assert.True(page.GetArrayLength() <= 2);
            seen.AddRange(page.EnumerateArray().Select(e => e.GetProperty("instanceId").GetString()!));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.First() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task List_RuntimeStatusFilter_ShouldReturnOnlyThoseStatuses()
    {
        var terminated = await TerminatedClaimAsync();
        var running = await TestClaims.StartPausedAsync(_client);

        using var response = await _client.GetAsync($"{Instances}?runtimeStatus=Terminated,Failed&top=1000");

        var items = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Contains(items, e => e.GetProperty("instanceId").GetString() == terminated);
        Assert.DoesNotContain(items, e => e.GetProperty("instanceId").GetString() == running);
        Assert.All(items, e => Assert.Contains(e.GetProperty("runtimeStatus").GetString(), new[] { "Terminated", "Failed" }));
    }

    [Theory]
    [InlineData("runtimeStatus=Sleeping")]
    [InlineData("top=0")]
    [InlineData("createdTimeFrom=yesterday")]
    public async Task List_InvalidQuery_ShouldReturn400Problem(string query)
    {
        using var response = await _client.GetAsync($"{Instances}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).TryGetProperty("errors", out _));
    }

    private async Task<string> TerminatedClaimAsync()
    {
        var claimId = await TestClaims.StartPausedAsync(_client);
        (await _client.PostAsync($"{Instances}/{claimId}/terminate?reason=test", null)).Dispose();
        await WaitForRuntimeStatusAsync(claimId, "Terminated");
        return claimId;
    }

    private async Task WaitForRuntimeStatusAsync(string instanceId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _client.GetAsync($"{Instances}/{instanceId}");
            last = (await response.ReadJsonAsync()).GetProperty("runtimeStatus").GetString();
            if (last == status)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{instanceId} stayed {last}, expected {status}");
    }
}
