using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The statistics page.</summary>
public sealed class StatisticsTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Stats_WithPausedClaims_ShouldCountThemAndDrawTheCharts()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient());
        for (var i = 0; i < 2; i++)
        {
            var claimId = await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-STATS")), "application/json");
            await api.WaitForStatusAsync(claimId, "paused");
        }

        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/stats");

        await Expect(console.Page.Locator("#status-counts tr[data-status=paused] td.num").First).ToHaveTextAsync("2");
        await Expect(console.Page.Locator("#status-counts tr[data-status=approved] td.num").First).ToHaveTextAsync("0");
        await Expect(console.Page.Locator("#status-chart")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#stats-kpis")).ToContainTextAsync("Success rate");
        await console.ScreenshotAsync("statistics");
        console.AssertNoConsoleErrors();
    }
}
