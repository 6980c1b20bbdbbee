using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>The custody board as officers use it: each in their own language, on a desk or a phone.</summary>
public sealed class BoardPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Officer = "custody.officer";

    private DateTimeOffset Now => site.Factory.Clock.GetUtcNow();

    [Fact]
    public async Task Each_open_board_stays_in_its_own_viewers_language_when_another_viewer_records_a_check()
    {
        var uk = await OpenBoardAsync("uk");
        var en = await OpenBoardAsync("en");
        var surname = await BookInAsync(detainedAgo: TimeSpan.FromHours(3), arrivedAgo: TimeSpan.FromHours(2));
        await Expect(Row(uk, surname)).ToBeVisibleAsync();
        await Expect(Row(en, surname)).ToBeVisibleAsync();

        // The English-speaking officer records a check; the Ukrainian board shows it, still in Ukrainian.
        await RecordCheckAsync(en, surname, "awake-well");
        await Expect(en.Locator("p.ok[role=status]")).ToContainTextAsync($"Check of {surname}");
        await Expect(Row(uk, surname).GetByTestId("last-check")).ToContainTextAsync("остання");
        await Expect(uk.GetByTestId("board-summary")).ToContainTextAsync("Утримується");
        await Expect(uk.GetByTestId("board").Locator("thead")).ToContainTextAsync("Наступна перевірка");
        await Expect(Row(uk, surname).GetByTestId("last-check")).ToContainTextAsync("із запізненням");

        // And the other way round.
        await RecordCheckAsync(uk, surname, "asleep-breathing");
        await Expect(uk.Locator("p.ok[role=status]")).ToContainTextAsync($"Перевірку {surname}");
        await Expect(Row(en, surname).GetByTestId("last-check")).Not.ToContainTextAsync("late");
        await Expect(en.GetByTestId("board-summary")).ToContainTextAsync("in custody");
        await Expect(en.GetByTestId("board").Locator("thead")).ToContainTextAsync("Next check");
        await Expect(en.GetByTestId("recently-closed")).ToContainTextAsync("Closed in the last 24 h");
        await Expect(uk.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(en.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await uk.Context.CloseAsync();
        await en.Context.CloseAsync();
    }

    [Fact]
    public async Task The_check_asks_the_condition_and_at_level_2_whether_the_person_was_roused_never_assuming_either()
    {
        var page = await OpenBoardAsync("uk");
        var surname = await BookInAsync(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(40), observationLevel: 2);
        var row = Row(page, surname);
        await Expect(row.GetByTestId("next-check")).ToContainTextAsync("L2");

        await row.GetByTestId("record-check").ClickAsync();
        var form = page.GetByTestId("check-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        foreach (var condition in new[] { "не спить, у нормі", "спить, дихає", "розбуджений, реагує", "потребує уваги", "не реагує" })
        {
            await Expect(form.GetByLabel(condition)).ToBeVisibleAsync();
        }

        await form.GetByTestId("save-check").ClickAsync();
        await Expect(form.Locator("[role=alert]")).ToHaveTextAsync("Оберіть стан особи.");
        await form.GetByLabel("спить, дихає").CheckAsync();
        await form.GetByTestId("save-check").ClickAsync();
        await Expect(form.Locator("[role=alert]")).ToHaveTextAsync("На рівні нагляду 2 вкажіть, чи розбуджено особу.");
        await Expect(row.GetByTestId("last-check")).ToHaveCountAsync(0);
        await Settled.ScreenshotAsync(page, "custody-board-check.png");

        await form.GetByTestId("roused").GetByLabel("так, розбуджено").CheckAsync();
        await form.GetByTestId("save-check").ClickAsync();
        await Expect(page.Locator("p.ok[role=status]")).ToContainTextAsync($"Перевірку {surname}");
        await Expect(form).ToHaveCountAsync(0);
        // Arrived 40 min ago at level 2 (every 30 min): this check came 10 min after it was due.
        await Expect(row.GetByTestId("last-check")).ToContainTextAsync("із запізненням");

        var entry = await LastEntryAsync(surname);
        Assert.Equal("welfare-check", entry.GetProperty("type").GetString());
        Assert.Equal("asleep-breathing", entry.GetProperty("data").GetProperty("condition").GetString());
        Assert.True(entry.GetProperty("data").GetProperty("roused").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_passed_deadline_reads_overdue_by_and_a_release_after_the_maximum_is_marked_among_the_recently_closed()
    {
        // Detained 60 h 41 min ago under the CPC: the 60 h court deadline passed 41 min ago.
        var overdue = await BookInAsync(detainedAgo: TimeSpan.FromMinutes(60 * 60 + 41), arrivedAgo: TimeSpan.FromHours(60));
        var released = await BookInAsync(detainedAgo: TimeSpan.FromHours(217), arrivedAgo: TimeSpan.FromHours(216));
        await ReleaseAsync(released, Now.AddMinutes(-3));

        foreach (var (language, overdueText, flag, title) in new[]
        {
            ("uk", "прострочено на 0 год 41 хв", "звільнено після граничного строку", "Закриті за останні 24 год"),
            ("en", "overdue by 0 h 41 min", "released after the maximum", "Closed in the last 24 h"),
        })
        {
            var page = await OpenBoardAsync(language);
            await Expect(Row(page, overdue).GetByTestId("court-left")).ToHaveTextAsync(overdueText);
            Assert.DoesNotContain("−", await page.GetByTestId("board").InnerTextAsync());
            await Settled.ScreenshotAsync(page, $"custody-board-{language}.png");

            // "Overdue by" makes the column no wider than the desktop allows: the board fits its frame, the page does not scroll.
            var widths = await page.EvaluateAsync<int[]>(
                "() => { const w = document.querySelector('.board-wrap'); return [w.scrollWidth, w.clientWidth, " +
                "document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth, " +
                "...[...w.querySelectorAll('thead th')].map(th => Math.round(th.getBoundingClientRect().width))]; }");
            Assert.True(widths[0] <= widths[1],
                $"The board is {widths[0]} px wide in a {widths[1]} px frame at 1280 px ({language}); its columns are {string.Join(", ", widths[4..])} px.");
            Assert.True(widths[2] <= widths[3], $"The page is {widths[2]} px wide on a {widths[3]} px screen ({language}).");

            var closed = page.GetByTestId("recently-closed");
            await Expect(closed.Locator("h2")).ToHaveTextAsync(title);
            var item = closed.Locator("li", new() { HasText = released });
            await Expect(item).ToContainTextAsync(flag);
            await Expect(item.Locator("[data-flag=closed-after-deadline]")).ToBeVisibleAsync();
            await Expect(item).ToContainTextAsync(KyivFormat(Now.AddMinutes(-3)));
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("uk")]
    [InlineData("en")]
    public async Task On_a_360_px_phone_each_detainee_is_a_card_with_the_nearest_deadline_the_next_check_and_the_button(string language)
    {
        await BookInAsync(detainedAgo: TimeSpan.FromMinutes(60 * 60 + 41), arrivedAgo: TimeSpan.FromHours(60), surname: "Довгопрізвищенко-Кардинальська");
        var page = await OpenBoardAsync(language, width: 360, height: 740);
        var card = Row(page, "Тестова Марина Іванівна");

        var scroll = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        Assert.True(scroll[0] <= scroll[1], $"The page is {scroll[0]} px wide on a {scroll[1]} px screen: it scrolls sideways.");
        await Expect(card.GetByTestId("nearest")).ToBeVisibleAsync();
        // The label is drawn beside the value from the cell's data-label (the column headings are hidden on a phone).
        await Expect(card.GetByTestId("nearest")).ToHaveAttributeAsync("data-label", language == "uk" ? "До суду" : "Court deadline");
        Assert.Equal(language == "uk" ? "\"До суду\"" : "\"Court deadline\"",
            await card.GetByTestId("nearest").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await Expect(card.GetByTestId("next-check")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("record-check")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("court-left")).ToBeHiddenAsync();

        // Every card, and everything in it, lies within the screen.
        var overflow = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=board] tbody tr, [data-testid=board] tbody tr *, [data-testid=recently-closed] *')]" +
            ".filter(e => e.getClientRects().length && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)" +
            ".map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 30))");
        Assert.True(overflow.Length == 0, $"Sticking out of the screen: {string.Join("; ", overflow)}");
        var layout = await BrowserSite.MeasureAsync(page, "[data-testid=board] tbody tr:first-child", "[data-testid=board-summary] a.button");
        Assert.True(layout["[data-testid=board] tbody tr:first-child"].Width > 300, "A card should take the screen's width.");

        // The check opens under its card and fits the screen too.
        await card.GetByTestId("record-check").ClickAsync();
        await Expect(page.GetByTestId("check-form")).ToBeVisibleAsync();
        scroll = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        Assert.True(scroll[0] <= scroll[1], $"With the check open the page is {scroll[0]} px wide on a {scroll[1]} px screen.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, $"custody-board-phone-{language}.png");
        await page.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string text) =>
        page.GetByTestId("board").Locator("tbody tr:not(.check-row)", new() { HasText = text });

    private static async Task RecordCheckAsync(IPage page, string surname, string condition)
    {
        await Row(page, surname).GetByTestId("record-check").ClickAsync();
        var form = page.GetByTestId("check-form");
        await form.Locator($"input[value={condition}]").CheckAsync();
        await form.GetByTestId("save-check").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenBoardAsync(string language, int width = 1280, int height = 800)
    {
        var page = await Circuit.NewPageAsync(site, width, height);
        await BrowserSite.SignInAsync(page, Officer);
        await page.GotoAsync($"/culture?c={language}&redirect=/custody/board");
        await Circuit.WaitAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.GetByTestId("board")).ToBeVisibleAsync();
        return page;
    }

    private static string KyivFormat(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv")).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private readonly Dictionary<string, Guid> _records = [];

    /// <summary>Books a person in through the API (as another officer would) and answers the surname.</summary>
    private async Task<string> BookInAsync(TimeSpan detainedAgo, TimeSpan arrivedAgo, int observationLevel = 1, string? surname = null)
    {
        surname ??= "Табличний-" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        using var http = await ApiAsync();
        var response = await http.PostAsJsonAsync("/api/v1/custody/records", new
        {
            facilityId = DemoData.DetentionFacility1,
            person = new
            {
                surname, givenName = "Іван", patronymic = "Степанович", dateOfBirth = "1984-02-29", sex = "male",
                citizenship = "Україна", preferredLanguage = "українська", interpreterNeeded = false,
            },
            legalBasis = "cpc-208",
            detainedAt = At(Now - detainedAgo),
            detentionPlace = "м. Київ, вул. Вигадана, 3",
            arrivedAt = At(Now - arrivedAgo),
            detainingOfficer = "ст. сержант Умовний У. У.",
        });
        Assert.True(response.IsSuccessStatusCode, $"Booking in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        _records[surname] = id;
        if (observationLevel > 1)
        {
            var assessed = await http.PostAsJsonAsync($"/api/v1/custody/records/{id}/entries", new
            {
                type = "risk-assessment", occurredAt = At(Now - arrivedAgo + TimeSpan.FromMinutes(1)), riskLevel = "medium", observationLevel,
            });
            Assert.True(assessed.IsSuccessStatusCode, $"The risk assessment answered {(int)assessed.StatusCode}: {await assessed.Content.ReadAsStringAsync()}");
        }

        return surname;
    }

    private async Task ReleaseAsync(string surname, DateTimeOffset at)
    {
        using var http = await ApiAsync();
        var response = await http.PostAsJsonAsync($"/api/v1/custody/records/{_records[surname]}/release",
            new { occurredAt = At(at), grounds = "deadline", propertyReturned = true });
        Assert.True(response.IsSuccessStatusCode, $"The release answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<System.Text.Json.JsonElement> LastEntryAsync(string surname)
    {
        using var http = await ApiAsync();
        var record = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/custody/records/{_records[surname]}");
        var timeline = record.GetProperty("timeline");
        return timeline[timeline.GetArrayLength() - 1];
    }

    private async Task<HttpClient> ApiAsync()
    {
        var http = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = Officer, password = DemoData.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private static string At(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
