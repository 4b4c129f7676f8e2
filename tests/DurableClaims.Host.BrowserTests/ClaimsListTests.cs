using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The claims list: status chips, id search, paging and live refresh.</summary>
public sealed class ClaimsListTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private readonly ClaimsApiDriver _api = new(fixture.Host.CreateClient());

    [Fact]
    public async Task StatusChip_Paused_ShouldListOnlyPausedClaims()
    {
        var paused = await StartPausedClaimAsync();
        var denied = await StartDeniedClaimAsync();
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{denied}']")).ToBeVisibleAsync();

        await console.Page.ClickAsync("button.chip[data-status=paused]");

        await Expect(console.Page.Locator("button.chip[data-status=paused]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{denied}']")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{paused}']")).ToBeVisibleAsync();
        var statuses = await console.Page.Locator("#claims-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.All(statuses, s => Assert.Equal("paused", s));
        Assert.Contains("status=paused", console.Page.Url, StringComparison.Ordinal);
        await console.ScreenshotAsync("claims-list-paused");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Search_ClaimId_ShouldListOnlyThatClaim()
    {
        var wanted = await StartPausedClaimAsync();
        var other = await StartPausedClaimAsync();
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{other}']")).ToBeVisibleAsync();

        await console.Page.FillAsync("#claim-search", wanted);
        await console.Page.Keyboard.PressAsync("Enter");

        await Expect(console.Page.Locator("#claims-table tbody tr")).ToHaveCountAsync(1);
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{wanted}']")).ToBeVisibleAsync();
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Paging_NextPage_ShouldFollowTheContinuationToken()
    {
        for (var i = 0; i < 6; i++)
        {
            await StartPausedClaimAsync();
        }

        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims?top=5");
        await Expect(console.Page.Locator("#claims-table tbody tr")).ToHaveCountAsync(5);
        var firstPage = await RowIdsAsync(console);

        await console.Page.ClickAsync("button:has-text('Next')");

        await Expect(console.Page.Locator(".pager")).ToContainTextAsync("Page 2");
        var secondPage = await RowIdsAsync(console);
        Assert.NotEmpty(secondPage);
        Assert.Empty(secondPage.Intersect(firstPage));
        await console.Page.ClickAsync("button:has-text('Previous')");
        await Expect(console.Page.Locator(".pager")).ToContainTextAsync("Page 1");
        Assert.Equal(firstPage, await RowIdsAsync(console));
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task LiveRefresh_ClaimStartedElsewhere_ShouldAppearWithoutReload()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator("#claims-results")).Not.ToContainTextAsync("Loading");

        var claimId = await _api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-LIVE")), "application/json");

        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{claimId}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        console.AssertNoConsoleErrors();
    }

    private static async Task<string[]> RowIdsAsync(ConsolePage console)
        => await console.Page.Locator("#claims-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.claimId)");

    private async Task<string> StartPausedClaimAsync()
    {
        var claimId = await _api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-LIST")), "application/json");
        await _api.WaitForStatusAsync(claimId, "paused");
        return claimId;
    }

    private Task<string> StartDeniedClaimAsync()
        => SampleArranger.StartAsync(fixture.Host, SampleClaims.Get("CLM-SAMPLE-DENY"), "denied");
}
