using DurableClaims.Host.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The statistics page's rounds chart stays readable at phone and desktop widths: x labels never overlap, one time unit per axis.</summary>
public sealed class StatisticsChartTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>, IAsyncLifetime
{
    private const string TimeAxis = "async s => { const a = (await import('/js/components/per-claim-chart.js')).timeAxis(s); return a.ticks.map(a.format); }";

    private const int Claims = 16;

    /// <summary>Enough claims that every label at full width would overlap on a phone (once per host: xUnit runs this before each test).</summary>
    public async Task InitializeAsync()
    {
        using var client = fixture.Host.CreateClient();
        using var list = await client.GetAsync(new Uri("/api/claims?top=1", UriKind.Relative));
        var existing = int.Parse(list.Headers.GetValues("x-total-count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var api = new ClaimsApiDriver(client);
        var ids = new List<string>();
        for (var i = existing; i < Claims; i++)
        {
            ids.Add(await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-CHART")), "application/json"));
        }

        foreach (var id in ids)
        {
            await api.WaitForStatusAsync(id, "paused");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task RoundsChart_AtWidth_ShouldDrawXLabelsThatDoNotOverlap(int width)
    {
        await using var console = await fixture.OpenAsync(width, 900);
        await console.GotoAsync("#/stats");
        var labels = console.Page.Locator("#per-claim-chart text.x-label");
        await Expect(labels.First).ToBeVisibleAsync();

        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var label in await labels.AllAsync())
        {
            boxes.Add((await label.BoundingBoxAsync())!);
        }

        Assert.True(boxes.Count >= 2, $"{boxes.Count} labels");
        for (var i = 1; i < boxes.Count; i++)
        {
            Assert.True(boxes[i - 1].X + boxes[i - 1].Width <= boxes[i].X, $"label {i - 1} ends at {boxes[i - 1].X + boxes[i - 1].Width}, label {i} starts at {boxes[i].X}");
        }

        Assert.True(await console.Page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.querySelector('#per-claim-chart text.x-label')); return parseFloat(s.fontSize) * document.querySelector('#per-claim-chart').getScreenCTM().a >= 9; }"), "Labels are readable (at least 9 px on screen).");
        await WorkQueueTests.ScreenshotAsync(console, $"statistics-{width}", fullPage: true);
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task RoundsChart_PausedTimes_ShouldUseOneTimeUnitOnItsAxis()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/stats");
        var ticks = console.Page.Locator("#per-claim-chart text.tick-paused");
        await Expect(ticks).ToHaveCountAsync(5);

        var units = (await ticks.AllTextContentsAsync()).Select(t => t.Split(' ').Last()).Distinct().ToList();

        Assert.Single(units);
        console.AssertNoConsoleErrors();
    }

    [Theory]
    [InlineData(45, "s")]
    [InlineData(1500, "min")]
    [InlineData(30 * 3600, "h")]
    [InlineData(9 * 86400, "d")]
    public async Task TimeAxis_Range_ShouldPickOneUnitFromTheLargestValue(int maxSeconds, string unit)
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");

        var ticks = await console.Page.EvaluateAsync<string[]>(TimeAxis, maxSeconds);

        Assert.All(ticks, t => Assert.EndsWith(" " + unit, t, StringComparison.Ordinal));
        console.AssertNoConsoleErrors();
    }
}
