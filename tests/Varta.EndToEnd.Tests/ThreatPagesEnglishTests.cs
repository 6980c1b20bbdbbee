using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Issue 14: every threats page in English on a 360 px phone: no text key shown instead of words, nothing wider than
/// the screen, and a form typed into right after it opens keeps what was typed.
/// </summary>
public sealed class ThreatPagesEnglishTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("judge", "/threats/report", "Report a threat")]
    [InlineData("judge", "/threats/mine", "My reports and protection")]
    [InlineData("threat.analyst", "/threats/triage", "New reports")]
    [InlineData("threat.analyst", "/threats/cases", "Threat cases")]
    [InlineData("threat.analyst", "/threats/advisories", "Security advisories")]
    [InlineData("security.officer", "/threats/incidents", "Incidents and debriefs")]
    [InlineData("admin", "/threats/measure-types", "Protective measures catalogue")]
    public async Task A_threats_page_reads_in_English_on_a_phone(string user, string path, string heading)
    {
        var page = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(page, user);
        await page.GotoAsync($"/culture?c=en&redirect={Uri.EscapeDataString(path)}");
        await Circuit.GotoAsync(page, path);
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);

        // Typed at once after the page opened, and still there after the round trip of leaving the field (the triage page
        // has no field while nothing waits for triage).
        var fields = page.Locator("main textarea, main input[type=text]:not([readonly]), main input:not([type])");
        if (await fields.CountAsync() > 0)
        {
            await fields.First.FillAsync("Typed at once");
            await fields.First.PressAsync("Tab");
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Expect(fields.First).ToHaveValueAsync("Typed at once");
        }

        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("threats.", body, StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"{path} is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(page, $"threats-en-360{path.Replace('/', '-')}.png");
        await page.Context.CloseAsync();
    }
}
