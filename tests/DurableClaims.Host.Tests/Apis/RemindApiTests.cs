using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary><c>POST /api/claims/{id}/remind</c>: an adjuster reminds the customer of a claim waiting for documents (workflow version 2).</summary>
public sealed class RemindApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task GetClaim_WaitingForDocuments_ShouldOfferRemind()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        var status = await Client.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}");

        Assert.Equal(["remind"], status.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Remind_ClaimWaitingForDocuments_ShouldAnswer202AndCountTheReminder()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        using var response = await Client.PostAsJsonAsync($"/api/claims/{claimId}/remind", new { adjuster = "ana", notes = "Estimate, please." });
        var reminded = await WaitForRemindersAsync(claimId, 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("paused", "documents"), (reminded.GetProperty("status").GetString(), reminded.GetProperty("awaiting").GetString()));
    }

    [Fact]
    public async Task Remind_WithoutAnAdjuster_ShouldAnswer400NamingTheField()
    {
        var claimId = await TestClaims.StartPausedAsync(Client);

        using var response = await Client.PostAsJsonAsync($"/api/claims/{claimId}/remind", new { notes = "Anyone?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("adjuster", out _));
    }

    [Fact]
    public async Task Remind_UnknownClaim_ShouldAnswer404()
    {
        using var response = await Client.PostAsJsonAsync("/api/claims/CLM-NOBODY-9/remind", new { adjuster = "ana" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> WaitForRemindersAsync(string claimId, int reminders)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement status;
        do
        {
            status = await Client.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}");
            if (status.GetProperty("reminders").GetInt32() == reminders)
            {
                return status;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Claim {claimId} never counted {reminders} reminder(s): {status}");
    }
}
