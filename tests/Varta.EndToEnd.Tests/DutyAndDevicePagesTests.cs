using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>A dispatcher plans who is on duty from a phone; the console offers them first. An administrator rotates a panel's DC-09 key.</summary>
public sealed class DutyAndDevicePagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Dispatcher_plans_and_cancels_a_shift_with_the_keyboard_on_a_phone_and_the_console_shows_who_is_on_duty()
    {
        var roster = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(roster, "dispatcher");
        await Circuit.GotoAsync(roster, "/alarms/duty");
        await Expect(roster.Locator("h1")).ToHaveTextAsync("Графік чергувань");
        await Expect(roster.GetByTestId("duty-none")).ToBeVisibleAsync();

        // The test clock says 10:00 in Kyiv: the form's 08:00 start is more than an hour ago, and the page says so.
        var form = roster.GetByTestId("duty-form");
        await form.GetByLabel("Співробітник охорони").SelectOptionAsync(new SelectOptionValue { Label = "Демо Співробітник охорони" });
        await form.GetByLabel("Кінець").FocusAsync();
        await roster.Keyboard.PressAsync("Enter");
        await Expect(roster.Locator("p.error[role=status]")).ToContainTextAsync("не може починатися раніше ніж 1 год тому");

        await form.GetByLabel("Початок").FillAsync("10:00");
        await form.GetByLabel("Кінець").FillAsync("18:00");
        await form.GetByLabel("Кінець").PressAsync("Enter");
        await Expect(roster.Locator("p.ok[role=status]")).ToHaveTextAsync("Зміну додано.");
        var shift = roster.GetByTestId("duty-shifts").Locator("li").First;
        await Expect(shift).ToContainTextAsync("10:00 – 18:00");
        await Expect(shift).ToContainTextAsync("Демо Співробітник охорони");
        await Expect(shift).ToContainTextAsync("чергує зараз");
        var overflow = await roster.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(overflow[0] <= overflow[1], $"The roster is {overflow[0]} px wide on a {overflow[1]} px phone.");
        await Expect(roster.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(roster, "alarm-duty.png");

        // Two alarms at the court: the console offers the officer on duty first, marked, once the dispatcher opens the
        // responder form.
        await RaisePanicAsync("duty-e2e");
        await RaisePanicAsync("duty-e2e-second");
        var console = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");
        var alarm = console.GetByTestId("alarms").Locator("li.alarm", new() { HasText = "Тривога" }).First;
        await Expect(console.GetByTestId("alarms").Locator("li.alarm", new() { HasText = "Тривога" })).ToHaveCountAsync(2);
        await alarm.GetByTestId("dispatch-open").ClickAsync();
        var responders = alarm.GetByTestId("responders");
        await Expect(responders.Locator("label").First).ToContainTextAsync("Демо Співробітник охорони");
        await Expect(responders.Locator("label").First).ToContainTextAsync("чергує до 18:00");
        await Expect(console.GetByTestId("nobody-on-duty")).ToHaveCountAsync(0);
        await Settled.ScreenshotAsync(console, "alarm-console-on-duty.png");

        // Cancelled from the phone, with the keyboard only.
        await shift.Locator("summary").FocusAsync();
        await roster.Keyboard.PressAsync("Enter");
        await shift.GetByLabel("Причина скасування").FillAsync("захворів");
        await shift.GetByLabel("Причина скасування").PressAsync("Enter");
        await Expect(roster.Locator("p.ok[role=status]")).ToHaveTextAsync("Зміну скасовано.");
        await Expect(shift).ToContainTextAsync("Скасовано: захворів");

        // Nobody on duty now: the console warns once for the building (not on each of its two cards), and the responder
        // form still offers every officer of the building.
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.GetByTestId("nobody-on-duty")).ToHaveCountAsync(1);
        await Expect(console.GetByTestId("nobody-on-duty")).ToContainTextAsync("ніхто не чергує");
        await alarm.GetByTestId("dispatch-open").ClickAsync();
        await Expect(responders.GetByLabel("Демо Співробітник охорони")).ToBeEnabledAsync();
        await Expect(console.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(console, "alarm-console-nobody-on-duty.png");
        await console.Context.CloseAsync();
        await roster.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_sees_which_panels_encrypt_and_rotates_a_key_that_is_shown_once()
    {
        using var admin = await ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = "Панель підвалу", accountNumber = "8080", heartbeatSeconds = 86_400, encryption = "aes-128" });
        created.EnsureSuccessStatusCode();
        var firstKey = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("dc09Key").GetString()!;

        // A button that stops reporting: once the watch has found it silent, it is flagged as loudly as an unencrypted panel.
        var silent = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка мовчазна", heartbeatSeconds = 60 });
        silent.EnsureSuccessStatusCode();
        var silentId = JsonDocument.Parse(await silent.Content.ReadAsStringAsync()).RootElement.GetProperty("device").GetProperty("id").GetGuid();
        site.Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 100 && !await IsOfflineAsync(admin, silentId); i++)
        {
            await Task.Delay(100); // the background watch runs on its own; this waits for it, it does not time anything
        }

        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Circuit.GotoAsync(page, "/alarms/devices");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Пристрої тривог");
        var panel = page.Locator("tr", new() { HasText = "Панель підвалу" });
        await Expect(panel.GetByTestId("encryption")).ToHaveTextAsync("зашифровано, AES-128");
        await Expect(page.Locator("tr:has(td:text-is('Охоронна панель'))").GetByTestId("encryption")).ToHaveTextAsync("без шифрування");
        await Expect(page.Locator("tr:has(td:text-is('Охоронна панель'))").GetByTestId("encryption")).ToHaveClassAsync(new Regex(@"\balert\b"));
        var quiet = page.Locator("tr", new() { HasText = "Кнопка мовчазна" }).GetByTestId("device-status");
        await Expect(quiet).ToHaveTextAsync("⚠ не на зв'язку");
        await Expect(quiet).ToHaveClassAsync(new Regex(@"\balert\b"));
        await Expect(page.Locator("section.card", new() { HasText = "Кнопка мовчазна" }).GetByTestId("offline-devices")).ToContainTextAsync("Не на зв'язку пристроїв:");
        await Settled.ScreenshotAsync(page, "alarm-devices-offline.png");

        await panel.GetByLabel("Розмір ключа").SelectOptionAsync("aes-256");
        await panel.GetByTestId("rotate").ClickAsync();
        await panel.GetByTestId("confirm-rotate").ClickAsync();
        var key = page.GetByTestId("dc09-key");
        await Expect(key).ToHaveTextAsync(new Regex("^[0-9A-F]{64}$"));
        Assert.NotEqual(firstKey, await key.TextContentAsync());
        await Expect(panel.GetByTestId("encryption")).ToHaveTextAsync("зашифровано, AES-256");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "alarm-devices-key.png");

        // Once: a fresh visit shows no key.
        await Circuit.GotoAsync(page, "/alarms/devices");
        await Expect(page.GetByTestId("dc09-key")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task<bool> IsOfflineAsync(HttpClient admin, Guid deviceId)
    {
        var devices = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/alarms/devices")).RootElement;
        return devices.EnumerateArray().Any(d => d.GetProperty("id").GetGuid() == deviceId && d.GetProperty("offline").GetBoolean());
    }

    private async Task RaisePanicAsync(string key)
    {
        using var admin = await ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка чергування", heartbeatSeconds = 86_400 });
        created.EnsureSuccessStatusCode();
        var secret = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString();
        using var device = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = key })).EnsureSuccessStatusCode();
    }

    private async Task<HttpClient> ApiAsync(string username)
    {
        var http = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = DemoData.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }
}
