using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>The custody officer's pages: booking a person in, the record, the board, and the record in English.</summary>
public sealed class CustodyPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Officer = "custody.officer";
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    private DateTime KyivNow => TimeZoneInfo.ConvertTime(site.Factory.Clock.GetUtcNow(), Kyiv).DateTime;

    private static string Full(DateTime kyiv) => kyiv.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Officer_books_a_person_in_from_the_keyboard_and_lands_on_the_record_with_its_clocks()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, Officer);
        await Circuit.GotoAsync(page, "/custody/book-in");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Прийняття затриманого");

        // Arrival (delivery, registered at once) defaults to now; the actual moment of detention is never assumed (CPC
        // art. 209: the clock runs from it, not from arrival), so it starts empty and the officer must enter it.
        var now = KyivNow.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#detainedAt")).ToHaveValueAsync("");
        await Expect(page.Locator("#arrivedAt")).ToHaveValueAsync(now);

        // The officer types from the first field on, moving with Tab.
        await Expect(page.Locator("#surname")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Клавішенко");
        await TabToAsync(page, "#givenName");
        await page.Keyboard.TypeAsync("Оксана");
        await TabToAsync(page, "#patronymic");
        await page.Keyboard.TypeAsync("Миколаївна");
        await TabToAsync(page, "#dateOfBirth");
        // Dates are typed as dd.mm.yyyy whatever the browser's language, and shown back in full.
        await page.Keyboard.TypeAsync("9.4.1991");
        await TabToAsync(page, "#sex");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#sex")).ToHaveValueAsync("female");
        await TabToAsync(page, "#citizenship");
        await Expect(page.Locator("#citizenship")).ToHaveValueAsync("Україна");
        await TabToAsync(page, "#identityDocument");
        await page.Keyboard.TypeAsync("паспорт ЕК 123456");
        await TabToAsync(page, "#detentionPlace");
        await page.Keyboard.TypeAsync("м. Київ, вул. Вигадана, 12");
        await TabToAsync(page, "#detainingOfficer");
        await page.Keyboard.TypeAsync("ст. лейтенант Приклад П. П.");
        var detained = KyivNow; // typed by the officer (here: the same minute as the arrival)
        await page.Locator("#detainedAt").FillAsync(now);
        await page.Locator("#book-in-submit").FocusAsync();
        await Expect(page.Locator("[data-testid=matches]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "custody-book-in.png");

        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex(@"/custody/records/[0-9a-f-]{36}\?new=1$"));
        await Expect(page.GetByTestId("record-number")).ToContainTextAsync(new Regex(@"^ITT-KYIV-1/2026/\d{5}"));
        await Expect(page.GetByTestId("record-number")).ToContainTextAsync("утримується");
        await Expect(page.Locator("h2", new() { HasText = "Клавішенко Оксана Миколаївна" })).ToBeVisibleAsync();
        await Expect(page.Locator(".card", new() { HasText = "Клавішенко" })).ToContainTextAsync("09.04.1991 · жіноча · Україна");

        // The clocks run from the actual moment of detention: 60 h to court, 216 h at most under martial law.
        var clocks = page.GetByTestId("clocks");
        await Expect(clocks).ToContainTextAsync(Full(detained));
        await Expect(clocks).ToContainTextAsync($"{Full(detained.AddHours(60))} (60 год 00 хв)");
        await Expect(clocks).ToContainTextAsync($"{Full(detained.AddHours(216))} (216 год 00 хв)");
        await Expect(clocks).ToContainTextAsync("воєнний стан (216 год)");
        await Expect(page.GetByTestId("timeline").Locator("li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "custody-record.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Board_records_a_check_in_one_click_and_shows_a_new_booking_without_reloading()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, Officer);
        await Circuit.GotoAsync(page, "/custody/board");
        await Expect(page.Locator("h1")).ToContainTextAsync("ІТТ");
        var board = page.GetByTestId("board");
        var row = board.Locator("tbody tr:not(.check-row)", new() { HasText = "Вигаданий Остап Петрович" });
        await Expect(row).ToBeVisibleAsync();
        await page.EvaluateAsync("window.__sameDocument = true");

        // The check button asks what the officer found (nothing is assumed) and records a check made now; the next one falls
        // due an hour later (observation level 1, so rousing is not asked).
        var nextCheck = row.GetByTestId("next-check");
        var next = KyivNow.AddHours(1).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);
        await Expect(nextCheck).Not.ToContainTextAsync(next);
        await row.GetByTestId("record-check").ClickAsync();
        var form = page.GetByTestId("check-form");
        await Expect(form.GetByTestId("roused")).ToHaveCountAsync(0);
        await form.GetByLabel("не спить, у нормі").CheckAsync();
        await form.GetByTestId("save-check").ClickAsync();

        await Expect(page.Locator("p.ok[role=status]")).ToHaveTextAsync($"Перевірку Вигаданий Остап Петрович записано о {Full(KyivNow)}.");
        await Expect(nextCheck).ToHaveTextAsync($"{next} L1");
        // The check was overdue when it was made, and the board says so.
        await Expect(row.GetByTestId("last-check")).ToContainTextAsync("із запізненням");

        // The stored "check overdue" alert clears at the next alert scan (every minute), and the board follows.
        var overdue = row.Locator(".tag.alert", new() { HasText = "прострочена перевірка" });
        site.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Expect(overdue).ToHaveCountAsync(0);

        // Someone else books a person in through the API; the open board shows the new row by itself.
        var rows = await board.Locator("tbody tr").CountAsync();
        var surname = "Живенко";
        await BookInThroughApiAsync(surname);
        var added = board.Locator("tbody tr", new() { HasText = surname });
        await Expect(added).ToBeVisibleAsync();
        await Expect(board.Locator("tbody tr")).ToHaveCountAsync(rows + 1);
        await Expect(page.GetByTestId("board-summary")).ToContainTextAsync($"Утримується {rows + 1} із");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The board reloaded instead of updating in place.");

        // On an ordinary desktop the whole board, check buttons included, fits beside the navigation.
        var widths = await page.EvaluateAsync<int[]>(
            "() => { const w = document.querySelector('.table-wrap'); return [w.scrollWidth, w.clientWidth, " +
            "...[...w.querySelectorAll('thead th')].map(th => Math.round(th.getBoundingClientRect().width))]; }");
        Assert.True(widths[0] <= widths[1],
            $"The board is {widths[0]} px wide in a {widths[1]} px frame at 1280 px; its columns are {string.Join(", ", widths[2..])} px.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "custody-board.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Record_page_in_English_shows_no_untranslated_text()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, Officer);
        await Circuit.GotoAsync(page, "/custody/board");
        var link = page.GetByTestId("board").Locator("tbody tr", new() { HasText = "Тестова Марина Іванівна" }).Locator("a").First;
        var record = await link.GetAttributeAsync("href");
        // A fresh load: after moving inside the app the language links still point at the first page (see below).
        await Circuit.GotoAsync(page, record!);
        await Expect(page.GetByTestId("clocks").Locator("h2")).ToHaveTextAsync("Строки");

        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Circuit.WaitAsync(page);
        await Expect(page.GetByTestId("clocks").Locator("h2")).ToHaveTextAsync("Clocks");
        await Expect(page.GetByTestId("record-number")).ToContainTextAsync("in custody");
        await Expect(page.Locator("#timeline-h")).ToHaveTextAsync("Timeline");
        await Expect(page.GetByTestId("timeline").Locator("li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#add-h")).ToHaveTextAsync("Add entry");
        await Expect(page.Locator("#close-h")).ToHaveTextAsync("Release or transfer");
        await AssertNoTextKeysAsync(page);

        // Every kind of entry the officer can add brings its own fields; none of them may show a raw key.
        var types = await page.Locator("#entry-type option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.True(types.Length > 5, $"Only {types.Length} entry types to choose from.");
        foreach (var type in types)
        {
            await page.Locator("#entry-type").SelectOptionAsync(type);
            await Expect(page.Locator("#entry-type")).ToHaveValueAsync(type);
            await AssertNoTextKeysAsync(page, $"with \"{type}\" chosen");
        }

        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await page.Locator("#entry-type").SelectOptionAsync("welfare-check");
        await Settled.ScreenshotAsync(page, "custody-record-en.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_switch_after_moving_inside_the_app_stays_on_the_current_page()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, Officer);
        await Circuit.GotoAsync(page, "/custody/board");
        await page.GetByTestId("board").Locator("tbody tr", new() { HasText = "Тестова Марина Іванівна" }).Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/custody/records/[0-9a-f-]{36}$"));
        var record = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal(record, new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoTextKeysAsync(IPage page, string when = "")
    {
        // innerText includes the options of every select, so choice lists are covered too.
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        var keys = Regex.Matches(text, @"\b(custody|alarms)\.[\w.-]+").Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"The English page {when} shows text keys: {string.Join(", ", keys)}.");
    }

    private async Task BookInThroughApiAsync(string surname)
    {
        using var http = new HttpClient { BaseAddress = site.Factory.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = Officer, password = DemoData.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var at = site.Factory.Clock.GetUtcNow().AddMinutes(-30).ToString("O", CultureInfo.InvariantCulture);
        var response = await http.PostAsJsonAsync("/api/v1/custody/records", new
        {
            facilityId = DemoData.DetentionFacility1,
            person = new
            {
                surname, givenName = "Іван", patronymic = "Степанович", dateOfBirth = "1984-02-29", sex = "male",
                citizenship = "Україна", preferredLanguage = "українська", interpreterNeeded = false,
            },
            legalBasis = "cpc-208",
            detainedAt = at,
            detentionPlace = "м. Київ, вул. Вигадана, 3",
            arrivedAt = at,
            detainingOfficer = "ст. сержант Умовний У. У.",
        });
        Assert.True(response.IsSuccessStatusCode, $"Booking in through the API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Tab until the element has focus, as a person moves through a form (a date field takes a press per segment).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        var at = await page.EvaluateAsync<string>("document.activeElement?.id || document.activeElement?.tagName");
        Assert.Fail($"Fifteen presses of Tab never reached {selector}; the focus is on {at}.");
    }
}
