using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>A claim that needs an adjuster shows its cause and the next steps, and one works end to end.</summary>
public sealed class NextStepsTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task StalledClaim_Closed_ShouldShowTheCauseThenTakeNoMoreActions()
    {
        var claimId = await SampleArranger.StartAsync(fixture.Host, SampleClaims.Get("CLM-SAMPLE-STALL"), "stalled");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(page.Locator("#next-steps-card")).ToBeVisibleAsync();
        await Expect(page.Locator("#claim-cause")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#action-reopen")).ToBeVisibleAsync();
        await Expect(page.Locator("#action-close")).ToBeVisibleAsync();
        await WorkQueueTests.ScreenshotAsync(console, "claim-stalled");
        await page.FillAsync("#action-adjuster", "Jordan Reyes");
        await page.ClickAsync("#action-close");

        await Expect(page.Locator("#next-steps-card")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("stalled");
        var claim = await new ClaimsApiDriver(fixture.Host.CreateClient()).GetAsync(claimId);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, claim.GetProperty("awaiting").ValueKind);
        console.AssertNoConsoleErrors();
    }
}
