using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

public sealed class DashboardTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Administrator_signs_in_to_a_Ukrainian_dashboard_and_switches_it_to_English()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, "admin");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Вітаємо, Демо Адміністратор");
        var roles = page.Locator("section[aria-labelledby=roles-h]");
        await Expect(roles.Locator("h2")).ToHaveTextAsync("Ваші ролі");
        await Expect(roles.Locator(".roles li")).ToContainTextAsync("Адміністратор");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Головне меню" })).ToBeVisibleAsync();
        await Expect(page.Locator(".link-card", new() { HasText = "Користувачі" })).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        // On a desktop the navigation is a column left of the content.
        var layout = await BrowserSite.MeasureAsync(page, "nav.sidebar", "main#main");
        var (nav, main) = (layout["nav.sidebar"], layout["main#main"]);
        Assert.True(nav.Right <= main.X, $"The navigation ends at {nav.Right} px, over the content starting at {main.X} px.");
        await Screenshots.SaveAsync(page, "dashboard-uk.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Демо Адміністратор");
        await Expect(roles.Locator("h2")).ToHaveTextAsync("Your roles");
        await Expect(roles.Locator(".roles li")).ToContainTextAsync("Administrator");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ENG" })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "dashboard-en.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_fits_a_360_px_phone_without_sideways_scrolling()
    {
        var page = await site.NewPageAsync(width: 360, height: 740);
        await BrowserSite.SignInAsync(page, "admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Вітаємо, Демо Адміністратор");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Вийти" })).ToBeInViewportAsync();

        var overflow = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(overflow[0] <= overflow[1], $"The page is {overflow[0]} px wide on a {overflow[1]} px screen.");

        // The navigation is one strip above the content, scrolling inside itself rather than the page.
        var layout = await BrowserSite.MeasureAsync(page, "nav.sidebar", "main#main");
        var (nav, main) = (layout["nav.sidebar"], layout["main#main"]);
        Assert.True(nav.Width <= 360, $"The navigation is {nav.Width} px wide.");
        Assert.True(nav.Bottom <= main.Y, $"The navigation ends at {nav.Bottom} px, below the content's top at {main.Y} px.");
        var linkTops = await page.Locator("nav.sidebar a").EvaluateAllAsync<double[]>("links => links.map(a => a.getBoundingClientRect().top)");
        Assert.True(linkTops.Length >= 3, "The administrator should see several navigation links.");
        Assert.All(linkTops, top => Assert.Equal(linkTops[0], top, 0.5));
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "dashboard-phone.png");
        await page.Context.CloseAsync();
    }
}
