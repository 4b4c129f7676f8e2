using System.Text.Json;
using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The claim page: letter, timeline, history, purge.</summary>
public sealed class ClaimPageTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private readonly ClaimsApiDriver _api = new(fixture.Host.CreateClient());

    [Fact]
    public async Task DeniedClaim_Opened_ShouldShowItsDenialLetter()
    {
        var claimId = await SampleArranger.StartAsync(fixture.Host, SampleClaims.Get("CLM-SAMPLE-DENY"), "denied");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(console.Page.Locator("#claim-status")).ToHaveTextAsync("denied");
        await Expect(console.Page.Locator("#package-title")).ToContainTextAsync("Denial letter");
        await Expect(console.Page.Locator("#package-card")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("package--denied"));
        await Expect(console.Page.Locator("#claim-package")).Not.ToBeEmptyAsync();
        Assert.Empty(await console.Page.Locator("#claim-package script").AllAsync());
        await console.ScreenshotAsync("claim-denied");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ReviewClaim_ApprovedByAdjuster_ShouldEndApprovedWithTheAdjusterNamed()
    {
        var claimId = await SampleArranger.StartAsync(fixture.Host, SampleClaims.Get("CLM-SAMPLE-REVIEW"), "paused");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#review-card")).ToBeVisibleAsync();
        await Expect(page.Locator("#upload-card")).ToBeHiddenAsync();
        await console.ScreenshotAsync("claim-review");

        await page.FillAsync("#review-adjuster", "Jordan Reyes");
        await page.FillAsync("#review-notes", "Called the claimant and the repairer; the damage is consistent with the police report.");
        await page.ClickAsync("#review-approve");

        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("approved", new() { Timeout = 120_000 });
        await Expect(page.Locator("#claim-reason")).ToHaveTextAsync("Approved by an adjuster");
        await Expect(page.Locator("#review-card")).ToBeHiddenAsync();
        await Expect(page.Locator("#claim-decision")).ToContainTextAsync("Jordan Reyes");
        await Expect(page.Locator("#package-title")).ToContainTextAsync("Hand-off package");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PausedClaim_Opened_ShouldDrawOneTimelineMarkerPerLifecycleEvent()
    {
        var claimId = await StartPausedClaimAsync("CLM-TIMELINE");
        using var events = JsonDocument.Parse(await fixture.Host.CreateClient().GetStringAsync(new Uri($"/api/claims/{claimId}/events", UriKind.Relative)));
        var count = events.RootElement.GetArrayLength();
        Assert.True(count > 0, "The paused claim has lifecycle events.");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(console.Page.Locator("#timeline-svg g.marker")).ToHaveCountAsync(count);
        await Expect(console.Page.Locator("#timeline-events li")).ToHaveCountAsync(count);
        await Expect(console.Page.Locator("#timeline-svg rect.lane--paused")).ToHaveCountAsync(1);
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Claim_Opened_ShouldGroupChatHistoryByAgent()
    {
        var claimId = await StartPausedClaimAsync("CLM-HISTORY");
        using var history = JsonDocument.Parse(await fixture.Host.CreateClient().GetStringAsync(new Uri($"/api/claims/{claimId}/history", UriKind.Relative)));
        var authors = history.RootElement.EnumerateArray().Select(m => m.GetProperty("author").GetString()).Distinct().ToList();
        Assert.NotEmpty(authors);
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(console.Page.Locator("#history-groups details.agent")).ToHaveCountAsync(authors.Count);
        foreach (var author in authors)
        {
            var expected = history.RootElement.EnumerateArray().Count(m => m.GetProperty("author").GetString() == author);
            await Expect(console.Page.Locator($"#history-groups details.agent[data-agent='{author}'] li.message")).ToHaveCountAsync(expected);
        }

        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task UploadZone_FilesDropped_ShouldListEachFileWithAGuessedType()
    {
        var claimId = await StartPausedClaimAsync("CLM-DROP");
        var missing = (await _api.GetAsync(claimId)).GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(missing.Count >= 2, "The inline claim misses at least two documents.");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(console.Page.Locator("#upload-card")).ToBeVisibleAsync();

        // Drop two files: one named after a missing type, one with a camera file name.
        await console.Page.EvaluateAsync(
            @"([named]) => {
                const transfer = new DataTransfer();
                transfer.items.add(new File(['text'], named + '.txt', { type: 'text/plain' }));
                transfer.items.add(new File(['jpeg'], 'IMG_2041.jpg', { type: 'image/jpeg' }));
                document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }",
            new[] { missing[1] });

        var selects = console.Page.Locator("#upload-files select.file-type");
        await Expect(selects).ToHaveCountAsync(2);
        await Expect(selects.Nth(0)).ToHaveValueAsync(missing[1]);
        await Expect(selects.Nth(1)).ToHaveValueAsync(missing[0]);
        await Expect(console.Page.Locator("#upload-submit")).ToHaveTextAsync("Upload 2 documents");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Purge_Confirmed_ShouldDeleteTheClaimAndReturnToTheList()
    {
        var claimId = await StartPausedClaimAsync("CLM-PURGE");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(console.Page.Locator("#claim-status")).ToHaveTextAsync("paused");

        await console.Page.ClickAsync("#delete-claim");
        var dialog = console.Page.Locator("dialog[open]");
        await Expect(dialog).ToContainTextAsync(claimId);
        await Expect(dialog.Locator("button", new() { HasText = "Cancel" })).ToBeFocusedAsync();
        await dialog.Locator(".btn--danger-solid").ClickAsync();

        await Expect(console.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/claims$"));
        using var response = await fixture.Host.CreateClient().GetAsync(new Uri($"/api/claims/{claimId}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        console.AssertNoConsoleErrors("status of 404");
    }

    [Fact]
    public async Task Purge_Cancelled_ShouldKeepTheClaim()
    {
        var claimId = await StartPausedClaimAsync("CLM-KEEP");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(console.Page.Locator("#claim-status")).ToHaveTextAsync("paused");

        await console.Page.ClickAsync("#delete-claim");
        await console.Page.Keyboard.PressAsync("Escape");

        await Expect(console.Page.Locator("dialog[open]")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator("#delete-claim")).ToBeFocusedAsync();
        var claim = await _api.GetAsync(claimId);
        Assert.Equal("paused", claim.GetProperty("status").GetString());
        console.AssertNoConsoleErrors();
    }

    private async Task<string> StartPausedClaimAsync(string prefix)
    {
        var claimId = await _api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId(prefix)), "application/json");
        await _api.WaitForStatusAsync(claimId, "paused");
        return claimId;
    }
}
