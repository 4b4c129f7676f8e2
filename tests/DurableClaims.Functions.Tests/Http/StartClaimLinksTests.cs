using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Functions.Tests.Http;

/// <summary>The management URLs the StartClaim trigger returns work where they point: Durable Functions' built-in API with its system key, never the caller's function key.</summary>
public sealed class StartClaimLinksTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task StartClaim_WithTheBindingsClient_ShouldReturn202WithDurableFunctionsLinksCarryingTheSystemKey()
    {
        var claimId = TestClaims.NewId();

        var response = await _app.StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation"), _app.BindingClient);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        var instance = $"{DurableClientBinding.BaseUrl}/instances/{claimId}";
        Assert.Equal(claimId, response.Member("id"));
        Assert.Equal($"{instance}?{DurableClientBinding.QueryString}", response.Member("statusQueryGetUri"));
        Assert.Equal($"{instance}/raiseEvent/{{eventName}}?{DurableClientBinding.QueryString}", response.Member("sendEventPostUri"));
        Assert.Equal($"{instance}/terminate?reason={{text}}&{DurableClientBinding.QueryString}", response.Member("terminatePostUri"));
        Assert.Equal($"/api/claims/{claimId}", response.Location);
    }

    [Fact]
    public async Task StartClaim_CallerSentAFunctionKey_ShouldNeverEchoItInTheResponse()
    {
        // Every request of TriggerHttp carries the caller's key as ?code= and x-functions-key.
        var bound = await _app.StartClaimAsync(TestClaims.TravelJson(TestClaims.NewId(), "booking_confirmation"), _app.BindingClient);
        var plain = await _app.StartClaimAsync(TestClaims.TravelJson(TestClaims.NewId(), "booking_confirmation"), _app.Client);

        Assert.All(new[] { bound, plain }, response =>
        {
            Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
            Assert.DoesNotContain(TriggerHttp.CallerKey, response.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(TriggerHttp.CallerKey, response.Location, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task StartClaim_WithAClientOutsideTheBinding_ShouldLinkToTheBuiltInApiOnTheRequestsHostWithoutAnyKey()
    {
        // A plain client has no base URL (Microsoft's helper throws "Base URL is null"): the request's base URL, no key.
        var claimId = TestClaims.NewId();

        var response = await _app.StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation"), _app.Client);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal($"{TriggerHttp.BaseUrl}/runtime/webhooks/durabletask/instances/{claimId}", response.Member("statusQueryGetUri"));
        Assert.DoesNotContain("code=", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartClaim_ExistingClaimId_ShouldReturn409WhoseStatusLinkCarriesTheSystemKey()
    {
        var claimId = TestClaims.NewId();
        await _app.StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation"), _app.BindingClient);

        var again = await _app.StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation"), _app.BindingClient);

        Assert.Equal(StatusCodes.Status409Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.ContentType);
        Assert.Equal($"{DurableClientBinding.BaseUrl}/instances/{claimId}?{DurableClientBinding.QueryString}", again.Member("statusQueryGetUri"));
        Assert.Equal($"{TriggerHttp.BaseUrl}/api/claims/{claimId}", again.Member("claimUri"));
        Assert.DoesNotContain(TriggerHttp.CallerKey, again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClaim_PausedForDocuments_ShouldShowTheMissingDocumentsAndAKeylessUploadUrl()
    {
        var claimId = await _app.StartPausedAsync();

        var status = await _app.GetClaimAsync(claimId, _app.BindingClient);

        Assert.Equal(StatusCodes.Status200OK, status.StatusCode);
        Assert.Equal("paused", status.Member("status"));
        Assert.Contains("receipts", status.Body.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"{TriggerHttp.BaseUrl}/api/claims/{claimId}/documents", status.Member("uploadUrl"));
        Assert.DoesNotContain(TriggerHttp.CallerKey, status.Text, StringComparison.Ordinal);
    }
}
