using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The record page after booking: the first-hours checklist (what is done, what is missing, each a click from its form),
/// the timeline in the order things happened with each entry numbered and each correction under the entry it corrects.
/// </summary>
public sealed class CustodyRecordPageTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Officer = "custody.officer";

    [Theory]
    [InlineData("uk", 1280)]
    [InlineData("en", 360)]
    public async Task After_booking_the_officer_sees_the_first_hours_checklist_and_a_timeline_in_time_order(string language, int width)
    {
        using var http = await ApiAsync();
        var now = site.Factory.Clock.GetUtcNow();
        var surname = "Порядченко" + (language == "en" ? "-Ен" : "");
        var record = await PostAsync(http, "/api/v1/custody/records", new
        {
            facilityId = DemoData.DetentionFacility1,
            person = new { surname, givenName = "Іван", dateOfBirth = "1985-03-14", sex = "male", citizenship = "Україна" },
            legalBasis = "cpc-208",
            proceedingsNumber = "12026100000000123",
            detainedAt = At(now.AddMinutes(-90)),
            detentionPlace = "м. Київ, вул. Вигадана, 7",
            arrivedAt = At(now.AddMinutes(-80)),
            detainingOfficer = "ст. сержант Умовний У. У.",
        });
        var id = record.GetProperty("id").GetGuid();
        // Typed in out of order: the rights (70 min ago) after the doctor (20 min ago); then the rights' time corrected.
        var exam = await PostAsync(http, $"/api/v1/custody/records/{id}/entries", new
        {
            type = "medical-examination", occurredAt = At(now.AddMinutes(-20)), examiner = "Лікар Вигаданий", injuriesFound = false, fitForDetention = true,
        });
        var rights = await PostAsync(http, $"/api/v1/custody/records/{id}/entries", new
        {
            type = "rights-explained", occurredAt = At(now.AddMinutes(-70)), language = "українська", interpreterUsed = false, outcome = "signed",
        });
        await PostAsync(http, $"/api/v1/custody/records/{id}/entries/{rights.GetProperty("id").GetGuid()}/corrections",
            new { reason = "Час за протоколом роз'яснення прав", occurredAt = At(now.AddMinutes(-75)) });

        var page = await Circuit.NewPageAsync(site, width: width, height: 900);
        await BrowserSite.SignInAsync(page, Officer);
        if (language == "en")
        {
            await Circuit.GotoAsync(page, $"/custody/records/{id}");
            await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }

        await Circuit.GotoAsync(page, $"/custody/records/{id}");

        // The checklist: two of seven done (rights, doctor), the rest missing, each with its own button.
        var checklist = page.GetByTestId("first-hours");
        await Expect(checklist.Locator("li")).ToHaveCountAsync(7);
        await Expect(checklist.Locator("li.done")).ToHaveCountAsync(2);
        await Expect(checklist.Locator("li.done[data-step=rights-explained]")).ToBeVisibleAsync();
        await Expect(checklist.Locator("li.done[data-step=medical-examination]")).ToBeVisibleAsync();
        await Expect(checklist.Locator("li.missing[data-step=legal-aid-notified] button")).ToBeVisibleAsync();
        await Expect(checklist.Locator("h2")).ToContainTextAsync(language == "en" ? "2 of 7 done" : "Виконано 2 з 7");

        // The timeline in the order things happened: booking (#1), rights (#3, at its corrected time), doctor (#2);
        // the correction (#4) sits under the rights entry, not in the sequence.
        var items = page.GetByTestId("timeline").Locator(":scope > li");
        Assert.Equal(["1", "3", "2"], await items.EvaluateAllAsync<string[]>("lis => lis.map(li => li.dataset.seq)"));
        var rightsItem = items.Nth(1);
        await Expect(rightsItem.Locator(".correction")).ToHaveAttributeAsync("data-seq", "4");
        await Expect(rightsItem.Locator(".correction")).ToContainTextAsync("Час за протоколом роз'яснення прав");
        await Expect(page.Locator("body")).ToContainTextAsync(language == "en" ? "Proceedings number (ЄРДР) 12026100000000123" : "№ ЄРДР 12026100000000123");
        await Expect(page.GetByTestId("observation-level")).ToContainTextAsync(language == "en" ? "a check at least every hour" : "перевірка щонайменше щогодини");

        // A missing step is one click from its form: the entry form opens on that type.
        await checklist.Locator("li[data-step=legal-aid-notified] button").ClickAsync();
        await Expect(page.Locator("#entry-type")).ToHaveValueAsync("legal-aid-notified");
        await Expect(page.Locator("#new-centre")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The record page is {widths[0]} px wide on a {widths[1]} px screen.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, $"custody-record-first-hours-{language}-{width}.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_mistyped_moment_of_detention_is_corrected_on_the_record_page_and_the_clocks_follow()
    {
        using var http = await ApiAsync();
        var now = site.Factory.Clock.GetUtcNow();
        var record = await PostAsync(http, "/api/v1/custody/records", new
        {
            facilityId = DemoData.DetentionFacility1,
            person = new { surname = "Виправленко", givenName = "Олег", dateOfBirth = "1979-08-02", sex = "male", citizenship = "Україна" },
            legalBasis = "cpc-208",
            detainedAt = At(now.AddMinutes(-40)),
            detentionPlace = "м. Київ, вул. Вигадана, 9",
            arrivedAt = At(now.AddMinutes(-20)),
            detainingOfficer = "ст. сержант Умовний У. У.",
        });
        var id = record.GetProperty("id").GetGuid();
        var kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
        var actual = TimeZoneInfo.ConvertTime(now.AddHours(-5), kyiv).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, Officer);
        await Circuit.GotoAsync(page, $"/custody/records/{id}");
        var booking = page.GetByTestId("timeline").Locator(":scope > li[data-seq='1']");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Виправити" }).ClickAsync();
        await page.Locator("#correction-reason").FillAsync("Описка: за протоколом затримання 5 год тому");
        await page.Locator("#fix-detainedAt").FillAsync(actual);
        await page.Locator("#fix-detainedAt").PressAsync("Tab");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Зберегти виправлення" }).ClickAsync();

        await Expect(page.GetByTestId("record-message")).ToHaveClassAsync("ok");
        await Expect(page.GetByTestId("clocks")).ToContainTextAsync(actual);
        await Expect(page.GetByTestId("custody.flag.detention-corrected")).ToContainTextAsync("Описка: за протоколом затримання 5 год тому");
        await Expect(booking.Locator(".correction")).ToContainTextAsync(actual);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "custody-record-detention-corrected.png");
        await page.Context.CloseAsync();
    }

    private static string At(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = Officer, password = DemoData.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
