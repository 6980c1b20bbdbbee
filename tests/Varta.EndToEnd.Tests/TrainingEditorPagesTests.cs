using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// A trainer pastes a question bank with mistakes into a lesson's editor: every mistake is listed with its line, nothing
/// is imported, and the pasted text stays to be corrected; once corrected it imports. On a desktop in Ukrainian and on a
/// 360 px phone in English.
/// </summary>
public sealed class TrainingEditorPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(1280, 800, "uk")]
    [InlineData(360, 740, "en")]
    public async Task A_trainer_sees_each_GIFT_mistake_by_line_keeps_the_text_and_imports_it_once_corrected(int width, int height, string language)
    {
        var english = language == "en";
        var run = Guid.NewGuid().ToString("N")[..6];
        var trainer = await TrainingSteps.PersonAsync(site, Roles.Trainer, DemoData.Country, "Тарас Викладач");
        var page = await Circuit.NewPageAsync(site, width, height);
        await BrowserSite.SignInAsync(page, trainer);
        if (english)
        {
            await page.GotoAsync("/culture?c=en&redirect=/training/teach");
        }

        // To the lesson's editor the way a trainer goes: their desk, the course, the lesson.
        await Circuit.GotoAsync(page, "/training/teach");
        await page.GetByTestId("editable-courses").GetByRole(AriaRole.Link, new() { Name = english ? "Court security basics" : "Основи безпеки в суді" }).ClickAsync();
        await page.GetByTestId("editor-lessons").GetByRole(AriaRole.Link, new() { Name = "Тривожні кнопки / Duress alarms" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(english ? "Lesson: Duress alarms" : "Урок: Тривожні кнопки");
        await Expect(page.Locator("#gift-language")).ToHaveValueAsync(language);

        // Line 2 opens a choice question with no right answer; line 8 holds a matching pair without its arrow.
        var broken = english
            ? $"// Emergency numbers\n::e2e-{run}-fire:: Which number do you call for a fire? {{\n~102\n~101\n}}\n\n::e2e-{run}-numbers:: Match each number with its service. {{\n=103 ambulance\n=102 -> police\n=101 -> fire and rescue\n}}\n"
            : $"// Номери екстрених служб\n::e2e-{run}-fire:: За яким номером телефонувати в разі пожежі? {{\n~102\n~101\n}}\n\n::e2e-{run}-numbers:: Зіставте номер зі службою. {{\n=103 швидка\n=102 -> поліція\n=101 -> пожежно-рятувальна служба\n}}\n";
        var gift = page.Locator("#gift-text");
        await gift.FillAsync(broken);
        await page.Locator("#gift-import-button").ClickAsync();
        var errors = page.GetByTestId("gift-errors").Locator("li");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToHaveTextAsync(english
            ? "Line 2: no answer gives full marks; mark the right answer with = or give it a weight of %100%."
            : "Рядок 2: жодна відповідь не дає повного бала; позначте правильну відповідь символом = або вагою %100%.");
        await Expect(errors.Nth(1)).ToHaveTextAsync(english
            ? "Line 8: the pair “103 ambulance” has no -> between its two sides."
            : "Рядок 8: у парі «103 швидка» немає -> між двома частинами.");

        // The outcome is told in the import form itself, above the errors it refers to, not at the foot of a long page.
        var form = page.GetByTestId("gift-import");
        await Expect(form.GetByTestId("editor-message")).ToHaveTextAsync(english ? "Nothing was imported: fix the errors below." : "Нічого не імпортовано: виправте помилки нижче.");
        var boxes = await BrowserSite.MeasureAsync(page, "[data-testid=editor-message]", "#gift-errors");
        Assert.True(boxes["[data-testid=editor-message]"].Bottom <= boxes["#gift-errors"].Y, "The message saying the errors are below is not above them.");
        await Expect(gift).ToHaveValueAsync(broken);
        await Expect(gift).ToHaveAttributeAsync("aria-invalid", "true");
        await TrainingSteps.FitsAndReadsAsync(page, "The lesson editor with GIFT errors");
        await Settled.ScreenshotAsync(page, english ? "training-gift-errors-en-360.png" : "training-gift-errors.png");

        // Corrected where the errors point: it imports, the errors go, and the bank counts the two new questions.
        var counts = page.Locator("h1 + p.muted");
        var before = int.Parse(Regex.Match((await counts.TextContentAsync())!, english ? @"EN (\d+)" : @"UK (\d+)").Groups[1].Value);
        var fixedText = broken.Replace("~101", "=101").Replace(english ? "=103 ambulance" : "=103 швидка", english ? "=103 -> ambulance" : "=103 -> швидка");
        await gift.FillAsync(fixedText);
        await page.Locator("#gift-import-button").ClickAsync();
        await Expect(form.GetByTestId("editor-message")).ToHaveTextAsync(english
            ? $"Imported: 2 new, 0 replaced, 0 retired; {before + 2} in the bank."
            : $"Імпортовано: нових 2, замінено 0, вилучено 0; у банку {before + 2}.");
        await Expect(page.GetByTestId("gift-errors")).ToHaveCountAsync(0);
        await Expect(gift).ToHaveValueAsync("");
        await Expect(counts).ToContainTextAsync($"{(english ? "EN" : "UK")} {before + 2}");
        var download = await page.RunAndWaitForDownloadAsync(() => form.GetByRole(AriaRole.Link, new() { Name = english ? "GIFT (EN)" : "GIFT (UK)" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"::e2e-{run}-fire::", exported, StringComparison.Ordinal);
        Assert.Contains($"::e2e-{run}-numbers::", exported, StringComparison.Ordinal);
        await TrainingSteps.FitsAndReadsAsync(page, "The lesson editor after an import");
        await Settled.ScreenshotAsync(page, english ? "training-gift-imported-en-360.png" : "training-gift-imported.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_trainer_withdraws_a_card_from_the_decks_and_brings_it_back_on_a_phone()
    {
        var trainer = await TrainingSteps.PersonAsync(site, Roles.Trainer, DemoData.Country, "Олена Укладачка");
        var page = await Circuit.NewPageAsync(site, 360, 740);
        await BrowserSite.SignInAsync(page, trainer);
        await page.GotoAsync("/culture?c=en&redirect=/training/teach");
        await Circuit.GotoAsync(page, "/training/teach");
        await page.GetByTestId("editable-courses").GetByRole(AriaRole.Link, new() { Name = "Court security basics" }).ClickAsync();
        await page.GetByTestId("editor-lessons").GetByRole(AriaRole.Link, new() { Name = "Тривожні кнопки / Duress alarms" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lesson: Duress alarms");

        var counts = page.Locator("h1 + p.muted");
        var before = int.Parse(Regex.Match((await counts.TextContentAsync())!, @"(\d+)").Groups[1].Value);
        var first = page.GetByTestId("lesson-cards").Locator("li").First;
        await first.GetByRole(AriaRole.Button, new() { Name = "Withdraw from decks" }).ClickAsync();
        await Expect(first).ToContainTextAsync("(withdrawn)");
        await Expect(counts).ToContainTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TrainingSteps.FitsAndReadsAsync(page, "The lesson editor with a withdrawn card");
        await Settled.ScreenshotAsync(page, "training-card-withdrawn-en-360.png");

        await first.GetByRole(AriaRole.Button, new() { Name = "Bring back" }).ClickAsync();
        await Expect(first).Not.ToContainTextAsync("(withdrawn)");
        await Expect(counts).ToContainTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }
}
