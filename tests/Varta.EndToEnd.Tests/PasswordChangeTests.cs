using System.Text.Json;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>The change-password page: a wrong current password is a guess like any other — audited, and counted towards the lock.</summary>
public sealed class PasswordChangeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Wrong_current_passwords_are_audited_and_lock_the_address_out_and_a_weak_new_one_is_refused_in_plain_words()
    {
        var (id, username) = await site.Factory.CreateUserAsync(Roles.CourtStaff, DemoData.ShevchenkivskyiCourt);
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, username);
        await page.GotoAsync("/account/security");

        // A weak new password: refused, and the page says why.
        await page.GetByLabel("Поточний пароль").FillAsync(DemoData.Password);
        await page.GetByLabel("Новий пароль").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" }).ClickAsync();
        await Expect(page.Locator("p.error[role=status]")).ToContainTextAsync("легко вгадати");

        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Поточний пароль").FillAsync("not-my-password-" + i);
            await page.GetByLabel("Новий пароль").FillAsync("Quarry-Lantern-Meadow-58");
            await page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" }).ClickAsync();
            await Expect(page.Locator("p.error[role=status]")).ToContainTextAsync("перевірте поточний пароль");
        }

        // The address is now locked out of this account: even the right current password is refused, for a while.
        await page.GetByLabel("Поточний пароль").FillAsync(DemoData.Password);
        await page.GetByLabel("Новий пароль").FillAsync("Quarry-Lantern-Meadow-58");
        await page.GetByRole(AriaRole.Button, new() { Name = "Змінити пароль" }).ClickAsync();
        await Expect(page.Locator("p.error[role=status]")).ToContainTextAsync("Забагато спроб");
        await Expect(page.GetByLabel("Поточний пароль")).ToHaveValueAsync(""); // no password is ever written back into the page
        await Expect(page.GetByLabel("Новий пароль")).ToHaveValueAsync("");
        await Settled.ScreenshotAsync(page, "security-locked.png");

        using var admin = await site.Factory.ClientAsAsync("admin");
        var audit = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/audit/entries?actorId={id}&limit=100")).RootElement;
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "auth.sign-in.failed"
            && e.GetProperty("details").GetString()!.Contains("bad-current-password", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
