using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>Bulk actions on the list's filtered selection: the confirmation names how many claims; terminate asks why, remind who sends it; each acts on exactly those claims.</summary>
public sealed class BulkActionsTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task BulkTerminate_FilteredByIdPrefix_ShouldNameTheCountAndTerminateThoseClaims()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient());
        var prefix = InlineClaims.NewId("BULK");
        var other = await StartPausedAsync(api, InlineClaims.NewId("KEEP"));
        var selected = new[] { await StartPausedAsync(api, prefix + "-1"), await StartPausedAsync(api, prefix + "-2") };
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims?q={prefix}");
        await Expect(page.Locator("#claims-table tbody tr")).ToHaveCountAsync(2);

        await page.ClickAsync("#bulk-terminate");
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Terminate 2 claims?");
        await page.FillAsync("#bulk-reason", "Duplicate submissions from the portal outage");
        await dialog.Locator("button.btn--danger-solid").ClickAsync();

        foreach (var claimId in selected)
        {
            await api.WaitForStatusAsync(claimId, "error");
        }

        Assert.Equal("paused", (await api.GetAsync(other)).GetProperty("status").GetString());
        await Expect(page.Locator("#claims-table tbody tr[data-claim-id] .badge, #claims-table tbody tr[data-claim-id]").First).ToContainTextAsync("error");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task BulkTerminate_Cancelled_ShouldTerminateNothing()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient());
        var claimId = await StartPausedAsync(api, InlineClaims.NewId("BULKNO"));
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims?q={claimId}");
        await Expect(page.Locator("#claims-table tbody tr")).ToHaveCountAsync(1);

        await page.ClickAsync("#bulk-terminate");
        await Expect(page.Locator("dialog[open] h2")).ToHaveTextAsync("Terminate 1 claim?");
        await page.Keyboard.PressAsync("Escape");

        await Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);
        Assert.Equal("paused", (await api.GetAsync(claimId)).GetProperty("status").GetString());
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task BulkRemind_FilteredByIdPrefix_ShouldNameTheCountAndRemindEachCustomerOnce()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient());
        var prefix = InlineClaims.NewId("REMIND");
        var other = await StartPausedAsync(api, InlineClaims.NewId("QUIET"));
        var selected = new[] { await StartPausedAsync(api, prefix + "-1"), await StartPausedAsync(api, prefix + "-2") };
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims?q={prefix}");
        await Expect(page.Locator("#claims-table tbody tr")).ToHaveCountAsync(2);

        await page.ClickAsync("#bulk-remind");
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog.Locator("h2")).ToHaveTextAsync("Remind 2 claims?");
        await page.FillAsync("#bulk-adjuster", "Jordan Reyes");
        await page.FillAsync("#bulk-note", "We can settle as soon as the estimate arrives.");
        await dialog.Locator("button.btn--primary").ClickAsync();

        foreach (var claimId in selected)
        {
            await api.WaitForAsync(claimId, s => s.GetProperty("reminders").GetInt32() == 1);
        }

        Assert.Equal(0, (await api.GetAsync(other)).GetProperty("reminders").GetInt32());
        console.AssertNoConsoleErrors();
    }

    private static async Task<string> StartPausedAsync(ClaimsApiDriver api, string claimId)
    {
        await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(claimId), "application/json");
        await api.WaitForStatusAsync(claimId, "paused");
        return claimId;
    }
}
