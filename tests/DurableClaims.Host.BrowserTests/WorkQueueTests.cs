using System.Net.Http.Headers;
using System.Text.Json;
using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>Issue 14: the work queue and the whole case on one page (screenshots under artifacts/console/).</summary>
public sealed class WorkQueueTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private readonly ClaimsApiDriver _api = new(fixture.Host.CreateClient());

    [Fact]
    public async Task ClaimsList_Default_ShouldShowNewestFirstWithViewCounts()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await StartPausedClaimAsync("CLM-ORDER"));
        }

        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{ids[2]}']")).ToBeVisibleAsync();

        var rows = await console.Page.Locator("#claims-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.claimId)");
        var positions = ids.Select(id => Array.IndexOf(rows, id)).ToList();
        Assert.True(positions[2] < positions[1] && positions[1] < positions[0], $"newest first: {string.Join(", ", rows)}");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{ids[0]}'] td[data-col=claimant]")).ToHaveTextAsync("Dana Whitfield");
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{ids[0]}'] td[data-col=waiting]")).ToHaveTextAsync("Documents");
        using var views = JsonDocument.Parse(await fixture.Host.CreateClient().GetStringAsync(new Uri("/api/claim-views", UriKind.Relative)));
        var total = views.RootElement.GetProperty("total").GetInt32();
        await Expect(console.Page.Locator("button.view-tab[data-view=all] .view-tab__count")).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync(console, "claims-list");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimsList_SortByClaimant_ShouldMarkTheColumnSorted()
    {
        await StartPausedClaimAsync("CLM-SORT");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        await Expect(console.Page.Locator("#claims-table")).ToBeVisibleAsync();

        await console.Page.ClickAsync("button.sort[data-sort=claimant]");

        await Expect(console.Page.Locator("th:has(button.sort[data-sort=claimant])")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Contains("sort=claimant", console.Page.Url, StringComparison.Ordinal);
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimPage_WithADocument_ShouldShowTheFactsAndOpenTheDocument()
    {
        var claimId = await StartPausedClaimAsync("CLM-FACTS");
        await UploadTextAsync(claimId, "police_report", "report.txt", "Police report 4411: rear bumper.");
        await _api.WaitForStatusAsync(claimId, "paused");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(page.Locator("#claim-facts [data-fact=claimant]")).ToContainTextAsync("Dana Whitfield");
        await Expect(page.Locator("#claim-facts [data-fact=policy]")).ToContainTextAsync("POL-AUTO-1001");
        await Expect(page.Locator("#fact-description")).ToContainTextAsync("Rear bumper");
        var link = page.Locator("#stored-documents a.doc-link", new() { HasText = "report.txt" });
        await Expect(link).ToBeVisibleAsync();
        await ScreenshotAsync(console, "claim-page");

        var popup = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await popup.WaitForLoadStateAsync();
        Assert.Contains("Police report 4411", await popup.ContentAsync(), StringComparison.Ordinal);
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ReviewClaim_Opened_ShouldShowTheAgentsRecommendationAndRiskFactors()
    {
        var claimId = await SampleArranger.StartAsync(fixture.Host, SampleClaims.Get("CLM-SAMPLE-REVIEW"), "paused");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync($"#/claims/{claimId}");

        await Expect(console.Page.Locator("#review-card")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#review-recommended")).Not.ToHaveTextAsync("none");
        await Expect(console.Page.Locator("#review-summary")).ToContainTextAsync("risk score");
        await ScreenshotAsync(console, "claim-review");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimPage_PhoneWidth_ShouldPutTheActionsAboveTheConversation()
    {
        var claimId = await StartPausedClaimAsync("CLM-PHONE");
        await using var console = await fixture.OpenAsync(390, 844);
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(console.Page.Locator("#claim-facts [data-fact=claimant]")).ToBeVisibleAsync();

        var actions = await console.Page.Locator("#claim-actions").BoundingBoxAsync();
        var conversation = await console.Page.Locator("#claim-history").BoundingBoxAsync();
        var facts = await console.Page.Locator("#facts-card").BoundingBoxAsync();

        Assert.True(facts!.Y < actions!.Y && actions.Y < conversation!.Y, $"facts {facts.Y}, actions {actions.Y}, conversation {conversation!.Y}");
        await ScreenshotAsync(console, "claim-phone", fullPage: false);
        console.AssertNoConsoleErrors();
    }

    private async Task<string> StartPausedClaimAsync(string prefix)
    {
        var claimId = await _api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId(prefix)), "application/json");
        await _api.WaitForStatusAsync(claimId, "paused");
        return claimId;
    }

    private async Task UploadTextAsync(string claimId, string type, string fileName, string text)
    {
        using var client = fixture.Host.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new StringContent(text);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, type, fileName);
        using var response = await client.PostAsync(new Uri($"/api/claims/{claimId}/documents", UriKind.Relative), form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Saves a screenshot to artifacts/console/{name}.png (git-ignored).</summary>
    internal static async Task ScreenshotAsync(ConsolePage console, string name, bool fullPage = true)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "console");
        Directory.CreateDirectory(folder);
        await console.Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }
}
