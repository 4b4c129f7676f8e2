using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>A page of the console in its own browser context; records console errors and page errors.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();

    public ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console.error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    /// <summary>Opens a console route such as <c>#/claims</c>.</summary>
    public async Task GotoAsync(string route)
    {
        await Page.GotoAsync("/" + route);
        await Page.Locator("#view h1").First.WaitForAsync();
    }

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/{name}.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, name + ".png");
        if (!fullPage)
        {
            // A first-screen picture: from the top, without passing notifications.
            await Page.EvaluateAsync("() => { window.scrollTo(0, 0); document.getElementById('toasts')?.replaceChildren(); }");
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Asserts that the page logged no console error, except messages containing one of <paramref name="expected"/>.</summary>
    public void AssertNoConsoleErrors(params string[] expected)
    {
        var unexpected = Errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
