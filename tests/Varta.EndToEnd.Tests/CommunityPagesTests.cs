using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Varta.Community.Data;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// A community safety audit in the browser: a coordinator creates a survey from an XLSForm file and opens it; an
/// interviewer on a 360 px phone fills it with its skip logic, goes offline, completes two more responses which wait in
/// the phone's outbox, and they arrive once the connection returns (a second send of the same responses is stored once);
/// the coordinator reads the weighted result, its chart and two hromadas side by side.
/// </summary>
public sealed class CommunityPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Oblast = "UA01000000000011111";
    private const string Raion = "UA01020000000022222";
    private const string Hromada = "UA01020030000033333";
    private const string OtherHromada = "UA01020050000077777";

    private static LocalizedText Text(string en, string uk) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", uk));

    private static Question Choice(string name, string list, string en, string uk, string? relevant = null) =>
        new() { Type = QuestionType.SelectOne, Name = name, ListName = list, Label = Text(en, uk), Required = "true()", Relevant = relevant };

    private static Form Questionnaire() => new()
    {
        Id = "street_safety",
        Version = "1",
        Title = Text("Street safety", "Безпека на вулиці"),
        Questions =
        [
            Choice("sex", "sexes", "Sex", "Стать"),
            Choice("age_group", "ages", "Age group", "Вікова група"),
            Choice("feel_safe", "yes_no", "Do you feel safe after dark?", "Чи почуваєтеся ви безпечно після настання темряви?"),
            Choice("victim", "yes_no", "Were you a victim of a crime this year?", "Чи були ви жертвою злочину цього року?"),
            new Question
            {
                Type = QuestionType.SelectMultiple, Name = "crime_types", ListName = "crimes", Label = Text("Which crimes?", "Яких злочинів?"), Relevant = "${victim} = 'yes'",
                Required = "true()",
            },
        ],
        ChoiceLists =
        [
            new ChoiceList("sexes", [new Choice("f", Text("Woman", "Жінка")), new Choice("m", Text("Man", "Чоловік"))]),
            new ChoiceList("ages", [new Choice("a18_29", Text("18–29", "18–29")), new Choice("a30_59", Text("30–59", "30–59"))]),
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
            new ChoiceList("crimes", [new Choice("theft", Text("Theft", "Крадіжка")), new Choice("assault", Text("Assault", "Напад"))]),
        ],
    };

    private async Task TerritoriesAsync()
    {
        using var admin = await site.Factory.ClientAsAsync("admin");
        const string header = "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта";
        var codifier = string.Join("\n", header,
            $"{Oblast};;;;;O;Вигадана область",
            $"{Oblast};{Raion};;;;P;Вигаданий район",
            $"{Oblast};{Raion};{Hromada};;;H;Перша вигадана громада",
            $"{Oblast};{Raion};{OtherHromada};;;H;Друга вигадана громада");
        var imported = await admin.PostAsync("/api/v1/community/territories/import", new StringContent(codifier, Encoding.UTF8, "text/csv"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var population = await admin.PostAsync("/api/v1/community/population/import", new StringContent(
            $"katotth,year,sex,age_group,count\n{Hromada},2026,f,a18_29,1000\n{Hromada},2026,m,a18_29,1000\n{OtherHromada},2026,f,a18_29,500\n{OtherHromada},2026,m,a18_29,500",
            Encoding.UTF8, "text/csv"));
        Assert.True(population.IsSuccessStatusCode, await population.Content.ReadAsStringAsync());
    }

    private async Task<int> StoredAsync(Guid survey)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey);
    }

    private static async Task AnswerAsync(IPage page, string hromada, string sex, string feelSafe, string victim, string? crime = null)
    {
        await page.Locator("#collect-hromada").SelectOptionAsync(hromada);
        await page.Locator($"#q-sex-{sex}").CheckAsync();
        await page.Locator("#q-age_group-a18_29").CheckAsync();
        await page.Locator($"#q-feel_safe-{feelSafe}").CheckAsync();
        var crimes = page.Locator("[data-question=crime_types]");
        await Expect(crimes).ToBeHiddenAsync();
        await page.Locator($"#q-victim-{victim}").CheckAsync();
        if (crime is not null)
        {
            // The skip logic: "which crimes" appears only after a "yes".
            await Expect(crimes).ToBeVisibleAsync();
            await page.Locator($"#q-crime_types-{crime}").CheckAsync();
        }
        else
        {
            await Expect(crimes).ToBeHiddenAsync();
        }

        await page.Locator("#collect-save").ClickAsync();
        await Expect(page.GetByTestId("collect-message")).ToHaveTextAsync("Відповідь збережено на пристрої.");
    }

    [Fact]
    public async Task A_survey_is_created_from_an_XLSForm_filled_offline_on_a_phone_and_its_weighted_result_charted()
    {
        await TerritoriesAsync();
        var coordinator = await TrainingSteps.PersonAsync(site, Roles.CommunityCoordinator, DemoData.KyivRegion, "Оксана Координаторка");
        var interviewer = await TrainingSteps.PersonAsync(site, Roles.CommunityAuditor, DemoData.KyivRegion, "Петро Інтерв’юер");

        // The coordinator uploads a broken file first: the workbook's mistakes are listed beside the file field.
        var desk = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(desk, coordinator);
        await Circuit.GotoAsync(desk, "/community/surveys");
        await Expect(desk.Locator("h1")).ToHaveTextAsync("Опитування громад");
        await desk.Locator("#survey-territory").FillAsync("UA123");
        await desk.Locator("#survey-from").FillAsync("01.11.2026");
        await desk.Locator("#survey-to").FillAsync("31.12.2026");
        await desk.Locator("#survey-consent-uk").FillAsync("Опитування анонімне і добровільне.");
        await desk.Locator("#survey-consent-en").FillAsync("The survey is anonymous and voluntary.");
        await desk.Locator("#survey-file").SetInputFilesAsync(new FilePayload { Name = "broken.xlsx", MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes("not a workbook") });
        await desk.Locator("#survey-submit").ClickAsync();
        await Expect(desk.Locator(".validation-message[data-field=territoryCode]")).ToContainTextAsync("UA");
        await desk.Locator("#survey-territory").FillAsync(Oblast);
        await desk.Locator("#survey-submit").ClickAsync();
        await Expect(desk.GetByTestId("file-errors").Locator("li")).Not.ToHaveCountAsync(0);
        await Settled.ScreenshotAsync(desk, "community-surveys-file-errors.png");

        await desk.Locator("#survey-file").SetInputFilesAsync(new FilePayload
        {
            Name = "street_safety.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = XlsFormWriter.ToBytes(Questionnaire()),
        });
        await desk.Locator("#survey-submit").ClickAsync();
        await Expect(desk.GetByTestId("surveys-message")).ToHaveTextAsync("Опитування «Безпека на вулиці» створено (чернетка).");
        var card = desk.GetByTestId("survey-street_safety");
        await Expect(card.GetByTestId("survey-status")).ToHaveTextAsync("чернетка");
        await card.Locator("button[id^=status-]").ClickAsync();
        await Expect(card.GetByTestId("survey-status")).ToHaveTextAsync("відкрите");
        await Expect(card.GetByTestId("public-link")).ToContainTextAsync("/community/s/");
        await Expect(card).ToContainTextAsync("01.11.2026 – 31.12.2026");
        var publicHref = (await card.GetByTestId("public-link").GetAttributeAsync("href"))!;
        var id = Guid.Parse((await card.GetByTestId("results-link").GetAttributeAsync("href"))!.Split('/')[3]);
        await Settled.ScreenshotAsync(desk, "community-surveys.png");
        var xlsform = await desk.APIRequest.GetAsync($"/community/surveys/{id}/xlsform");
        Assert.Equal(200, xlsform.Status);

        // The interviewer's phone: one response online, with the skip logic.
        var phone = await site.NewPageAsync(360, 740);
        await BrowserSite.SignInAsync(phone, interviewer);
        await phone.GotoAsync($"/community/collect/{id}");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Безпека на вулиці");
        await Expect(phone.GetByTestId("net-status")).ToHaveTextAsync("Зв’язок є");

        // Saving with answers missing says so beside each question and keeps nothing.
        await phone.Locator("#collect-save").ClickAsync();
        await Expect(phone.GetByTestId("collect-message")).ToHaveTextAsync("Виправте позначені відповіді.");
        await Expect(phone.Locator("[data-error-for=sex]")).ToHaveTextAsync("Відповідь обов'язкова.");
        await Expect(phone.Locator("#collect-hromada-error")).ToHaveTextAsync("Відповідь обов’язкова.");

        var before = await StoredAsync(id);
        await AnswerAsync(phone, Hromada, "f", "yes", "yes", "theft");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Усі відповіді надіслано.");
        await Expect(phone.GetByTestId("sent-count")).ToHaveTextAsync("Надіслано з цієї сторінки: 1");
        Assert.Equal(before + 1, await StoredAsync(id));

        // Offline: two more responses wait on the phone.
        await phone.Context.SetOfflineAsync(true);
        await Expect(phone.GetByTestId("net-status")).ToHaveTextAsync("Без зв’язку: відповіді зберігаються на пристрої");
        await AnswerAsync(phone, OtherHromada, "m", "no", "no");
        await AnswerAsync(phone, Hromada, "m", "yes", "yes", "assault");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Очікують надсилання: 2");
        Assert.Equal(before + 1, await StoredAsync(id));
        var widths = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The interviewer page is {widths[0]} px wide on a {widths[1]} px screen.");
        await Screenshots.SaveAsync(phone, "community-collect-offline-360.png");
        var waiting = await phone.EvaluateAsync<string>($"localStorage.getItem('varta.collect.{id}.outbox')");

        // A reload without a connection still shows the form (service worker, or the copy in localStorage) and the queue.
        await phone.ReloadAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Безпека на вулиці");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Очікують надсилання: 2");

        // Back online: the outbox empties and exactly two more responses are stored.
        await phone.Context.SetOfflineAsync(false);
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Усі відповіді надіслано.");
        Assert.Equal(before + 3, await StoredAsync(id));

        // The same two sent again (a phone that never heard the answer): stored once, the count stays.
        await phone.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { $"varta.collect.{id}.outbox", waiting });
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Усі відповіді надіслано.");
        await Expect(phone.GetByTestId("sent-count")).ToHaveTextAsync("Надіслано з цієї сторінки: 2");
        Assert.Equal(before + 3, await StoredAsync(id));

        // More responses through the API so that the result is not all suppressed: 20 women (10 feel safe), 30 men (6).
        var api = (await site.Factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        for (var i = 0; i < 50; i++)
        {
            var woman = i < 20;
            var safe = woman ? i < 10 : i < 26;
            var sent = await api.PostAsJsonAsync($"/api/v1/community/surveys/{id}/responses", new
            {
                clientId = Guid.NewGuid(), territory = Hromada,
                answers = new Dictionary<string, string> { ["sex"] = woman ? "f" : "m", ["age_group"] = "a18_29", ["feel_safe"] = safe ? "yes" : "no", ["victim"] = "no" },
            });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        // The coordinator's results: the survey's oblast compared with the second hromada, table and chart.
        await Circuit.GotoAsync(desk, $"/community/surveys/{id}/results");
        await desk.Locator("#results-question").SelectOptionAsync("feel_safe");
        await desk.Locator("#results-compare").SelectOptionAsync(OtherHromada);
        await desk.Locator("#results-show").ClickAsync();
        var oblast = desk.GetByTestId($"result-{Oblast}");
        await Expect(oblast.GetByTestId("result-summary")).ToContainTextAsync($"Респондентів: {before + 53}");
        await Expect(oblast.Locator("tr[data-value=yes] td.num").Nth(0)).ToHaveTextAsync(new Regex(@"^\d+$"));
        var other = desk.GetByTestId($"result-{OtherHromada}");
        await Expect(other.Locator("td.suppressed")).Not.ToHaveCountAsync(0);
        await Expect(other.GetByTestId("suppression-note")).ToContainTextAsync("менш ніж 10");
        foreach (var chart in new[] { oblast, other })
        {
            await Expect(chart.GetByTestId("result-chart")).ToBeVisibleAsync();
            await desk.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await chart.GetByTestId("result-chart").ElementHandleAsync());
        }

        var csv = await desk.APIRequest.GetAsync(await oblast.GetByTestId("result-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        var csvText = Encoding.UTF8.GetString(await csv.BodyAsync());
        Assert.Contains("Зважена частка", csvText, StringComparison.Ordinal);
        await Settled.ScreenshotAsync(desk, "community-results.png");

        // The same results on a phone: nothing wider than the screen.
        var small = await Circuit.NewPageAsync(site, 360, 740);
        await BrowserSite.SignInAsync(small, coordinator);
        await Circuit.GotoAsync(small, $"/community/surveys/{id}/results");
        await Expect(small.GetByTestId($"result-{Oblast}").GetByTestId("result-chart")).ToBeVisibleAsync();
        await TrainingSteps.FitsAndReadsAsync(small, "The results page");
        await Settled.ScreenshotAsync(small, "community-results-360.png");
        await Circuit.GotoAsync(small, "/community/surveys");
        await TrainingSteps.FitsAndReadsAsync(small, "The surveys page");
        await Settled.ScreenshotAsync(small, "community-surveys-360.png");

        // The public link: consent first, no question before "I agree".
        var respondent = await site.NewPageAsync(360, 740);
        await respondent.GotoAsync(publicHref);
        await Expect(respondent.GetByTestId("consent")).ToContainTextAsync("Опитування анонімне і добровільне.");
        await Expect(respondent.Locator("[data-question]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(respondent, "community-public-consent-360.png");
        await respondent.Locator("#collect-agree").ClickAsync();
        await respondent.Locator("#collect-hromada").SelectOptionAsync(OtherHromada);
        await respondent.Locator("#q-sex-f").CheckAsync();
        await respondent.Locator("#q-age_group-a18_29").CheckAsync();
        await respondent.Locator("#q-feel_safe-no").CheckAsync();
        await respondent.Locator("#q-victim-no").CheckAsync();
        await respondent.Locator("#collect-save").ClickAsync();
        await Expect(respondent.GetByTestId("collect-thanks")).ToHaveTextAsync("Дякуємо! Вашу відповідь надіслано.");
        Assert.Equal(before + 54, await StoredAsync(id));

        await respondent.Context.CloseAsync();
        await small.Context.CloseAsync();
        await phone.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }
}
