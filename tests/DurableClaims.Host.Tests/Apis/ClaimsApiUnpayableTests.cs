using System.Net;
using System.Text.Json.Nodes;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>A claim that no document could make payable is refused at submission (422) instead of waiting weeks for documents.</summary>
public sealed class ClaimsApiUnpayableTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = fixture.Host.Client;

    [Fact]
    public async Task StartClaim_PolicyNotOnFile_ShouldReturn422NamingThePolicyAndStoreNothing()
    {
        var claimId = TestClaims.NewId("NP");
        var claim = JsonNode.Parse(TestClaims.TravelJson(claimId))!;
        claim["policyNumber"] = "POL-TRAVEL-9999";

        using var response = await TestClaims.StartAsync(_client, claim.ToJsonString());
        using var status = await _client.GetAsync(new Uri($"/api/claims/{claimId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("POL-TRAVEL-9999", problem.GetProperty("errors").GetProperty("policyNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task StartClaim_CurrencyOtherThanThePolicys_ShouldReturn422NamingThePolicyCurrency()
    {
        var claim = JsonNode.Parse(TestClaims.TravelJson(TestClaims.NewId("CUR")))!;
        claim["currency"] = "USD";

        using var response = await TestClaims.StartAsync(_client, claim.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("EUR", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("currency")[0].GetString(), StringComparison.Ordinal);
    }
}
