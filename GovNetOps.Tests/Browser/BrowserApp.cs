using GovNetOps.Tests.Support;
using Microsoft.Playwright;

namespace GovNetOps.Tests.Browser;

/// <summary>One real app on Kestrel (temp SQLite file, demo data) and one headless Debian
/// Chromium for the browser tests. A missing browser fails the tests; it never skips them.</summary>
public class BrowserApp : IAsyncLifetime
{
    public BrowserApp()
    {
    }

    /// <summary>An app of its own with these settings (e.g. a shorter wall screen interval).</summary>
    protected BrowserApp(IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            Factory.Settings[key] = value;
        }
    }

    public GovNetOpsFactory Factory { get; } = new(realServer: true);
    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright? _playwright;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        BaseAddress = Factory.ServerAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>The headless Debian Chromium every browser test drives (also for tests that start apps of their own).</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's 'chromium' package (apt-get install -y chromium fonts-noto-cjk).");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh browser context (its own cookies) on this app, or on <paramref name="baseAddress"/>
    /// for a test that starts an app with settings of its own.</summary>
    public Task<IPage> NewPageAsync(Uri? baseAddress = null) => NewPageAsync(Browser, baseAddress ?? BaseAddress);

    /// <summary>A page in a fresh context of <paramref name="browser"/> on the app at <paramref name="baseAddress"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 820 },
        });
        context.SetDefaultTimeout(20_000);
        // Assertions wait as long as actions do: with the whole suite running on two cores, a page that is
        // merely slow (e.g. the redirect after submitting a ticket) must not fail after Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Artifacts("screenshots"), name + ".png"), FullPage = true });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
