using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

public sealed class AdminUsersTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Administrator_sees_every_demo_user_on_the_users_page()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/users");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Користувачі");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Користувачі у вашій зоні відповідальності" });
        foreach (var account in DemoData.Accounts)
        {
            await Expect(table.GetByRole(AriaRole.Link, new() { Name = account.Username, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(table.Locator("tbody tr", new() { HasText = "custody.officer" })).ToContainTextAsync("Черговий ІТТ");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "admin-users.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Custody_officer_cannot_see_the_user_list()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, "custody.officer");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Користувачі" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Доступ заборонено");
        await Expect(page.Locator("table")).ToHaveCountAsync(0);
        await Expect(page.GetByText("judge", new() { Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "admin-users-denied.png");
        await page.Context.CloseAsync();
    }
}
