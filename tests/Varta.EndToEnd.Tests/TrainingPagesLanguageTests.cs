using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Every training page on a 360 px phone, in Ukrainian and in English: it shows words (never a text key such as
/// "training.review.title") and nothing on it is wider than the screen. Pages are visited with something on them: a lesson
/// read, a card turned, a test begun, a journal entry written.
/// </summary>
public sealed class TrainingPagesLanguageTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly string[] DynamicSecurityLessons =
        ["overview", "trauma-informed-practice", "cultural-competence", "professional-ethics", "de-escalation-and-stress"];

    [Theory]
    [InlineData("uk")]
    [InlineData("en")]
    public async Task Every_training_page_reads_in_its_language_on_a_phone(string language)
    {
        var en = language == "en";
        string T(string uk, string english) => en ? english : uk;
        var learner = await TrainingSteps.PersonAsync(site, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, "Марія Мовна");
        var trainer = await TrainingSteps.PersonAsync(site, Roles.Trainer, DemoData.Country, "Тарас Мовний");

        var phone = await PhoneAsync(learner, en);
        await VisitAsync(phone, "/training", T("Навчання", "Training"), "home");
        await VisitAsync(phone, $"/training/courses/{TrainingSteps.Course}", T("Основи безпеки в суді", "Court security basics"), "course");
        await VisitAsync(phone, "/training/courses/dynamic-security", T("Динамічна безпека", "Dynamic security"), null);
        foreach (var lesson in DynamicSecurityLessons)
        {
            await VisitAsync(phone, $"/training/courses/dynamic-security/{lesson}", null, null);
        }

        foreach (var lesson in TrainingSteps.Lessons.Skip(1))
        {
            await VisitAsync(phone, $"/training/courses/{TrainingSteps.Course}/{lesson}", null, null);
        }

        // The first lesson: read, and a reflection answered into the journal.
        await VisitAsync(phone, $"/training/courses/{TrainingSteps.Course}/duress-alarms", T("Тривожні кнопки", "Duress alarms"), "lesson");
        await phone.Locator("#mark-read").ClickAsync();
        await Expect(phone.GetByTestId("lesson-read")).ToBeVisibleAsync();
        var reflection = phone.GetByTestId("reflection-cs-alarms-r1");
        await reflection.Locator("textarea").FillAsync(T("Кнопка під столом; перевіряв місяць тому.", "Under the desk; tested a month ago."));
        await reflection.Locator("button[type=submit]").ClickAsync();
        await Expect(phone.GetByTestId("lesson-message")).ToHaveTextAsync(T("Збережено у щоденнику.", "Saved in your journal."));
        await TrainingSteps.FitsAndReadsAsync(phone, "The lesson page after reading");

        await VisitAsync(phone, "/training/review", T("Картки на сьогодні", "Today's flashcards"), null);
        await Expect(phone.Locator("#review-area")).ToBeFocusedAsync();
        await phone.Keyboard.PressAsync("Space");
        await Expect(phone.GetByTestId("card-back")).ToBeVisibleAsync();
        await CheckAsync(phone, "/training/review", "review");

        await Circuit.GotoAsync(phone, $"/training/courses/{TrainingSteps.Course}/duress-alarms");
        await phone.Locator("#start-test").ClickAsync();
        await phone.WaitForURLAsync(new Regex("/training/attempts/[0-9a-f-]{36}$"));
        await Expect(phone.GetByTestId("attempt-form").Locator("fieldset.question")).ToHaveCountAsync(5);
        await Expect(phone.Locator("h1")).ToHaveTextAsync(T("Тест: Тривожні кнопки", "Test: Duress alarms"));
        await CheckAsync(phone, "/training/attempts", "attempt");

        await VisitAsync(phone, "/training/plan", T("План навчання", "Study plan"), null);
        await TrainingSteps.ChartShownAsync(phone);
        await CheckAsync(phone, "/training/plan", "plan");
        await VisitAsync(phone, "/training/journal", T("Мій щоденник", "My journal"), "journal");
        await Expect(phone.Locator("main")).ToContainTextAsync(T("Кнопка під столом", "Under the desk"));
        await VisitAsync(phone, "/training/sessions", T("Очні заняття", "Face-to-face sessions"), "sessions");
        await phone.Context.CloseAsync();

        var desk = await PhoneAsync(trainer, en);
        await VisitAsync(desk, "/training/teach", T("Викладачеві", "Trainer's desk"), "teach");
        await VisitAsync(desk, $"/training/teach/courses/{TrainingSteps.Course}", T("Курс: Основи безпеки в суді", "Course: Court security basics"), "teach-course");
        await desk.GetByTestId("editor-lessons").GetByRole(AriaRole.Link, new() { Name = "Тривожні кнопки / Duress alarms" }).ClickAsync();
        await Expect(desk.Locator("h1")).ToHaveTextAsync(T("Урок: Тривожні кнопки", "Lesson: Duress alarms"));
        await Expect(desk.Locator("#gift-text")).ToBeVisibleAsync();
        await CheckAsync(desk, "/training/teach/lessons", "teach-lesson");
        await VisitAsync(desk, "/training/people", T("Навчання працівників", "Staff training"), "people");
        await Expect(desk.Locator("main")).ToContainTextAsync("Марія Мовна");
        await VisitAsync(desk, "/training/sessions", T("Очні заняття", "Face-to-face sessions"), "sessions-trainer");
        await desk.Context.CloseAsync();

        // The verification page is for anyone: a code that matches nothing says so in words.
        var stranger = await site.NewPageAsync(width: 360, height: 740);
        await stranger.GotoAsync(en ? $"/culture?c=en&redirect={Uri.EscapeDataString("/verify/ABCD-EFGH-JKMN")}" : "/verify/ABCD-EFGH-JKMN");
        await Expect(stranger.Locator("h1")).ToHaveTextAsync(T("Перевірка сертифіката", "Certificate verification"));
        await Expect(stranger.GetByTestId("verify-result")).ToHaveTextAsync(T("Сертифіката з таким кодом немає.", "There is no certificate with this code."));
        await CheckAsync(stranger, "/verify", "verify");
        await stranger.Context.CloseAsync();

        async Task VisitAsync(IPage page, string path, string? heading, string? screenshot)
        {
            await Circuit.GotoAsync(page, path);
            await Expect(page.Locator("h1")).ToHaveTextAsync(heading is null ? new Regex(@"\S") : new Regex("^" + Regex.Escape(heading)));
            await Expect(page.Locator("main p.error")).ToHaveCountAsync(0);
            await CheckAsync(page, path, screenshot);
        }

        async Task CheckAsync(IPage page, string path, string? screenshot)
        {
            await TrainingSteps.FitsAndReadsAsync(page, $"{path} ({language})");
            if (screenshot is not null)
            {
                await Settled.ScreenshotAsync(page, $"training-{language}-360-{screenshot}.png");
            }
        }
    }

    private async Task<IPage> PhoneAsync(string username, bool english)
    {
        var page = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(page, username);
        if (english)
        {
            await page.GotoAsync("/culture?c=en&redirect=/training");
        }

        return page;
    }
}
