using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;

namespace Varta.Community.Tests.Api;

/// <summary>Steps the API tests share: an invented codifier, a small questionnaire, surveys and their responses.</summary>
internal static class CommunityApi
{
    public const string Base = "/api/v1/community";

    private static LocalizedText Text(string en, string uk) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", uk));

    private static Question Choice(string name, string list, string en, string uk) =>
        new() { Type = QuestionType.SelectOne, Name = name, ListName = list, Label = Text(en, uk), Required = "true()" };

    /// <summary>Sex, age group and "do you feel safe after dark" (yes/no).</summary>
    public static Form Questionnaire(string id = "night_safety") => new()
    {
        Id = id,
        Version = "1",
        Title = Text("Safety after dark", "Безпека після настання темряви"),
        Questions =
        [
            Choice("sex", "sexes", "Sex", "Стать"),
            Choice("age_group", "ages", "Age group", "Вікова група"),
            Choice("feel_safe", "yes_no", "Do you feel safe after dark?", "Чи почуваєтеся ви безпечно після настання темряви?"),
        ],
        ChoiceLists =
        [
            new ChoiceList("sexes", [new Choice("f", Text("Woman", "Жінка")), new Choice("m", Text("Man", "Чоловік"))]),
            new ChoiceList("ages", [new Choice("a18_29", Text("18–29", "18–29")), new Choice("a30_59", Text("30–59", "30–59"))]),
            new ChoiceList("yes_no", [new Choice("yes", Text("Yes", "Так")), new Choice("no", Text("No", "Ні"))]),
        ],
    };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Imports a codifier of one oblast, one raion and the given hromadas (codes invented, in the codifier's shape).</summary>
    public static async Task CodifierAsync(HttpClient admin, string oblast, string raion, params string[] hromadas)
    {
        var lines = new List<string>
        {
            "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта",
            $"{oblast};;;;;O;Вигадана область",
            $"{oblast};{raion};;;;P;Вигаданий район",
        };
        lines.AddRange(hromadas.Select((h, i) => $"{oblast};{raion};{h};;;H;Вигадана громада {i + 1}"));
        await OkAsync(await admin.PostAsync($"{Base}/territories/import", new StringContent(string.Join("\n", lines), Encoding.UTF8, "text/csv")));
    }

    /// <summary>Creates and opens a survey of the questionnaire for a territory and a period; answers its id.</summary>
    public static async Task<Guid> OpenSurveyAsync(HttpClient coordinator, Guid unit, string territory, string from, string to, Form? form = null)
    {
        var body = new MultipartFormDataContent
        {
            { new StringContent(unit.ToString()), "unitId" },
            { new StringContent(territory), "territoryCode" },
            { new StringContent(from), "periodFrom" },
            { new StringContent(to), "periodTo" },
            { new StringContent("Анонімно, добровільно."), "consentUk" },
        };
        var file = new ByteArrayContent(XlsFormWriter.ToBytes(form ?? Questionnaire()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        body.Add(file, "file", "survey.xlsx");
        var id = (await OkAsync(await coordinator.PostAsync($"{Base}/surveys", body))).GetProperty("id").GetGuid();
        await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{id}/status", new { status = "open" }));
        return id;
    }

    /// <summary>Sends <paramref name="total"/> responses from one hromada, of which the first <paramref name="safe"/> feel safe after dark.</summary>
    public static async Task RespondAsync(HttpClient interviewer, Guid survey, string hromada, int total, int safe)
    {
        for (var i = 0; i < total; i++)
        {
            await OkAsync(await interviewer.PostAsJsonAsync($"{Base}/surveys/{survey}/responses", new
            {
                clientId = Guid.NewGuid(),
                territory = hromada,
                answers = new Dictionary<string, string> { ["sex"] = i % 2 == 0 ? "f" : "m", ["age_group"] = "a18_29", ["feel_safe"] = i < safe ? "yes" : "no" },
            }));
        }
    }
}
