using DurableClaims.Host.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>A sample claim taken end to end through the console, as an adjuster would.</summary>
public sealed class ClaimJourneyTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task SampleClaim_SubmittedAndCompletedThroughConsole_ShouldEndApprovedWithPackage()
    {
        // The sample that pauses for documents and is approved once they arrive; the document it
        // names is already in the document store, as the customer portal's upload would leave it.
        var sample = SampleClaims.Get("CLM-SAMPLE-APPROVE");
        Assert.Equal("approved", sample.ExpectedStatus);
        await SampleArranger.StoreNamedDocumentsAsync(fixture.Host, sample);
        await using var console = await fixture.OpenAsync();
        var page = console.Page;

        // Submit the sample through the form (paste/load tab).
        await console.GotoAsync("#/new");
        await page.ClickAsync("#tab-markdown");
        await page.SetInputFilesAsync("#claim-markdown-file", sample.ClaimFile);
        await Expect(page.Locator("#claim-markdown")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(sample.ClaimId));
        await console.ScreenshotAsync("new-claim");
        await page.ClickAsync("#submit-markdown");

        // Paused, with its missing documents listed.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/claims/{sample.ClaimId}$"));
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("paused", new() { Timeout = 120_000 });
        await Expect(page.Locator("#claim-reason")).ToContainTextAsync("documents");
        var missing = await page.Locator("#missing-documents li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.type)");
        Assert.NotEmpty(missing);
        var apiMissing = (await new ClaimsApiDriver(fixture.Host.CreateClient()).GetAsync(sample.ClaimId))
            .GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(apiMissing, missing);
        await Expect(page.Locator("#upload-card")).ToBeVisibleAsync();
        await console.ScreenshotAsync("claim-paused");

        // Upload the missing documents through the page, one type per file.
        var files = sample.DocumentsOfTypes(missing);
        Assert.Equal(missing.Length, files.Count);
        await page.SetInputFilesAsync("#upload-form input[type=file]", files);
        foreach (var file in files)
        {
            var select = page.Locator($"select.file-type[data-file='{Path.GetFileName(file)}']");
            if (await select.InputValueAsync() != SampleClaim.TypeOf(file))
            {
                await select.SelectOptionAsync(SampleClaim.TypeOf(file));
            }
        }

        await page.ClickAsync("#upload-submit");

        // Approved, with its hand-off package rendered from Markdown.
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("approved", new() { Timeout = 120_000 });
        await Expect(page.Locator("#package-card")).ToBeVisibleAsync();
        await Expect(page.Locator("#package-title")).ToContainTextAsync("Hand-off package");
        await Expect(page.Locator("#claim-package h1, #claim-package h2").First).ToBeVisibleAsync();
        await Expect(page.Locator("#missing-documents")).ToHaveTextAsync("Nothing missing.");
        await Expect(page.Locator("#timeline-events li[data-type=complete]")).ToHaveCountAsync(1);
        await console.ScreenshotAsync("claim-approved");
        await console.ScreenshotAsync("claim-approved-top", fullPage: false);
        console.AssertNoConsoleErrors();
    }
}
