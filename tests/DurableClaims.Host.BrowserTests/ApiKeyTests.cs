using DurableClaims.Host.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>A host with function keys on: the console sends the key the adjuster saved.</summary>
public sealed class ApiKeyTests(KeyedConsoleFixture fixture) : IClassFixture<KeyedConsoleFixture>
{
    [Fact]
    public async Task ClaimsList_NoKeySaved_ShouldAskForTheKey()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");

        var notice = console.Page.Locator("#claims-results .notice--error");
        await Expect(notice).ToContainTextAsync("access key your administrator gave you");
        await Expect(notice).Not.ToContainTextAsync("x-functions-key");
        await Expect(notice).Not.ToContainTextAsync("query parameter");
        console.AssertNoConsoleErrors("status of 401");
    }

    [Fact]
    public async Task KeyDialog_Opened_ShouldAskInPlainWords()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");

        await console.Page.ClickAsync("#settings-open");

        var dialog = console.Page.Locator("#settings-dialog");
        await Expect(dialog).ToContainTextAsync("This console needs the access key your administrator gave you.");
        await Expect(dialog).Not.ToContainTextAsync("x-functions-key");
        await Expect(console.Page.GetByRole(Microsoft.Playwright.AriaRole.Textbox, new() { Name = "Access key" })).ToBeVisibleAsync();
        console.AssertNoConsoleErrors("status of 401");
    }

    [Fact]
    public async Task ClaimsList_KeySaved_ShouldListClaimsWithTheKeyHeader()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient(KeyedConsoleFixture.Key));
        var claimId = await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-KEY")), "application/json");
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");

        await console.Page.ClickAsync("#settings-open");
        await console.Page.FillAsync("#settings-key", KeyedConsoleFixture.Key);
        var request = console.Page.WaitForRequestAsync(r => r.Url.Contains("/api/claims", StringComparison.Ordinal) && r.Headers.ContainsKey("x-functions-key"));
        await console.Page.ClickAsync("#settings-form button[type=submit]");

        Assert.Equal(KeyedConsoleFixture.Key, (await request).Headers["x-functions-key"]);
        await Expect(console.Page.Locator($"#claims-table tr[data-claim-id='{claimId}']")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#key-indicator")).ToBeVisibleAsync();
        console.AssertNoConsoleErrors("status of 401");
    }
}
