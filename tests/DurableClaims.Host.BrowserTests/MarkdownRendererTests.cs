using DurableClaims.Host.BrowserTests.Infrastructure;

namespace DurableClaims.Host.BrowserTests;

/// <summary>The console's Markdown renderer (js/markdown.js) run in the browser it ships to.</summary>
public sealed class MarkdownRendererTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const string Render = "async md => (await import('/js/markdown.js')).renderMarkdown(md)";

    [Fact]
    public async Task RenderMarkdown_HtmlInInput_ShouldEscapeIt()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        var html = await console.Page.EvaluateAsync<string>(Render, "# Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        console.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task RenderMarkdown_PackageElements_ShouldProduceHeadingsListsBoldAndTables()
    {
        await using var console = await fixture.OpenAsync();
        await console.GotoAsync("#/claims");
        var html = await console.Page.EvaluateAsync<string>(Render, "## Rules\n\n- **coverage** passed\n- deductible\n\n| Rule | Result |\n|---|---|\n| period | passed |\n\nDone.");

        Assert.Contains("<h2>Rules</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li><strong>coverage</strong> passed</li><li>deductible</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Rule</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>passed</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Done.</p>", html, StringComparison.Ordinal);
        console.AssertNoConsoleErrors();
    }
}
