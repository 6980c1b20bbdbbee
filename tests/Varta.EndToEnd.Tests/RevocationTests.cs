using System.Diagnostics;
using System.Text.RegularExpressions;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>Taking away a dispatcher's access reaches the console page they have open: it is closed within seconds.</summary>
public sealed class RevocationTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_deactivated_dispatchers_open_console_stops_at_once_and_goes_to_sign_in()
    {
        var (id, username) = await site.Factory.CreateUserAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        var console = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(console, username);
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.Locator("h1")).ToHaveTextAsync("Пульт тривог");

        using var admin = await site.Factory.ClientAsAsync("admin");
        var clock = Stopwatch.StartNew();
        (await admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).EnsureSuccessStatusCode();

        // No clock is moved: the deactivation itself ends the page's session (the README promises a few seconds).
        await Expect(console).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 10_000 });
        output.WriteLine($"deactivated → console on the sign-in page in {clock.ElapsedMilliseconds} ms");
        await Expect(console.GetByTestId("alarms")).ToHaveCountAsync(0);

        // And the session cannot come back: the old cookie is refused, a new sign-in fails.
        await console.GotoAsync("/alarms/console");
        await Expect(console).ToHaveURLAsync(new Regex("/account/login"));
        await Settled.ScreenshotAsync(console, "revoked-console.png");
        await console.Context.CloseAsync();
    }
}
