using DurableClaims.Host.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The new-claim form: problem-details errors appear next to their fields; a valid claim opens its page.</summary>
public sealed class NewClaimFormTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    /// <summary>A 400 answer is the expected outcome here; Chromium logs every failed fetch.</summary>
    private const string BadRequestLog = "status of 400";

    [Fact]
    public async Task Submit_InvalidEmail_ShouldShowErrorNextToEmailField()
    {
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync("#/new");
        await FillValidClaimAsync(page);
        await page.FillAsync("#f-claimant-email", "not-an-email");
        await page.ClickAsync("#submit-fields");

        var email = page.Locator("#f-claimant-email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await email.GetAttributeAsync("aria-describedby") ?? string.Empty;
        Assert.Contains("f-claimant-email-error", describedBy.Split(' '));
        await Expect(page.Locator("#f-claimant-email-error .field-error")).ToContainTextAsync("mail");
        await Expect(page.Locator("#f-policyNumber")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToBeFocusedAsync();
        await console.ScreenshotAsync("new-claim-errors");
        console.AssertNoConsoleErrors(BadRequestLog);
    }

    [Fact]
    public async Task Submit_InvalidMarkdown_ShouldListErrorsUnderTheMarkdownField()
    {
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync("#/new");
        await page.ClickAsync("#tab-markdown");
        await page.FillAsync("#claim-markdown", "# Claim\n\nNothing useful here.\n");
        await page.ClickAsync("#submit-markdown");

        var markdown = page.Locator("#claim-markdown");
        await Expect(markdown).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#claim-markdown-error .field-error").First).ToBeVisibleAsync();
        Assert.Contains("claim-markdown-error", (await markdown.GetAttributeAsync("aria-describedby") ?? string.Empty).Split(' '));
        await Expect(page.Locator("#claim-markdown-error")).ToContainTextAsync("policyNumber");
        console.AssertNoConsoleErrors(BadRequestLog);
    }

    [Fact]
    public async Task Submit_ValidFields_ShouldOpenTheNewClaimPage()
    {
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        var claimId = InlineClaims.NewId("CLM-FORM");
        await console.GotoAsync("#/new");
        await FillValidClaimAsync(page);
        await page.FillAsync("#f-claimId", claimId);
        await page.ClickAsync("#submit-fields");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/claims/{claimId}$"));
        await Expect(page.Locator("#claim-title")).ToHaveTextAsync(claimId);
        await Expect(page.Locator("#claim-status .badge")).ToBeVisibleAsync();
        console.AssertNoConsoleErrors();
    }

    private static async Task FillValidClaimAsync(IPage page)
    {
        await page.FillAsync("#f-policyNumber", "POL-AUTO-1001");
        await page.FillAsync("#f-claimType", "auto");
        await page.FillAsync("#f-incidentDate", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#f-amount", "1800");
        await page.FillAsync("#f-claimant-name", "Dana Whitfield");
        await page.FillAsync("#f-claimant-email", "dana@example.com");
        await page.FillAsync("#f-description", "Rear bumper damaged in a parking lot.");
    }
}
