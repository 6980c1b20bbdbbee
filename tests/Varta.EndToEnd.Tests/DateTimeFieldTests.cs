using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Dates and times on pages are typed and shown as dd.mm.yyyy hh:mm (24-hour, Kyiv time) in the page's language, whatever
/// the browser's own locale (here American English), and what is wrong with a field is said beside it in plain words.
/// </summary>
public sealed class DateTimeFieldTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly Regex Minute = new(@"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$");

    [Fact]
    public async Task Book_in_in_Ukrainian_takes_day_first_24_hour_times_and_says_beside_the_field_what_is_missing()
    {
        var page = await Circuit.NewPageAsync(site, width: 360, height: 740, locale: "en-US");
        await BrowserSite.SignInAsync(page, "custody.officer");
        await Circuit.GotoAsync(page, "/custody/book-in");
        // The browser asks for English; the person chooses Ukrainian.
        await page.GetByRole(AriaRole.Link, new() { Name = "УКР" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
        await Circuit.WaitAsync(page);

        var detained = page.Locator("#detainedAt");
        await Expect(detained).ToHaveValueAsync(""); // never assumed
        await Expect(detained).ToHaveAttributeAsync("inputmode", "decimal");
        await Expect(page.Locator("#detainedAt-hint")).ToHaveTextAsync("дд.мм.рррр гг:хх, за Києвом");
        await Expect(page.Locator("#arrivedAt")).ToHaveValueAsync(Minute);
        await Expect(detained).ToHaveAccessibleNameAsync("Фактичний момент затримання");
        await Expect(detained).ToHaveAccessibleDescriptionAsync("дд.мм.рррр гг:хх, за Києвом");

        // Submitting without a detention time: the page says so beside the field, not in the API's words.
        await page.Locator("#book-in-submit").ClickAsync();
        var message = page.Locator(".validation-message[data-field=detainedAt]");
        await Expect(message).ToHaveTextAsync("Вкажіть дату і час затримання.");
        await Expect(detained).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".validation-message[data-field='person.surname']")).ToHaveTextAsync("Вкажіть прізвище.");
        await Expect(page.GetByTestId("book-in-error")).ToHaveTextAsync("Перевірте позначені поля.");
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        Assert.DoesNotContain("detainedAt", text);
        Assert.DoesNotContain("ISO 8601", text);

        // The browser's American habits are not Varta's format: said at once, beside the field.
        await detained.FillAsync("11/26/2026 2:30 PM");
        await detained.PressAsync("Tab");
        await Expect(message).ToHaveTextAsync("Не схоже на дату і час. Введіть їх так: 26.11.2026 14:30.");

        // Day first, 24-hour, and shown back in full.
        await detained.FillAsync("5.3.2026 9:07");
        await detained.PressAsync("Tab");
        await Expect(detained).ToHaveValueAsync("05.03.2026 09:07");
        await Expect(page.Locator("#dateOfBirth")).ToHaveValueAsync("");
        await page.Locator("#dateOfBirth").FillAsync("09041991");
        await page.Locator("#dateOfBirth").PressAsync("Tab");
        await Expect(page.Locator("#dateOfBirth")).ToHaveValueAsync("09.04.1991");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px screen.");
        await Settled.ScreenshotAsync(page, "forms-book-in-errors-phone-uk.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Book_in_in_English_shows_the_same_format_and_plain_English_errors()
    {
        var page = await Circuit.NewPageAsync(site, locale: "en-US");
        await BrowserSite.SignInAsync(page, "custody.officer");
        await Circuit.GotoAsync(page, "/custody/book-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Circuit.WaitAsync(page);

        await Expect(page.Locator("#detainedAt-hint")).ToHaveTextAsync("dd.mm.yyyy hh:mm, Kyiv time");
        await Expect(page.Locator("#arrivedAt")).ToHaveValueAsync(Minute);
        await page.Locator("#book-in-submit").ClickAsync();
        await Expect(page.Locator(".validation-message[data-field=detainedAt]")).ToHaveTextAsync("Enter the date and time of the detention.");

        var detained = page.Locator("#detainedAt");
        await detained.FillAsync("26.11.2026 14:30");
        await detained.PressAsync("Tab");
        await Expect(detained).ToHaveValueAsync("26.11.2026 14:30");
        await detained.FillAsync("26.11.2026 2:30 PM");
        await detained.PressAsync("Tab");
        await Expect(page.Locator(".validation-message[data-field=detainedAt]"))
            .ToHaveTextAsync("This does not read as a date and time. Type them like this: 26.11.2026 14:30.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "forms-book-in-errors-en.png");
        await page.Context.CloseAsync();
    }
}
