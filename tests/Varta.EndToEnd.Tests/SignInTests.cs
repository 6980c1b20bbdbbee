using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

public sealed class SignInTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_wrong_password_keeps_the_person_on_the_sign_in_page_with_an_error()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "dispatcher");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Не вдалося увійти");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
        Assert.Equal("", await page.InputValueAsync("#password")); // the password is never sent back
        Assert.Equal(0, await page.Locator(".who").CountAsync());
        await Screenshots.SaveAsync(page, "login-error.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_alone_signs_in_and_reaches_the_dashboard()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/login");
        var username = page.Locator("#username");
        await Expect(username).ToBeFocusedAsync();

        // Back to the top of the page: the skip link is the first stop and shows itself when it has focus.
        var skip = page.Locator(".skip-link");
        await PressUntilFocusedAsync(page, "Shift+Tab", skip);
        await Expect(skip).ToBeInViewportAsync();

        await PressUntilFocusedAsync(page, "Tab", username);
        await page.Keyboard.TypeAsync("security.officer");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Tab");
        var submit = page.Locator("button[type=submit]");
        await Expect(submit).ToBeFocusedAsync();
        Assert.NotEqual("none", await submit.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));

        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Вітаємо, Демо Співробітник охорони");
        await page.Context.CloseAsync();
    }

    private static async Task PressUntilFocusedAsync(IPage page, string key, ILocator target)
    {
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Ten presses of {key} never reached {target}.");
    }
}
