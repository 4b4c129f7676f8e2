using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>Every page loads without console errors, on a desktop and on a phone-sized screen.</summary>
public sealed class ConsoleErrorsTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Theory]
    [InlineData("#/claims", "claims-list")]
    [InlineData("#/claims/{paused}", "claim-page")]
    [InlineData("#/stats", "stats")]
    [InlineData("#/new", "new")]
    [InlineData("#/nowhere", "not-found")]
    public async Task Page_Visited_ShouldLogNoConsoleErrors(string route, string name)
    {
        if (route.Contains("{paused}", StringComparison.Ordinal))
        {
            var api = new ClaimsApiDriver(fixture.Host.CreateClient());
            var claimId = await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-PAGE")), "application/json");
            await api.WaitForStatusAsync(claimId, "paused");
            route = route.Replace("{paused}", claimId, StringComparison.Ordinal);
        }

        await using var console = await fixture.OpenAsync();
        await console.GotoAsync(route);
        await Expect(console.Page.Locator(".skeleton")).ToHaveCountAsync(0);
        await console.Page.WaitForTimeoutAsync(500);
        await console.ScreenshotAsync($"page-{name}");

        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimsList_PhoneScreen_ShouldNotScrollSideways()
    {
        await using var console = await fixture.OpenAsync(width: 390, height: 844);
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator(".skeleton")).ToHaveCountAsync(0);

        var overflow = await console.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        await console.ScreenshotAsync("claims-list-phone");
        Assert.False(overflow, "The page is wider than a 390px screen.");
        console.AssertNoConsoleErrors();
    }
}
