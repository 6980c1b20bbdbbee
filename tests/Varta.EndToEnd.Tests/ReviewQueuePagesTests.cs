using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>Issue 13: an inspector works a review item from open to closed, in the pages, at desktop and phone width.</summary>
public sealed class ReviewQueuePagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task An_inspector_finds_a_complaint_in_the_queue_records_a_finding_and_closes_it()
    {
        // A complaint on a record of ІТТ №1; the rules queue it on their next run.
        using var officer = await site.Factory.ClientAsAsync("custody.officer");
        var booked = await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(site.Factory, "Скаржник" + Guid.NewGuid().ToString("N")[..4]));
        booked.EnsureSuccessStatusCode();
        var record = JsonDocument.Parse(await booked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var at = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        (await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries",
            new Dictionary<string, object?> { ["type"] = "complaint", ["occurredAt"] = at, ["text"] = "Холодно в камері" })).EnsureSuccessStatusCode();

        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "rights.inspector");
        ILocator row = page.Locator("tr", new() { HasText = "Скарга" });
        for (var i = 0; i < 100 && await row.CountAsync() == 0; i++)
        {
            site.Factory.Clock.Advance(TimeSpan.FromMinutes(1)); // the rules run on the test clock, once a minute
            await Task.Delay(100);
            await Circuit.GotoAsync(page, "/oversight/queue");
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("Черга перевірок");
        await Expect(page.GetByTestId("dashboard").Locator($"tr[data-facility='{Platform.Demo.DemoData.DetentionFacility1}']")).ToContainTextAsync("ІТТ №1");
        await Expect(page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "Черга перевірок" })).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(1);
        await Settled.ScreenshotAsync(page, "oversight-queue.png");
        await row.GetByRole(AriaRole.Link, new() { Name = "Скарга" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Скарга");
        await Expect(page.GetByTestId("item-status")).ToHaveTextAsync("відкритий");

        // Closing with a violation before any finding is written down: refused beside the choice, what was typed stays.
        var close = page.GetByTestId("close-form");
        await close.GetByLabel("порушення виявлено").CheckAsync();
        await close.GetByLabel("Висновок", new() { Exact = true }).FillAsync("Умови не відповідають нормам");
        await close.GetByTestId("close").ClickAsync();
        await Expect(close).ToContainTextAsync("Щоб закрити з порушенням, спершу запишіть виявлене.");
        await Expect(close.GetByLabel("Висновок", new() { Exact = true })).ToHaveValueAsync("Умови не відповідають нормам");

        var finding = page.GetByTestId("finding-form");
        await finding.GetByLabel("Вид порушення").SelectOptionAsync("conditions");
        await finding.GetByLabel("Що виявлено").FillAsync("Температура в камері нижче норми");
        await finding.GetByLabel("Рекомендація").FillAsync("Відремонтувати опалення");
        await finding.GetByLabel("Хто має діяти").FillAsync("Начальник ІТТ");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Записати виявлене" }).ClickAsync();
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("Умови тримання: Температура в камері нижче норми");

        // The recommendation is followed up before the item can close: refused, then recorded as acted on.
        await close.GetByTestId("close").ClickAsync();
        await Expect(close).ToContainTextAsync("Рекомендацію ще не виконано: спершу позначте, що зроблено.");
        var followUp = page.GetByTestId("follow-up");
        await followUp.GetByLabel("Що зроблено").FillAsync("Опалення відремонтовано");
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Позначити виконаним" }).ClickAsync();
        await Expect(page.GetByTestId("acted")).ToContainTextAsync("Опалення відремонтовано");

        await close.GetByTestId("close").ClickAsync();
        await Expect(page.GetByTestId("item-status")).ToHaveTextAsync("закритий · порушення виявлено");
        await Expect(page.GetByTestId("close-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(page, "oversight-item-closed.png");

        // On a phone: the closed item is in the closed list, and the page fits.
        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "rights.inspector");
        await Circuit.GotoAsync(phone, "/oversight/queue");
        await phone.GetByTestId("status").SelectOptionAsync("closed");
        await Expect(phone.Locator("tr", new() { HasText = "Скарга" })).ToContainTextAsync("закритий");
        var width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The queue is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "oversight-queue-360.png");

        // The item in English on the phone: the same facts, in the other language, and it fits.
        await phone.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Review queue"); // the switch reloads this page in English
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "ENG" })).ToHaveAttributeAsync("aria-current", "true");
        await Circuit.WaitAsync(phone); // interactive again before the list is switched
        await phone.GetByTestId("status").SelectOptionAsync("closed");
        await phone.Locator("tr", new() { HasText = "Complaint" }).GetByRole(AriaRole.Link, new() { Name = "Complaint" }).ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Complaint");
        await Expect(phone.GetByTestId("item-status")).ToHaveTextAsync("closed · violation found");
        await Expect(phone.GetByTestId("findings")).ToContainTextAsync("Conditions of detention: Температура в камері нижче норми");
        await Expect(phone.GetByTestId("acted")).ToContainTextAsync("Acted on");
        width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The item page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "oversight-item-en-360.png");
        await phone.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
