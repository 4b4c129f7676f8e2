using DurableClaims.Host.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The claim page follows its claim by server-sent events, and polls when the host has no stream (the Functions app).</summary>
public sealed class LiveUpdatesTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Settled = new() { Timeout = 120_000 };

    [Fact]
    public async Task ClaimPage_DocumentsPostedThroughApi_ShouldShowApprovedFromTheStreamWithoutReload()
    {
        var (claimId, documents) = await StartPausedAsync("CLM-SAMPLE-APPROVE");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("paused");
        await Expect(page.Locator("#view [data-live]")).ToHaveAttributeAsync("data-live", "stream");

        // From here on, the page may learn the new status only from the stream: a poll would read the claim itself.
        var claimReads = 0;
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == $"/api/claims/{claimId}")
            {
                Interlocked.Increment(ref claimReads);
            }
        };
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await new ClaimsApiDriver(fixture.Host.CreateClient()).UploadAsync(claimId, documents);

        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("approved", Settled);
        Assert.Equal(0, Volatile.Read(ref claimReads));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded.");
        await Expect(page.Locator("#view [data-live]")).ToHaveAttributeAsync("data-live", "stream");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimPage_StreamRouteMissing_ShouldFallBackToPolling()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient());
        var claimId = await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("LIVE")), "application/json");
        await api.WaitForStatusAsync(claimId, "paused");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;

        // As on the Functions app, which serves no stream routes.
        await page.RouteAsync("**/api/claims/*/stream*", route => route.FulfillAsync(new() { Status = 404, ContentType = "application/problem+json", Body = "{}" }));
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(page.Locator("#view [data-live]")).ToHaveAttributeAsync("data-live", "poll");
        await page.WaitForRequestAsync(r => new Uri(r.Url).AbsolutePath == $"/api/claims/{claimId}", new() { Timeout = 20_000 });
        console.AssertNoConsoleErrors("404");
    }

    private async Task<(string ClaimId, IReadOnlyList<(string Type, string Path)> Documents)> StartPausedAsync(string sampleId)
    {
        var sample = SampleClaims.Get(sampleId);
        var claimId = await SampleArranger.StartAsync(fixture.Host, sample, "paused");
        var missing = (await new ClaimsApiDriver(fixture.Host.CreateClient()).GetAsync(claimId))
            .GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()!).ToArray();
        return (claimId, sample.DocumentsOfTypes(missing).Select(path => (SampleClaim.TypeOf(path), path)).ToList());
    }
}
