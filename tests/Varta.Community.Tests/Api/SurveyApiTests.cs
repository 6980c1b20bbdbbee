using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Community.Forms;
using Varta.Community.Forms.XlsForm;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Community.Tests.Api;

/// <summary>A survey from codifier to weighted result, through the API (one host of its own: the codifier import retires what it does not list).</summary>
public sealed class SurveyApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Base = "/api/v1/community";
    private const string Oblast = "UA01000000000011111";
    private const string Raion = "UA01020000000022222";
    private const string Hromada = "UA01020030000033333";
    private const string OtherHromada = "UA01020050000077777";

    private static LocalizedText Text(string en, string uk) => LocalizedText.Of(("English (en)", en), ("Ukrainian (uk)", uk));

    private static Question Choice(string name, string list, string en, string uk) =>
        new() { Type = QuestionType.SelectOne, Name = name, ListName = list, Label = Text(en, uk), Required = "true()" };

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

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent SurveyForm(byte[] xlsx, string territory)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(DemoData.KyivRegion.ToString()), "unitId" },
            { new StringContent(territory), "territoryCode" },
            { new StringContent("2026-11-01"), "periodFrom" },
            { new StringContent("2026-12-31"), "periodTo" },
            { new StringContent("Анонімно, добровільно."), "consentUk" },
        };
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "survey.xlsx");
        return form;
    }

    private static object Response(Guid clientId, string territory, string sex, string feelSafe, string victim = "no", string? crimes = null)
    {
        var answers = new Dictionary<string, string> { ["sex"] = sex, ["age_group"] = "a18_29", ["feel_safe"] = feelSafe, ["victim"] = victim };
        if (crimes is not null)
        {
            answers["crime_types"] = crimes;
        }

        return new { clientId, territory, answers };
    }

    [Fact]
    public async Task A_survey_runs_from_the_codifier_to_a_weighted_result_and_a_resend_is_stored_once()
    {
        using var admin = await factory.ClientAsAsync("admin");
        const string header = "Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія об’єкта;Назва об’єкта";
        var codifier = string.Join("\n", header,
            $"{Oblast};;;;;O;Вигадана область",
            $"{Oblast};{Raion};;;;P;Вигаданий район",
            $"{Oblast};{Raion};{Hromada};;;H;Перша вигадана громада",
            $"{Oblast};{Raion};{OtherHromada};;;H;Друга вигадана громада");
        var imported = await OkAsync(await admin.PostAsync($"{Base}/territories/import", Csv(codifier)));
        Assert.Equal(4, imported.GetProperty("added").GetInt32());
        var again = await OkAsync(await admin.PostAsync($"{Base}/territories/import", Csv(codifier.Replace("Друга вигадана громада", "Перейменована громада", StringComparison.Ordinal))));
        Assert.Equal((0, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("changed").GetInt32()));

        var bad = await ProblemAsync(await admin.PostAsync($"{Base}/territories/import", Csv(header + "\nUA123;;;;;O;Зламаний код")), HttpStatusCode.BadRequest);
        Assert.Contains("рядок 2", bad.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        await OkAsync(await admin.PostAsync($"{Base}/population/import", Csv(
            $"katotth,year,sex,age_group,count\n{Hromada},2026,f,a18_29,1000\n{Hromada},2026,m,a18_29,1000\n{OtherHromada},2026,f,a18_29,500\n{OtherHromada},2026,m,a18_29,500")));

        var coordinator = (await factory.CreateUserClientAsync(Roles.CommunityCoordinator, DemoData.KyivRegion)).Client;
        var auditor = (await factory.CreateUserClientAsync(Roles.CommunityAuditor, DemoData.KyivRegion)).Client;
        var broken = await ProblemAsync(await coordinator.PostAsync($"{Base}/surveys", SurveyForm(Encoding.UTF8.GetBytes("not a workbook"), Oblast)), HttpStatusCode.BadRequest);
        Assert.True(broken.GetProperty("errors").GetProperty("file").GetArrayLength() > 0);
        await ProblemAsync(await coordinator.PostAsync($"{Base}/surveys", SurveyForm(XlsFormWriter.ToBytes(Questionnaire()), "UA99999999999999999")), HttpStatusCode.BadRequest);

        var survey = await OkAsync(await coordinator.PostAsync($"{Base}/surveys", SurveyForm(XlsFormWriter.ToBytes(Questionnaire()), Oblast)));
        var id = survey.GetProperty("id").GetGuid();
        Assert.Equal("draft", survey.GetProperty("status").GetString());
        await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(Guid.NewGuid(), Hromada, "f", "yes")), HttpStatusCode.Conflict);
        var opened = await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{id}/status", new { status = "open" }));
        Assert.False(string.IsNullOrEmpty(opened.GetProperty("publicToken").GetString()));

        // The export reads back as the same questionnaire.
        var exported = await coordinator.GetByteArrayAsync($"{Base}/surveys/{id}/xlsform");
        Assert.Equal(FormJson.Serialize(Questionnaire()), FormJson.Serialize(XlsFormReader.Read(new MemoryStream(exported)).Form!));

        // 20 women (10 feel safe) and 30 men (6 feel safe) of the first hromada.
        var first = Guid.NewGuid();
        for (var i = 0; i < 50; i++)
        {
            var woman = i < 20;
            var safe = woman ? i < 10 : i < 26;
            var body = Response(i == 0 ? first : Guid.NewGuid(), Hromada, woman ? "f" : "m", safe ? "yes" : "no", i % 5 == 0 ? "yes" : "no", i % 5 == 0 ? "theft assault" : null);
            var receipt = await OkAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", body));
            Assert.False(receipt.GetProperty("alreadyStored").GetBoolean());
        }

        // The interviewer's phone sends the first response again when its connection returns: stored once.
        var resent = await OkAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(first, Hromada, "f", "yes", "yes", "theft assault")));
        Assert.True(resent.GetProperty("alreadyStored").GetBoolean());
        Assert.Equal(50, (await OkAsync(await coordinator.GetAsync($"{Base}/surveys/{id}"))).GetProperty("responses").GetInt32());

        // An answer to a question its skip logic hides, and an unknown territory, are refused by name.
        var hidden = await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(Guid.NewGuid(), Hromada, "f", "yes", "no", "theft")),
            HttpStatusCode.BadRequest);
        Assert.True(hidden.GetProperty("errors").TryGetProperty("answers.crime_types", out _));
        var unknown = await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(Guid.NewGuid(), "UA01020090000099999", "f", "yes")),
            HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("territory", out _));
        var raion = await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(Guid.NewGuid(), Raion, "f", "yes")), HttpStatusCode.BadRequest);
        Assert.True(raion.GetProperty("errors").TryGetProperty("territory", out _));

        // Post-stratified: women weigh 1000/20 = 50, men 1000/30; (10·50 + 6·33.3) / 2000 = 0.35 against 16/50 = 0.32 unweighted.
        var result = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{id}/results?question=feel_safe&area={Hromada}"));
        Assert.Equal(50, result.GetProperty("respondents").GetInt32());
        Assert.True(result.GetProperty("weighted").GetBoolean());
        var yes = result.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("value").GetString() == "yes");
        Assert.Equal(0.32, yes.GetProperty("share").GetDouble(), 1e-9);
        Assert.Equal(0.35, yes.GetProperty("weightedShare").GetDouble(), 1e-9);
        Assert.True(yes.GetProperty("lower").GetDouble() < 0.35 && yes.GetProperty("upper").GetDouble() > 0.35);

        // Ten victims answered "which crimes": too few for the default threshold of 10? exactly 10 each: shown; the oblast
        // gives the same figures as its only answering hromada.
        var crimes = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{id}/results?question=crime_types&area={Oblast}"));
        Assert.Equal(10, crimes.GetProperty("respondents").GetInt32());
        Assert.All(crimes.GetProperty("answers").EnumerateArray(), a => Assert.Equal(10, a.GetProperty("count").GetInt32()));

        // Raw responses leave only as anonymous rows: 50 of them, every combination of hromada, sex and age on ≥ 10.
        var csv = (await auditor.GetStringAsync($"{Base}/surveys/{id}/responses.csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("oblast,hromada,sex,age_group,feel_safe,victim,crime_types", csv[0].TrimEnd('\r'));
        Assert.Equal(50, csv.Length - 1);
        Assert.All(csv.Skip(1).GroupBy(l => string.Join(',', l.Split(',').Take(4))), g => Assert.True(g.Count() >= 10));

        var report = await OkAsync(await auditor.GetAsync($"{Base}/surveys/{id}/report?area={Hromada}"));
        Assert.Equal(["sex", "age_group", "feel_safe", "victim", "crime_types"], report.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("question").GetString()));
        Assert.Equal(0.35, report.GetProperty("results")[2].GetProperty("answers")[0].GetProperty("weightedShare").GetDouble(), 1e-9);

        var notChoice = await ProblemAsync(await auditor.GetAsync($"{Base}/surveys/{id}/results?question=nope"), HttpStatusCode.BadRequest);
        Assert.True(notChoice.GetProperty("errors").TryGetProperty("question", out _));

        // Closed: no more responses, but a resend of one already stored still answers "stored".
        await OkAsync(await coordinator.PostAsJsonAsync($"{Base}/surveys/{id}/status", new { status = "closed" }));
        await ProblemAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(Guid.NewGuid(), Hromada, "f", "yes")), HttpStatusCode.Conflict);
        Assert.True((await OkAsync(await auditor.PostAsJsonAsync($"{Base}/surveys/{id}/responses", Response(first, Hromada, "f", "yes", "yes", "theft assault"))))
            .GetProperty("alreadyStored").GetBoolean());
    }
}
