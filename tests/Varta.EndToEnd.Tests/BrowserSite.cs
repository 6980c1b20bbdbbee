using Microsoft.Playwright;
using Varta.Platform.Demo;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// One host and one headless Chromium per test class (IClassFixture); each test opens its own browser
/// context, so cookies and language never leak from one test into another.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private bool _hostStarted;

    static BrowserSite() =>
        // A first page after start-up compiles a lot of code; on a busy CI machine 5 s is too tight.
        Assertions.SetDefaultExpectTimeout(20_000);

    public KestrelVartaFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // Look for the browser first: without it nothing here can run, and the message says what to install.
        var chromium = Chromium.Find();
        await ((IAsyncLifetime)Factory).InitializeAsync();
        _hostStarted = true;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser (own cookies) on a desktop-sized window unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string locale = "uk-UA")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Factory.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "Europe/Kyiv",
        });
        // Sign-in hashes a password, some pages draw on the server: on a loaded shared machine (CI once saw a load average
        // of 17 on 2 cores, and the two-factor enrolment page then took longer than 30 s) every page gets a minute.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would, and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string username, string password = DemoData.Password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // The address is what tells; the heading below tells that the page rendered. Waiting for the "load" event as
            // well once timed out on CI after the browser was already on the dashboard (a subresource never finishing).
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            if (new Uri(page.Url).AbsolutePath == "/")
            {
                // Seen on CI under load: the wait timed out with the browser already on the dashboard (which only a signed-in
                // user reaches; anyone else is sent to the sign-in page). The address is the proof asked for.
                return;
            }

            var error = await page.Locator(".error").AllInnerTextsAsync();
            throw new TimeoutException($"Signing in as {username} did not reach the dashboard; the browser is at {page.Url}" +
                (error.Count > 0 ? $", showing \"{string.Join(" ", error)}\"." : "."), e);
        }

        await page.Locator("h1").WaitForAsync();
    }

    /// <summary>
    /// Boxes of several elements measured in one step. Measuring them one by one can catch the moment when
    /// Blazor swaps the prerendered page for the interactive one and an element is briefly detached.
    /// </summary>
    public static async Task<Dictionary<string, Box>> MeasureAsync(IPage page, params string[] selectors)
    {
        foreach (var selector in selectors)
        {
            await Assertions.Expect(page.Locator(selector)).ToBeVisibleAsync();
        }

        var boxes = await page.EvaluateAsync<double[][]>(
            "selectors => selectors.map(s => { const e = document.querySelector(s); if (!e) return []; " +
            "const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })",
            selectors);
        return selectors.Zip(boxes).ToDictionary(
            p => p.First,
            p => p.Second is [var x, var y, var width, var height]
                ? new Box(x, y, width, height)
                : throw new InvalidOperationException($"{p.First} is not on the page."));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_hostStarted)
        {
            await ((IAsyncLifetime)Factory).DisposeAsync();
        }
        else
        {
            await Factory.DisposeAsync();
        }
    }
}

public sealed record Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;
}
