using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// What the API lets an administrator do, the pages do too: zones and devices, the arming schedule, and the
/// reports the monitoring centre reads.
/// </summary>
public sealed class AlarmAdminPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly string Court = DemoData.ShevchenkivskyiCourt.ToString();

    [Fact]
    public async Task Administrator_adds_a_zone_and_a_panel_in_it_and_sees_the_panel_secret_and_key_once()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Circuit.GotoAsync(page, "/alarms/devices");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Пристрої тривог");

        // A zone without a name or kind: each field says what is wrong, in Ukrainian, and is marked invalid.
        var zoneForm = page.GetByTestId("zone-form");
        await zoneForm.GetByLabel("Будівля суду").SelectOptionAsync(Court);
        await zoneForm.GetByRole(AriaRole.Button, new() { Name = "Додати зону" }).ClickAsync();
        await Expect(zoneForm.Locator(".validation-message[data-field=name]")).ToHaveTextAsync("Обов'язкове поле.");
        await Expect(zoneForm.Locator(".validation-message[data-field=kind]")).ToHaveTextAsync("Обов'язкове поле.");
        await Expect(zoneForm.GetByLabel("Назва зони (українською)")).ToHaveAttributeAsync("aria-invalid", "true");

        await zoneForm.GetByLabel("Назва зони (українською)").FillAsync("Зал судових засідань №3");
        await zoneForm.GetByLabel("Назва зони (англійською)").FillAsync("Courtroom 3");
        await zoneForm.GetByLabel("Поверх").FillAsync("3");
        await zoneForm.GetByLabel("Тип зони").SelectOptionAsync("courtroom");
        await zoneForm.GetByLabel("Поверх").PressAsync("Enter");
        await Expect(zoneForm.Locator("p.ok[role=status]")).ToHaveTextAsync("Зону «Зал судових засідань №3» додано.");
        await Expect(zoneForm.Locator(".validation-message")).ToHaveCountAsync(0);

        // The new zone is offered for a device at once. An account number already in use is refused next to its field.
        var deviceForm = page.GetByTestId("device-form");
        await deviceForm.GetByLabel("Будівля суду").SelectOptionAsync(Court);
        await deviceForm.GetByLabel("Зона").SelectOptionAsync(new SelectOptionValue { Label = "Зал судових засідань №3 · поверх 3" });
        await deviceForm.GetByLabel("Тип").SelectOptionAsync("intrusion-panel");
        await deviceForm.GetByLabel("Назва").FillAsync("Панель залу №3");
        await deviceForm.GetByLabel("Період зв'язку, с").FillAsync("60");
        await deviceForm.GetByLabel("Номер об'єкта").FillAsync("1234");
        await deviceForm.GetByLabel("Шифрування DC-09").SelectOptionAsync("aes-128");
        await deviceForm.GetByRole(AriaRole.Button, new() { Name = "Додати пристрій" }).ClickAsync();
        await Expect(deviceForm.Locator(".validation-message[data-field=accountNumber]")).ToHaveTextAsync("Такий номер об'єкта вже використовується.");
        await Expect(deviceForm.Locator("p.error[role=status]")).ToHaveTextAsync("Дані не пройшли перевірку");
        await Expect(deviceForm.GetByTestId("device-secret")).ToHaveCountAsync(0);

        await deviceForm.GetByLabel("Номер об'єкта").FillAsync("7310");
        await deviceForm.GetByLabel("Номер об'єкта").PressAsync("Enter");
        await Expect(deviceForm.GetByTestId("device-secret")).ToHaveTextAsync(new Regex("^[A-Za-z0-9_-]{43}$"));
        await Expect(deviceForm.GetByTestId("device-dc09-key")).ToHaveTextAsync(new Regex("^[0-9A-F]{32}$"));
        await Expect(deviceForm.GetByTestId("device-created")).ToContainTextAsync("Пристрій «Панель залу №3» додано");
        var panel = page.Locator("tr", new() { HasText = "Панель залу №3" });
        await Expect(panel).ToContainTextAsync("Зал судових засідань №3 · поверх 3");
        await Expect(panel).ToContainTextAsync("7310");
        await Expect(panel.GetByTestId("encryption")).ToHaveTextAsync("зашифровано, AES-128");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "alarm-devices-add.png");

        // Once: a fresh visit lists the panel but shows neither its secret nor its key.
        await Circuit.GotoAsync(page, "/alarms/devices");
        await Expect(page.Locator("tr", new() { HasText = "Панель залу №3" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("device-secret")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("device-dc09-key")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_adds_a_button_from_a_phone_with_the_keyboard()
    {
        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "admin");
        await Circuit.GotoAsync(phone, "/alarms/devices");
        var form = phone.GetByTestId("device-form");
        await form.GetByLabel("Будівля суду").SelectOptionAsync(Court);
        await form.GetByLabel("Тип").SelectOptionAsync("fixed-button");
        await Expect(form.GetByLabel("Номер об'єкта")).ToHaveCountAsync(0);
        await form.GetByLabel("Назва").FocusAsync();
        await phone.Keyboard.TypeAsync("Кнопка приймальні");
        await phone.Keyboard.PressAsync("Enter");
        var secret = form.GetByTestId("device-secret");
        await Expect(secret).ToHaveTextAsync(new Regex("^[A-Za-z0-9_-]{43}$"));
        await Expect(form.GetByTestId("device-dc09-key")).ToHaveCountAsync(0);
        await AssertFitsAsync(phone, "The devices page");
        await Expect(phone.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await secret.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(phone, "alarm-devices-add-phone.png");

        await form.GetByRole(AriaRole.Button, new() { Name = "Ключ записано, сховати" }).PressAsync("Enter");
        await Expect(secret).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_changes_the_arming_schedule_in_Kyiv_time_and_it_is_kept()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Circuit.GotoAsync(page, "/alarms/arming");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Розклад постановки під охорону");
        await page.GetByTestId("arming-site").SelectOptionAsync(Court);
        await Expect(page.GetByTestId("arming-week")).ToHaveAttributeAsync("data-loaded-site", Court);

        // No schedule yet: always armed, and the page says why.
        await Expect(page.GetByTestId("armed-now")).ToHaveTextAsync("Зараз під охороною");
        await Expect(page.GetByTestId("no-schedule")).ToBeVisibleAsync();
        await Expect(page.GetByText("Увесь час на цій сторінці — київський")).ToBeVisibleAsync();

        // Thursday night and New Year's Day. The test clock says Thursday 10:00 in Kyiv, outside both.
        await page.GetByTestId("add-window").ClickAsync();
        var row = page.GetByTestId("arming-windows").Locator("tbody tr").First;
        await row.GetByLabel("День").SelectOptionAsync("4");
        await row.GetByLabel("Під охороною з (Київ)").FillAsync("18:00");
        await row.GetByLabel("до (Київ)").FillAsync("08:00");
        await Expect(row).ToContainTextAsync("наступного дня");
        var holiday = page.GetByTestId("holiday-form").GetByLabel("Дата");
        await holiday.FillAsync("2027-01-01");
        await holiday.PressAsync("Enter");
        await Expect(page.GetByTestId("arming-holiday-list")).ToContainTextAsync("01.01.2027");
        await page.GetByTestId("save-arming").ClickAsync();
        await Expect(page.Locator("p.ok[role=status]")).ToHaveTextAsync("Розклад збережено.");
        await Expect(page.GetByTestId("armed-now")).ToHaveTextAsync("Зараз знято з охорони");
        await Expect(page.GetByTestId("no-schedule")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "alarm-arming.png");

        // Kept: the API reads what the page saved, and a fresh visit (here on a phone) shows it.
        using var admin = await ApiAsync("admin");
        var saved = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/alarms/sites/{Court}/arming")).RootElement;
        var window = Assert.Single(saved.GetProperty("windows").EnumerateArray());
        Assert.Equal((4, "18:00", "08:00"), (window.GetProperty("day").GetInt32(), window.GetProperty("from").GetString(), window.GetProperty("to").GetString()));
        Assert.Equal("2027-01-01", Assert.Single(saved.GetProperty("holidays").EnumerateArray()).GetString());

        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "admin");
        await Circuit.GotoAsync(phone, "/alarms/arming");
        await phone.GetByTestId("arming-site").SelectOptionAsync(Court);
        await Expect(phone.GetByTestId("arming-week")).ToHaveAttributeAsync("data-loaded-site", Court);
        var kept = phone.GetByTestId("arming-windows").Locator("tbody tr").First;
        await Expect(kept.GetByLabel("День")).ToHaveValueAsync("4");
        await Expect(kept.GetByLabel("Під охороною з (Київ)")).ToHaveValueAsync(new Regex("^18:00(:00)?$"));
        await Expect(phone.GetByTestId("armed-now")).ToHaveTextAsync("Зараз знято з охорони");
        await AssertFitsAsync(phone, "The arming page");
        await Settled.ScreenshotAsync(phone, "alarm-arming-phone.png");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reports_show_response_times_false_alarms_and_buttons_not_tested_today()
    {
        // One alarm, acknowledged after 30 s and resolved as false a minute later.
        using var admin = await ApiAsync("admin");
        using var dispatcher = await ApiAsync("dispatcher");
        var created = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка бухгалтерії", heartbeatSeconds = 86_400 });
        created.EnsureSuccessStatusCode();
        var secret = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString();
        using var device = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var signal = await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "reports-e2e" });
        signal.EnsureSuccessStatusCode();
        var alarmId = JsonDocument.Parse(await signal.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetGuid();
        site.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        (await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null)).EnsureSuccessStatusCode();
        site.Factory.Clock.Advance(TimeSpan.FromSeconds(60));
        (await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "false" })).EnsureSuccessStatusCode();

        // Another button's alarm is still open: its rate is "—" (nothing resolved), which the page tells apart from "0 %".
        var other = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка архіву", heartbeatSeconds = 86_400 });
        other.EnsureSuccessStatusCode();
        using var archive = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        archive.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(await other.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString());
        var open = await archive.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "reports-e2e-open" });
        open.EnsureSuccessStatusCode();
        var openId = JsonDocument.Parse(await open.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetGuid();

        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Expect(page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "Звіти тривог" })).ToHaveAttributeAsync("href", "/alarms/reports");
        await Expect(page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "Постановка під охорону" })).ToHaveAttributeAsync("href", "/alarms/arming");
        await Circuit.GotoAsync(page, "/alarms/reports");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Звіти тривог");

        // The demo buttons were never tested; the intrusion panel is not a button.
        var untested = page.GetByTestId("untested");
        await Expect(untested.Locator("tr", new() { HasText = "Кнопка зал №1" })).ToContainTextAsync("ніколи");
        await Expect(untested).ToContainTextAsync("Кнопка кабінет 305");
        await Expect(untested).Not.ToContainTextAsync("Охоронна панель");

        var court = page.Locator($"section[data-site='{Court}']");
        await Expect(court.Locator("h2")).ToHaveTextAsync("Шевченківський районний суд м. Києва");
        await Expect(court.GetByTestId("false-rate")).ToHaveTextAsync(new Regex(@"^100\s?% \(1 з 1 закритих\)$"));
        await Expect(court.GetByTestId("times").Locator("tr", new() { HasText = "прийняття" })).ToContainTextAsync("30 с");
        await Expect(court.GetByTestId("times").Locator("tr", new() { HasText = "закриття" })).ToContainTextAsync("1 хв 30 с");
        await Expect(court.GetByTestId("device-rates").Locator("tr", new() { HasText = "Кнопка бухгалтерії" })).ToBeVisibleAsync();
        await Expect(court.GetByTestId("device-rates").Locator("tr", new() { HasText = "Кнопка архіву" }).Locator("td").Last).ToHaveTextAsync("—");
        await Expect(court.GetByTestId("false-rate-legend")).ToContainTextAsync("«0 %»: тривоги закривали, хибних серед них не було");

        // A shorter period is chosen with the keyboard and named on the page.
        await page.GetByLabel("Період, днів").FillAsync("7");
        await page.GetByLabel("Період, днів").PressAsync("Enter");
        await Expect(page.GetByTestId("reports-period")).ToHaveTextAsync("За останні 7 дн.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "alarm-reports.png");

        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "dispatcher");
        await Circuit.GotoAsync(phone, "/alarms/reports");
        await Expect(phone.GetByTestId("untested")).ToContainTextAsync("Кнопка зал №1");
        await AssertFitsAsync(phone, "The reports page");
        await Settled.ScreenshotAsync(phone, "alarm-reports-phone.png");
        var scrolling = await phone.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('.table-wrap')].filter(w => w.scrollWidth > w.clientWidth).map(w => `${w.querySelector('caption')?.textContent ?? 'untested'} ${w.scrollWidth}/${w.clientWidth}`)");
        Assert.True(scrolling.Length == 0, "Report tables scroll sideways on a phone: " + string.Join(", ", scrolling));
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
        (await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{openId}/resolve", new { outcome = "test" })).EnsureSuccessStatusCode();
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(overflow[0] <= overflow[1], $"{what} is {overflow[0]} px wide on a {overflow[1]} px phone.");
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
