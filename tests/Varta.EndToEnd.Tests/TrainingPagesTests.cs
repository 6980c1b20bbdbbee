using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The learner's side of Training in the browser: a lesson read adds its flashcards, which are graded with the keyboard
/// alone; every lesson test of a course passed (an essay marked by a trainer in their page) gives a certificate that
/// anyone can verify without signing in. On a desktop and on a 360 px phone.
/// </summary>
public sealed class TrainingPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(1280, 800, "")]
    [InlineData(360, 740, "-360")]
    public async Task A_learner_reads_a_lesson_and_grades_its_flashcards_with_the_keyboard(int width, int height, string suffix)
    {
        var learner = await TrainingSteps.PersonAsync(site, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, "Ірина Карткова");
        var page = await Circuit.NewPageAsync(site, width, height);
        await BrowserSite.SignInAsync(page, learner);
        await Circuit.GotoAsync(page, "/training");
        await Expect(page.GetByTestId("due-summary")).ToContainTextAsync("На сьогодні: 0 карток до повторення, 0 нових.");
        await page.GetByTestId("courses").GetByRole(AriaRole.Link, new() { Name = "Основи безпеки в суді" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Основи безпеки в суді");
        await page.GetByTestId("lessons").GetByRole(AriaRole.Link, new() { Name = "Тривожні кнопки" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Тривожні кнопки");
        await page.Locator("#mark-read").ClickAsync();
        await Expect(page.GetByTestId("lesson-read")).ToContainTextAsync("9");
        await Expect(page.Locator("#mark-read")).ToHaveCountAsync(0);
        await TrainingSteps.FitsAndReadsAsync(page, "The lesson page");

        await Circuit.GotoAsync(page, "/training");
        await Expect(page.GetByTestId("due-summary")).ToContainTextAsync("На сьогодні: 0 карток до повторення, 9 нових.");
        await page.Locator("#start-review").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Картки на сьогодні");
        var counts = page.GetByTestId("review-counts");
        await Expect(counts).ToHaveTextAsync("До повторення: 0 · нових: 9 · сьогодні повторено: 0 з 50");

        // The keyboard alone: the review area holds the focus, Space turns the card, 1–4 grade it and the next one shows.
        var area = page.Locator("#review-area");
        var front = page.GetByTestId("card-front");
        string[] fronts = ["Що таке тривожна кнопка?", "Які види тривожних кнопок використовують у судах?", "Коли натискати тривожну кнопку?", "Хто бачить тривогу після натискання?"];
        string[] keys = ["3", "1", "4", "2"];
        for (var i = 0; i < keys.Length; i++)
        {
            await Expect(area).ToBeFocusedAsync();
            await Expect(front).ToHaveTextAsync(fronts[i]);
            await Expect(page.GetByTestId("card-back")).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("Space");
            await Expect(page.GetByTestId("card-back")).ToBeVisibleAsync();
            await Expect(page.Locator("#grade-1")).ToBeVisibleAsync();
            await Expect(area).ToBeFocusedAsync();
            await page.Keyboard.PressAsync(keys[i]);
            await Expect(front).Not.ToHaveTextAsync(fronts[i]);
            await Expect(counts).ToHaveTextAsync($"До повторення: 0 · нових: {8 - i} · сьогодні повторено: {i + 1} з 50");
        }

        await Expect(page.GetByTestId("review-message")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByTestId("card-back")).ToBeVisibleAsync();
        await TrainingSteps.FitsAndReadsAsync(page, "The review page");
        await Settled.ScreenshotAsync(page, $"training-review{suffix}.png");

        // The graded cards left today's queue: none is due again yet (the clock stands still), four fewer new ones.
        await Circuit.GotoAsync(page, "/training/review");
        await Expect(counts).ToHaveTextAsync("До повторення: 0 · нових: 5 · сьогодні повторено: 4 з 50");
        await Expect(front).ToHaveTextAsync(new Regex("."));
        await Expect(front).Not.ToHaveTextAsync(new Regex(string.Join("|", fronts.Select(Regex.Escape))));
        await Circuit.GotoAsync(page, "/training");
        await Expect(page.GetByTestId("due-summary")).ToContainTextAsync("На сьогодні: 0 карток до повторення, 5 нових.");

        // The study plan shows when the graded cards come back, in a chart and a table.
        await Circuit.GotoAsync(page, "/training/plan");
        await TrainingSteps.ChartShownAsync(page);
        await Expect(page.GetByTestId("forecast-table").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Карток у вашій колоді: 4.");
        await TrainingSteps.FitsAndReadsAsync(page, "The study plan");
        await Settled.ScreenshotAsync(page, $"training-plan{suffix}.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_learner_passes_every_lesson_test_gets_a_certificate_and_anyone_can_verify_it()
    {
        var holder = "Олена Сертифікатна " + Guid.NewGuid().ToString("N")[..4];
        var learner = await TrainingSteps.PersonAsync(site, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, holder);
        var desk = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(desk, learner);
        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, learner);
        IPage? trainer = null;

        // The first two tests on a desktop, the last one on the phone.
        foreach (var (lesson, page) in new[] { (TrainingSteps.Lessons[0], desk), (TrainingSteps.Lessons[1], desk), (TrainingSteps.Lessons[2], phone) })
        {
            await Circuit.GotoAsync(page, $"/training/courses/{TrainingSteps.Course}/{lesson}");
            await page.Locator("#start-test").ClickAsync();
            await page.WaitForURLAsync(new Regex("/training/attempts/[0-9a-f-]{36}$"));
            await Circuit.WaitAsync(page);
            await Expect(page.GetByTestId("attempt-form").Locator("fieldset.question")).ToHaveCountAsync(5);
            await Expect(page.Locator("#submit-attempt")).ToBeVisibleAsync();
            var attemptId = Guid.Parse(new Uri(page.Url).Segments[^1]);
            var key = await TrainingAnswerKey.ForAttemptAsync(site.Factory, attemptId);
            await TrainingSteps.AnswerAsync(page, key);
            await page.Locator("#submit-attempt").ClickAsync();

            // Grading, mistake cards and the certificate take one round trip; on CI, beside the other test assemblies on two
            // cores, it once took longer than the default 20 s: the result gets the minute the pages get.
            var result = page.GetByTestId("attempt-result");
            await Expect(result).ToBeVisibleAsync(new() { Timeout = 60_000 });
            if (key.Any(a => a.Kind == "essay"))
            {
                // A written answer waits for a trainer's mark; the trainer marks it in their page, and the test is then passed.
                await Expect(result).ToContainTextAsync("Есе оцінить викладач");
                trainer ??= await TrainerAsync();
                await Circuit.GotoAsync(trainer, "/training/teach");
                var essay = key.Single(a => a.Kind == "essay");
                var marking = trainer.GetByTestId($"grading-{attemptId.ToString("N")[..8]}");
                await Expect(marking).ToContainTextAsync(holder);
                await Expect(marking).ToContainTextAsync(essay.Text!);
                await marking.Locator($"#mark-{attemptId:N}-{essay.Slot}").SelectOptionAsync("100");
                await marking.Locator($"#comment-{attemptId:N}-{essay.Slot}").FillAsync("Переконливо.");
                await marking.Locator($"#grade-{attemptId:N}-{essay.Slot}").ClickAsync();
                await Expect(trainer.GetByTestId("teach-message")).ToHaveTextAsync("Оцінку збережено.");
                await Expect(marking).ToHaveCountAsync(0);
                await Circuit.GotoAsync(page, $"/training/attempts/{attemptId}");
            }

            await Expect(result).ToContainTextAsync("Результат: 100 %");
            await Expect(result).ToContainTextAsync("тест складено");
            await Expect(page.Locator("#submit-attempt")).ToHaveCountAsync(0);
            await Expect(page.Locator("p.error")).ToHaveCountAsync(0);
            await TrainingSteps.FitsAndReadsAsync(page, $"The attempt page of {lesson}");
            if (lesson == TrainingSteps.Lessons[0])
            {
                await Settled.ScreenshotAsync(page, "training-attempt-result.png");
            }
        }

        // The last test passed completes the course: the result says so, and the certificate is on the training page.
        await Expect(phone.Locator("#see-certificate")).ToBeVisibleAsync();
        await Settled.ScreenshotAsync(phone, "training-attempt-result-360.png");
        await phone.Locator("#see-certificate").ClickAsync();
        var certificate = phone.GetByTestId($"certificate-{TrainingSteps.Course}");
        await Expect(certificate).ToContainTextAsync("Сертифікат чинний");
        await TrainingSteps.FitsAndReadsAsync(phone, "The training page with a certificate");
        await Settled.ScreenshotAsync(phone, "training-certificate-360.png");
        var code = (await certificate.Locator("a[href^='/verify/']").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", code);
        await Circuit.GotoAsync(desk, "/training");
        var onDesk = desk.GetByTestId($"certificate-{TrainingSteps.Course}");
        await Expect(onDesk).ToContainTextAsync(code);
        await Settled.ScreenshotAsync(desk, "training-certificate.png");

        // The certificate as a PDF, downloaded from the page the way a person would.
        var download = await desk.RunAndWaitForDownloadAsync(() => onDesk.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "Not a PDF: " + System.Text.Encoding.UTF8.GetString(pdf[..Math.Min(300, pdf.Length)]));
        Assert.Equal($"varta-certificate-{code.Replace("-", "", StringComparison.Ordinal)}.pdf", download.SuggestedFilename);
        await download.SaveAsAsync(Path.Combine(Screenshots.ArtifactsFolder("downloads"), "training-certificate.pdf"));
        await desk.Context.CloseAsync();
        await phone.Context.CloseAsync();
        if (trainer is not null)
        {
            await trainer.Context.CloseAsync();
        }

        // Anyone holding the code sees whose it is, signed in or not: on a phone in Ukrainian, on a desktop in English.
        var stranger = await site.NewPageAsync(width: 360, height: 740);
        await stranger.GotoAsync($"/verify/{code}");
        await Expect(stranger.Locator("h1")).ToHaveTextAsync("Перевірка сертифіката");
        await Expect(stranger.GetByTestId("verify-result")).ToContainTextAsync("Сертифікат справжній і чинний.");
        await Expect(stranger.GetByTestId("verify-holder")).ToHaveTextAsync(holder);
        await Expect(stranger.GetByTestId("verify-result")).ToContainTextAsync("Основи безпеки в суді");
        await TrainingSteps.FitsAndReadsAsync(stranger, "The verification page");
        await Settled.ScreenshotAsync(stranger, "training-verify-360.png");
        await stranger.GotoAsync("/verify/ABCD-EFGH-JKMN");
        await Expect(stranger.GetByTestId("verify-result")).ToHaveTextAsync("Сертифіката з таким кодом немає.");
        await stranger.Context.CloseAsync();

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/culture?c=en&redirect={Uri.EscapeDataString("/verify/" + code)}");
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Certificate verification");
        await Expect(visitor.GetByTestId("verify-result")).ToContainTextAsync("The certificate is genuine and valid.");
        await Expect(visitor.GetByTestId("verify-result")).ToContainTextAsync("Court security basics");
        await Expect(visitor.GetByTestId("verify-holder")).ToHaveTextAsync(holder);
        await TrainingSteps.FitsAndReadsAsync(visitor, "The verification page in English");
        await Settled.ScreenshotAsync(visitor, "training-verify-en.png");

        // A trainer revokes it from their people page on a phone: a reason is required (said beside the field, nothing
        // revoked), then the cell says revoked, and the public check says so without the reason.
        var revoker = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(revoker, await TrainingSteps.PersonAsync(site, Roles.Trainer, DemoData.Country, "Марта Відкликальна"));
        await Circuit.GotoAsync(revoker, "/training/people");
        var holderRow = revoker.GetByTestId("people-progress").Locator("tbody tr").Filter(new() { HasText = holder });
        await holderRow.GetByRole(AriaRole.Button, new() { Name = "Відкликати" }).ClickAsync();
        var form = revoker.GetByTestId("revoke-form");
        await Expect(form.Locator("h2")).ToContainTextAsync(holder);
        await revoker.Locator("#revoke-confirm").ClickAsync();
        await Expect(form).ToContainTextAsync("Причина відкликання — від 3 до 500 символів.");
        await Expect(revoker.Locator("#revoke-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("verify-result")).ToContainTextAsync("The certificate is genuine and valid.");

        await revoker.Locator("#revoke-reason").FillAsync("Навчання пройдено з порушенням правил (демонстраційний випадок).");
        await revoker.Locator("#revoke-confirm").ClickAsync();
        await Expect(revoker.GetByTestId("revoke-message")).ToHaveTextAsync($"Сертифікат {code} відкликано.");
        await Expect(form).ToHaveCountAsync(0);
        await Expect(holderRow).ToContainTextAsync(new Regex(@"Сертифікат відкликано \d{2}\.\d{2}\.\d{4}"));
        await TrainingSteps.FitsAndReadsAsync(revoker, "The people page after a revocation");
        await Settled.ScreenshotAsync(revoker, "training-revoked-360.png");
        await revoker.Context.CloseAsync();

        await visitor.ReloadAsync();
        await Expect(visitor.GetByTestId("verify-result")).ToContainTextAsync(new Regex(@"The certificate is genuine but was revoked on \d{2}\.\d{2}\.\d{4}\."));
        await Expect(visitor.GetByTestId("verify-result")).Not.ToContainTextAsync("порушенням");
        await Settled.ScreenshotAsync(visitor, "training-verify-revoked-en.png");
        await visitor.Context.CloseAsync();
    }

    private async Task<IPage> TrainerAsync()
    {
        var username = await TrainingSteps.PersonAsync(site, Roles.Trainer, DemoData.Country, "Тарас Викладач");
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, username);
        return page;
    }
}
