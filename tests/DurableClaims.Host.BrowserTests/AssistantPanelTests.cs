using System.Text.Json;
using System.Text.RegularExpressions;
using DurableClaims.Host.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DurableClaims.Host.BrowserTests;

/// <summary>Issue 16: the "Ask about this claim" panel on the claim page, with the offline assistant (screenshots under artifacts/console/assistant-*).</summary>
public sealed partial class AssistantPanelTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    /// <summary>Counts how many times the streaming answer's text was redrawn (once per chunk that arrived on its own).</summary>
    private const string CountAnswerRedraws = """
        () => {
          window.__answerRedraws = 0;
          new MutationObserver((records) => {
            window.__answerRedraws += records.filter(r => r.type === 'childList' && r.target.matches?.('.assistant-answer[aria-busy]')).length;
          }).observe(document.getElementById('assistant-history'), { childList: true, subtree: true });
        }
        """;

    /// <summary>Hands the page the answer's stream one event at a time, 300 ms apart, and ends it at once when the request is aborted.</summary>
    private const string SlowAnswers = """
        (() => {
          const original = window.fetch;
          window.fetch = async (input, init) => {
            const response = await original(input, init);
            if (!String(input).endsWith('/messages') || !response.ok) return response;
            const decoder = new TextDecoder();
            const encoder = new TextEncoder();
            let stream;
            const slow = new TransformStream({
              start(controller) { stream = controller; },
              async transform(chunk, controller) {
                for (const part of decoder.decode(chunk, { stream: true }).split(/(?<=\n\n)/)) {
                  controller.enqueue(encoder.encode(part));
                  await new Promise(resolve => setTimeout(resolve, 300));
                }
              },
            });
            init?.signal?.addEventListener('abort', () => stream.error(new DOMException('The user aborted a request.', 'AbortError')));
            return new Response(response.body.pipeThrough(slow), { status: response.status, headers: response.headers });
          };
        })();
        """;

    private readonly ClaimsApiDriver _api = new(fixture.Host.CreateClient());

    [Fact]
    public async Task Ask_MissingDocumentsOnAPausedClaim_ShouldStreamTheAnswerWithSourcesAndKeepItAfterReload()
    {
        var (claimId, missing) = await StartPausedClaimAsync("CLM-ASK");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#assistant-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#assistant-readonly")).ToHaveTextAsync("Answers come from this claim's records; the assistant never changes the claim.");
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#assistant-suggestions button")).ToHaveCountAsync(4);
        await Expect(page.Locator("#assistant-suggestions")).ToContainTextAsync("Why is this claim paused?");
        await page.EvaluateAsync(CountAnswerRedraws);

        await page.FillAsync("#assistant-question", "What documents are still missing?");
        await page.PressAsync("#assistant-question", "Enter");

        var answer = page.Locator("#assistant-turns .assistant-turn--answer").Last;
        await Expect(answer).ToHaveAttributeAsync("data-message-id", MessageId());
        await Expect(answer.Locator(".assistant-answer")).ToContainTextAsync(missing[0]);
        await Expect(answer.Locator(".assistant-answer")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(answer.Locator(".assistant-answer")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(answer.Locator(".assistant-sources li[data-kind=claim]")).ToHaveTextAsync("Claim status");
        await Expect(page.Locator("#assistant-question")).ToBeEnabledAsync();
        await Expect(page.Locator("#assistant-question")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#assistant-question")).ToBeFocusedAsync();
        await Expect(page.Locator("#assistant-stop")).ToBeHiddenAsync();
        await Expect(page.Locator("#assistant-suggestions")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<int>("() => window.__answerRedraws") > 1, "The answer was drawn in one piece, not as it streamed.");
        await WorkQueueTests.ScreenshotAsync(console, "assistant-answer");

        await page.ReloadAsync();

        await Expect(page.Locator("#assistant-turns .assistant-turn--question")).ToHaveTextAsync(new Regex("What documents are still missing\\?"));
        await Expect(page.Locator("#assistant-turns .assistant-turn--answer .assistant-answer")).ToContainTextAsync(missing[0]);
        await Expect(page.Locator("#assistant-turns .assistant-turn--answer .assistant-sources li[data-kind=claim]")).ToHaveTextAsync("Claim status");
        await Expect(page.Locator("#assistant-conversation option:checked")).ToContainTextAsync("What documents are still missing?");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Ask_EmptyQuestion_ShouldShowTheErrorAndSendNothing()
    {
        var (claimId, _) = await StartPausedClaimAsync("CLM-EMPTY");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/conversations", StringComparison.Ordinal))
            {
                posts.Add(request.Url);
            }
        };
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();

        await page.FillAsync("#assistant-question", "   ");
        await page.PressAsync("#assistant-question", "Enter");

        await Expect(page.Locator("#assistant-error")).ToHaveTextAsync(new Regex("Type a question first\\."));
        await Expect(page.Locator("#assistant-question")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#assistant-question")).ToBeFocusedAsync();
        await page.ClickAsync("#assistant-ask");
        await Expect(page.Locator("#assistant-error")).ToHaveTextAsync(new Regex("Type a question first\\."));
        Assert.Empty(posts);
        Assert.Equal(0, (await ListConversationsAsync(claimId)).GetArrayLength());
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Ask_QuestionOverTheLimit_ShouldShowTheProblemDetailAndKeepNoConversation()
    {
        var (claimId, _) = await StartPausedClaimAsync("CLM-LONG");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();

        await page.FillAsync("#assistant-question", new string('a', 4001));
        await page.ClickAsync("#assistant-ask");

        await Expect(page.Locator("#assistant-error")).ToContainTextAsync("At most 4000 characters (was 4001).");
        await Expect(page.Locator("#assistant-question")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#assistant-question")).ToHaveValueAsync(new string('a', 4001));
        await Expect(page.Locator("#assistant-question")).ToBeEnabledAsync();
        await Expect(page.Locator("#assistant-conversation option")).ToHaveCountAsync(1);
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();
        Assert.Equal(0, (await ListConversationsAsync(claimId)).GetArrayLength());
        console.AssertNoConsoleErrors("status of 400");
    }

    [Fact]
    public async Task Stop_WhileTheAnswerStreams_ShouldStopReadingThenShowTheAnswerTheHostStored()
    {
        var (claimId, missing) = await StartPausedClaimAsync("CLM-STOP");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await page.Context.AddInitScriptAsync(SlowAnswers);
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();

        await page.FillAsync("#assistant-question", "What documents are still missing?");
        await page.PressAsync("#assistant-question", "Enter");
        await Expect(page.Locator("#assistant-streaming .assistant-answer")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#assistant-question")).ToBeDisabledAsync();
        await Expect(page.Locator("#assistant-stop")).ToBeFocusedAsync();
        await page.ClickAsync("#assistant-stop");

        await Expect(page.Locator("#assistant-stop")).ToBeHiddenAsync();
        await Expect(page.Locator("#assistant-question")).ToBeEnabledAsync();
        var answer = page.Locator("#assistant-turns .assistant-turn--answer");
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(answer).ToHaveAttributeAsync("data-message-id", MessageId());
        await Expect(answer.Locator(".assistant-answer")).ToContainTextAsync(missing[^1]);
        await Expect(answer.Locator(".assistant-sources li[data-kind=claim]")).ToHaveTextAsync("Claim status");
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task DeleteConversation_AfterASuggestedQuestion_ShouldRemoveItFromTheList()
    {
        var (claimId, _) = await StartPausedClaimAsync("CLM-FORGET");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await page.ClickAsync("#assistant-suggestions button:has-text('When is the deadline?')");
        await Expect(page.Locator("#assistant-turns .assistant-turn--answer").Last).ToHaveAttributeAsync("data-message-id", MessageId());
        await Expect(page.Locator("#assistant-conversation option")).ToHaveCountAsync(2);
        Assert.Equal(1, (await ListConversationsAsync(claimId)).GetArrayLength());

        await page.ClickAsync("#assistant-delete");
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog).ToContainTextAsync("When is the deadline?");
        await Expect(dialog.Locator("button", new() { HasText = "Cancel" })).ToBeFocusedAsync();
        await dialog.Locator(".btn--danger-solid").ClickAsync();

        await Expect(page.Locator("#assistant-conversation option")).ToHaveCountAsync(1);
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#assistant-delete")).ToBeDisabledAsync();
        await Expect(page.Locator("#assistant-conversation")).ToBeFocusedAsync();
        Assert.Equal(0, (await ListConversationsAsync(claimId)).GetArrayLength());
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ClaimPage_PhoneWidth_ShouldPutTheAssistantAfterTheActions()
    {
        var (claimId, _) = await StartPausedClaimAsync("CLM-ASKPHONE");
        await using var console = await fixture.OpenAsync(375, 812);
        var page = console.Page;
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#claim-facts [data-fact=claimant]")).ToBeVisibleAsync();
        await Expect(page.Locator("#assistant-toggle")).ToHaveAttributeAsync("aria-expanded", "false");

        await page.ClickAsync("#assistant-toggle");

        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();
        var actions = await page.Locator("#claim-actions").BoundingBoxAsync();
        var panel = await page.Locator("#assistant-card").BoundingBoxAsync();
        Assert.True(actions!.Y + actions.Height <= panel!.Y, $"actions end at {actions.Y + actions.Height}, the assistant starts at {panel!.Y}");
        Assert.True(panel.Width <= 375, $"the assistant is {panel.Width} px wide");
        await page.Locator("#assistant-card").ScrollIntoViewIfNeededAsync();
        await WorkQueueTests.ScreenshotAsync(console, "assistant-phone", fullPage: false);
        console.AssertNoConsoleErrors();
    }

    [GeneratedRegex("^msg-[0-9a-f]{20}$")]
    private static partial Regex MessageId();

    private async Task<(string ClaimId, IReadOnlyList<string> Missing)> StartPausedClaimAsync(string prefix)
    {
        var claimId = await _api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId(prefix)), "application/json");
        var claim = await _api.WaitForStatusAsync(claimId, "paused");
        var missing = claim.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(missing);
        return (claimId, missing);
    }

    private async Task<JsonElement> ListConversationsAsync(string claimId)
    {
        using var client = fixture.Host.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/claims/{claimId}/conversations", UriKind.Relative)));
        return json.RootElement.Clone();
    }
}

/// <summary>The panel on a host with keys on: the question goes with the saved key, and a document source opens with it.</summary>
public sealed class AssistantPanelKeyTests(KeyedConsoleFixture fixture) : IClassFixture<KeyedConsoleFixture>
{
    [Fact]
    public async Task Ask_AboutAnUploadedDocumentWithAKey_ShouldSendTheKeyAndLinkTheDocument()
    {
        var api = new ClaimsApiDriver(fixture.Host.CreateClient(KeyedConsoleFixture.Key));
        var claimId = await api.StartContentAsync(InlineClaims.AutoClaimWithoutDocuments(InlineClaims.NewId("CLM-ASKKEY")), "application/json");
        await api.WaitForStatusAsync(claimId, "paused");
        await api.UploadTextAsync(claimId, "police_report", "police_report.txt", "Report 4471. The other driver reversed into the parked vehicle. No injuries were reported.");
        await using var console = await fixture.OpenAsync();
        var page = console.Page;
        await page.Context.AddInitScriptAsync($"localStorage.setItem('durableclaims.functionKey', '{KeyedConsoleFixture.Key}')");
        await console.GotoAsync($"#/claims/{claimId}");
        await Expect(page.Locator("#assistant-empty")).ToBeVisibleAsync();

        var ask = page.WaitForRequestAsync(r => r.Method == "POST" && r.Url.EndsWith("/messages", StringComparison.Ordinal));
        await page.FillAsync("#assistant-question", "What does the police report say about the other driver?");
        await page.ClickAsync("#assistant-ask");

        Assert.Equal(KeyedConsoleFixture.Key, (await ask).Headers["x-functions-key"]);
        var answer = page.Locator("#assistant-turns .assistant-turn--answer").Last;
        await Expect(answer.Locator(".assistant-answer")).ToContainTextAsync("The other driver reversed into the parked vehicle.");
        var link = answer.Locator(".assistant-sources li[data-kind=document] a");
        await Expect(link).ToHaveTextAsync("police_report.txt");
        var href = await link.GetAttributeAsync("href");
        Assert.Equal($"/api/claims/{claimId}/documents/police_report/police_report.txt?code={KeyedConsoleFixture.Key}", href);
        using var anonymous = fixture.Host.CreateClient();
        Assert.Contains("Report 4471", await anonymous.GetStringAsync(new Uri(href!, UriKind.Relative)), StringComparison.Ordinal);

        // A follow-up about "it" rests on the earlier turn: that source shows its message id.
        await page.FillAsync("#assistant-question", "Does it mention injuries?");
        await page.PressAsync("#assistant-question", "Enter");

        var followUp = page.Locator("#assistant-turns .assistant-turn--answer").Nth(1);
        await Expect(followUp.Locator(".assistant-answer")).ToContainTextAsync("No injuries were reported.");
        await Expect(followUp.Locator(".assistant-sources li[data-kind=message] code")).ToHaveTextAsync(new Regex("^msg-[0-9a-f]{20}$"));
        await WorkQueueTests.ScreenshotAsync(console, "assistant-document");
        console.AssertNoConsoleErrors();
    }
}
