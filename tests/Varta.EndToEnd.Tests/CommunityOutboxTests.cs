using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// The interviewer's outbox when the server says no, on a 360 px phone: a response kept by a device whose rules were older
/// than the server's is refused, opened again with its answers and the server's words, corrected and sent with the same
/// client id (stored once); a response saved offline while the survey was closed is refused on reconnection and, after a
/// plain-language question, discarded (never stored). The worker's cache is the build's; an older one is gone.
/// </summary>
public sealed class CommunityOutboxTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Oblast = "UA01000000000011111";
    private const string Raion = "UA01020000000022222";
    private const string Hromada = "UA01020030000033333";

    private static LocalizedText Text(string en, string uk) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", uk));

    private static Form Questionnaire() => new()
    {
        Id = "night_safety",
        Version = "1",
        Title = Text("Night safety", "Безпека вночі"),
        Questions =
        [
            new Question { Type = QuestionType.SelectOne, Name = "sex", ListName = "sexes", Label = Text("Sex", "Стать"), Required = "true()" },
            new Question { Type = QuestionType.SelectOne, Name = "victim", ListName = "yes_no", Label = Text("Were you a victim of a crime this year?", "Чи були ви жертвою злочину цього року?"), Required = "true()" },
            new Question
            {
                Type = QuestionType.SelectMultiple, Name = "crime_types", ListName = "crimes", Label = Text("Which crimes?", "Яких злочинів?"), Relevant = "${victim} = 'yes'",
                Required = "true()",
            },
        ],
        ChoiceLists =
        [
            new ChoiceList("sexes", [new Choice("f", Text("Woman", "Жінка")), new Choice("m", Text("Man", "Чоловік"))]),
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
            new ChoiceList("crimes", [new Choice("theft", Text("Theft", "Крадіжка")), new Choice("assault", Text("Assault", "Напад"))]),
        ],
    };

    /// <summary>The codifier of one invented hromada and an open survey of it by the Kyiv unit; answers the survey and its coordinator's API client.</summary>
    internal static async Task<(Guid Survey, HttpClient Coordinator)> OpenSurveyAsync(BrowserSite site)
    {
        using var admin = await site.Factory.ClientAsAsync("admin");
        const string header = "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта";
        var codifier = string.Join("\n", header, $"{Oblast};;;;;O;Вигадана область", $"{Oblast};{Raion};;;;P;Вигаданий район",
            $"{Oblast};{Raion};{Hromada};;;H;Перша вигадана громада");
        var imported = await admin.PostAsync("/api/v1/community/territories/import", new StringContent(codifier, Encoding.UTF8, "text/csv"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var coordinator = (await site.Factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var body = new MultipartFormDataContent
        {
            { new StringContent(DemoData.KyivRegion.ToString()), "unitId" },
            { new StringContent(Oblast), "territoryCode" },
            { new StringContent("2026-11-01"), "periodFrom" },
            { new StringContent("2026-12-31"), "periodTo" },
            { new StringContent("Анонімно, добровільно."), "consentUk" },
        };
        var file = new ByteArrayContent(XlsFormWriter.ToBytes(Questionnaire()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "file", "night_safety.xlsx");
        var created = await coordinator.PostAsync("/api/v1/community/surveys", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await StatusAsync(coordinator, id, "open");
        return (id, coordinator);
    }

    private static async Task StatusAsync(HttpClient coordinator, Guid survey, string status)
    {
        var changed = await coordinator.PostAsJsonAsync($"/api/v1/community/surveys/{survey}/status", new { status });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
    }

    private async Task<int> StoredAsync(Guid survey, Guid clientId)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey && r.ClientId == clientId);
    }

    private static Task<string[]> CachesAsync(IPage page) => page.EvaluateAsync<string[]>("caches.keys()");

    [Fact]
    public async Task A_refused_response_is_corrected_and_sent_with_its_client_id_and_another_is_discarded_after_a_question()
    {
        var (id, coordinator) = await OpenSurveyAsync(site);
        var interviewer = await TrainingSteps.PersonAsync(site, Roles.CommunityAuditor, DemoData.KyivRegion, "Ірина Інтерв’юерка");
        var phone = await site.NewPageAsync(360, 740);
        await BrowserSite.SignInAsync(phone, interviewer);

        // A device that ran an earlier build: its cache is still there before the page is opened.
        await phone.EvaluateAsync("caches.open('varta-collect-v1').then(c => c.put('/community/collect/old', new Response('old')))");
        await phone.GotoAsync($"/community/collect/{id}");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Безпека вночі");
        var build = await phone.Locator("body").GetAttributeAsync("data-build");
        Assert.Matches("^[0-9a-f]{16}$", build);
        // Polled: each round starts a read of the cache names and looks at the last one finished (the worker activates on its own time).
        await phone.WaitForFunctionAsync(
            "build => { caches.keys().then(k => { window.vartaCaches = k; }); const k = window.vartaCaches; return !!k && k.includes('varta-collect-' + build) && !k.includes('varta-collect-v1'); }",
            build);
        Assert.DoesNotContain("varta-collect-v1", await CachesAsync(phone));

        // A response saved under older rules (no "which crimes" after a "yes"): the server refuses it at the next start.
        var outboxKey = $"varta.collect.{id}.outbox";
        var refusedId = Guid.NewGuid();
        var old = JsonSerializer.Serialize(new[] { new { clientId = refusedId, territory = Hromada, answers = new Dictionary<string, string> { ["sex"] = "f", ["victim"] = "yes" }, error = (string?)null } });
        await phone.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { outboxKey, old });
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("refused-count")).ToHaveTextAsync("Не прийнято сервером: 1");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Надсилання не очікує жодна відповідь.");
        var refused = phone.GetByTestId("refused-item");
        await Expect(refused).ToContainTextAsync("Сервер не прийняв відповідь (400)");
        await Expect(refused).ToContainTextAsync("Яких злочинів?: ");
        Assert.Equal(0, await StoredAsync(id, refusedId));
        await Screenshots.SaveAsync(phone, "community-collect-refused-360.png");

        // Still refused after a reload: it is not sent again by itself, and stays listed.
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("refused-count")).ToHaveTextAsync("Не прийнято сервером: 1");

        // Opened again: its answers are back, the server's words beside the question; corrected and saved, it goes out with its id.
        await refused.Locator("[data-action=open]").ClickAsync();
        await Expect(phone.GetByTestId("correcting")).ToBeVisibleAsync();
        await Expect(phone.Locator("#q-sex-f")).ToBeCheckedAsync();
        await Expect(phone.Locator("#q-victim-yes")).ToBeCheckedAsync();
        await Expect(phone.Locator("[data-question=crime_types]")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-error-for=crime_types]")).Not.ToBeEmptyAsync();
        await Expect(phone.Locator("#collect-hromada")).ToHaveValueAsync(Hromada);
        await Screenshots.SaveAsync(phone, "community-collect-correcting-360.png");
        await phone.Locator("#q-crime_types-theft").CheckAsync();
        await phone.Locator("#collect-save").ClickAsync();
        await Expect(phone.GetByTestId("collect-message")).ToHaveTextAsync("Виправлену відповідь збережено й надіслано знову.");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Усі відповіді надіслано.");
        await Expect(phone.GetByTestId("refused-count")).ToHaveCountAsync(0);
        Assert.Equal(1, await StoredAsync(id, refusedId));

        // Offline, a response waits: it has no delete button (nothing lost by a slip).
        await phone.Context.SetOfflineAsync(true);
        await Expect(phone.GetByTestId("net-status")).ToHaveTextAsync("Без зв’язку: відповіді зберігаються на пристрої");
        await phone.Locator("#collect-hromada").SelectOptionAsync(Hromada);
        await phone.Locator("#q-sex-m").CheckAsync();
        await phone.Locator("#q-victim-no").CheckAsync();
        await phone.Locator("#collect-save").ClickAsync();
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Очікують надсилання: 1");
        await Expect(phone.Locator("[data-action=discard]")).ToHaveCountAsync(0);
        var waitingId = Guid.Parse(await phone.EvaluateAsync<string>("key => JSON.parse(localStorage.getItem(key))[0].clientId", outboxKey));

        // The coordinator closes the survey meanwhile: on reconnection the response is sent and refused (409).
        await StatusAsync(coordinator, id, "closed");
        await phone.Context.SetOfflineAsync(false);
        await Expect(phone.GetByTestId("refused-count")).ToHaveTextAsync("Не прийнято сервером: 1");
        await Expect(refused).ToContainTextAsync("(409)");

        // Delete asks first; "no" keeps it, "yes" removes it from the device, and it was never stored.
        await refused.Locator("[data-action=discard]").ClickAsync();
        await Expect(phone.GetByTestId("discard-confirm")).ToContainTextAsync("Видалити цю відповідь з пристрою?");
        var widths = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The interviewer page is {widths[0]} px wide on a {widths[1]} px screen.");
        await Screenshots.SaveAsync(phone, "community-collect-discard-360.png");
        await phone.GetByTestId("discard-confirm").Locator("[data-action=discard-no]").ClickAsync();
        await Expect(phone.GetByTestId("refused-count")).ToHaveTextAsync("Не прийнято сервером: 1");
        await refused.Locator("[data-action=discard]").ClickAsync();
        await phone.GetByTestId("discard-confirm").Locator("[data-action=discard-yes]").ClickAsync();
        await Expect(phone.GetByTestId("collect-message")).ToHaveTextAsync("Відповідь видалено з пристрою.");
        await Expect(phone.GetByTestId("outbox-count")).ToHaveTextAsync("Усі відповіді надіслано.");
        Assert.Equal("[]", await phone.EvaluateAsync<string>("key => localStorage.getItem(key)", outboxKey));
        Assert.Equal(0, await StoredAsync(id, waitingId));
        Assert.Equal(1, await StoredAsync(id, refusedId));

        await phone.Context.CloseAsync();
    }
}
