using Microsoft.Playwright;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>One real host and one Debian Chromium per test class (never a downloaded browser).</summary>
public class ConsoleFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    static ConsoleFixture()
    {
        // Web-first assertions retry until this timeout; CI runs the other test projects alongside on 2 cores.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public ConsoleHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Gets the key the host requires, or null when keys are off.</summary>
    public virtual string? ApiKey => null;

    /// <summary>Gets further host settings (e.g. short deadlines), or null.</summary>
    public virtual IDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (.ci/run does).");
        }

        Host = await ConsoleHost.StartAsync(ApiKey, Settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>Opens a fresh browser context and page that record console errors.</summary>
    public async Task<ConsolePage> OpenAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        return new ConsolePage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

/// <summary>A host started with function keys on.</summary>
public sealed class KeyedConsoleFixture : ConsoleFixture
{
    public const string Key = "browser-test-key-7f3a";

    public override string? ApiKey => Key;
}
