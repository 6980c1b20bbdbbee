using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Dynamic security's tests: the interactive behaviour (three tries, a penalty for each wrong one, an incomplete answer
/// costs no try) and the 20-minute limit (answers saved in time count, later ones are refused and not counted).
/// </summary>
public sealed class InteractiveAttemptApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Course = "dynamic-security";

    [Fact]
    public async Task A_wrong_check_costs_a_try_and_the_penalty_an_incomplete_one_costs_nothing()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Лариса Авторка"));
        using var learner = await PersonAsync(factory, Roles.SecurityOfficer, DemoData.ShevchenkivskyiCourt, Name("Степан Перевірка"));
        var course = await GetOkAsync(learner.Client, $"/courses/{Course}");
        Assert.Equal("interactive", Str(course, "behaviour"));
        Assert.Equal(20, course.GetProperty("timeLimitMinutes").GetInt32());
        var penalty = course.GetProperty("penalty").GetDouble();
        Assert.Equal(0.3333333, penalty, 7);
        var (lesson, _) = (await LessonsAsync(learner.Client, Course)).Single(l => l.Key.Contains("ethics", StringComparison.Ordinal));
        var bank = await BankAsync(author.Client, lesson);

        var attempt = await StartAsync(learner.Client, lesson);
        var id = Id(attempt);
        Assert.Equal("interactive", Str(attempt, "behaviour"));
        Assert.Equal(3, attempt.GetProperty("maxTries").GetInt32());
        var item = Items(attempt).First();
        var slot = item.GetProperty("slot").GetInt32();
        var question = QuestionOf(bank, item);
        var check = $"{Base}/attempts/{id}/items/{slot}/check";

        var first = await OkAsync(await learner.Client.PostAsJsonAsync(check, new { response = Wrong(question) }));
        Assert.Equal(1, first.GetProperty("tries").GetInt32());
        Assert.False(first.GetProperty("finished").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("mark").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("rightAnswer").ValueKind);

        // Nothing selected, nothing typed: a field error, and the try is not used.
        var incomplete = await Problem.AssertAsync(await learner.Client.PostAsJsonAsync(check, new { response = new { } }), HttpStatusCode.BadRequest);
        Assert.True(incomplete.GetProperty("errors").TryGetProperty("response", out _), incomplete.ToString());
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync(check, new { response = (object?)null }), HttpStatusCode.BadRequest);
        var unchanged = Items(await GetOkAsync(learner.Client, $"/attempts/{id}")).Single(i => i.GetProperty("slot").GetInt32() == slot);
        Assert.Equal(1, unchanged.GetProperty("tries").GetInt32());
        Assert.False(unchanged.GetProperty("finished").GetBoolean());

        var second = await OkAsync(await learner.Client.PostAsJsonAsync(check, new { response = Right(question) }));
        Assert.Equal(2, second.GetProperty("tries").GetInt32());
        Assert.True(second.GetProperty("finished").GetBoolean());
        Assert.Equal(1 - penalty, second.GetProperty("mark").GetDouble(), 6);
        Assert.False(string.IsNullOrWhiteSpace(Str(second, "rightAnswer")));

        // Finished: neither checked nor saved again.
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync(check, new { response = Right(question) }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/attempts/{id}/items/{slot}", new { response = Wrong(question) }), HttpStatusCode.Conflict);
        var stored = Items(await GetOkAsync(learner.Client, $"/attempts/{id}")).Single(i => i.GetProperty("slot").GetInt32() == slot);
        Assert.Equal(2, stored.GetProperty("tries").GetInt32());
        Assert.Equal(1 - penalty, stored.GetProperty("mark").GetDouble(), 6);

        // Submitted with the other questions unanswered: only the checked one scores.
        var result = await SubmitAsync(learner.Client, id, null);
        Assert.Equal("finished", Str(result, "status"));
        Assert.Equal(Math.Round((1 - penalty) / 5 * 100, 1), result.GetProperty("percent").GetDouble());
        Assert.False(result.GetProperty("passed").GetBoolean());
        Assert.All(Items(result).Where(i => i.GetProperty("slot").GetInt32() != slot), i => Assert.Equal(0, i.GetProperty("mark").GetDouble()));
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync(check, new { response = Right(question) }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/attempts/{id}/submit", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_the_time_limit_answers_are_refused_and_only_those_saved_in_time_count()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Олег Хронометр"));
        using var learner = await PersonAsync(factory, Roles.CustodyOfficer, DemoData.DetentionFacility1, Name("Тимур Поспішний"));
        using var idle = await PersonAsync(factory, Roles.CustodyOfficer, DemoData.DetentionFacility1, Name("Дана Забудькувата"));
        var (lesson, _) = (await LessonsAsync(learner.Client, Course))[0];
        var bank = await BankAsync(author.Client, lesson);
        var attempt = await StartAsync(learner.Client, lesson);
        var id = Id(attempt);
        var forgotten = Id(await StartAsync(idle.Client, lesson));
        Assert.Equal(attempt.GetProperty("startedAt").GetDateTimeOffset().AddMinutes(20), attempt.GetProperty("deadlineAt").GetDateTimeOffset());
        var responses = Responses(attempt, bank);
        Assert.Equal(5, responses.Count);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var saved = await OkAsync(await learner.Client.PutAsJsonAsync($"{Base}/attempts/{id}/items/1", new { response = responses[1] }));
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("mark").ValueKind); // saving is not checking

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var late = await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/attempts/{id}/items/2", new { response = responses[2] }), HttpStatusCode.Conflict);
        Assert.False(string.IsNullOrWhiteSpace(late.GetProperty("detail").GetString()));
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/3/check", new { response = responses[3] }), HttpStatusCode.Conflict);

        var result = await SubmitAsync(learner.Client, id, responses);
        Assert.Equal("finished", Str(result, "status"));
        var marks = Items(result).ToDictionary(i => i.GetProperty("slot").GetInt32(), i => i.GetProperty("mark").GetDouble());
        Assert.Equal(1, marks[1]);
        Assert.All(marks.Where(m => m.Key != 1), m => Assert.Equal(0, m.Value));
        Assert.All(Items(result).Where(i => i.GetProperty("slot").GetInt32() != 1), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("response").ValueKind));
        Assert.Equal(20, result.GetProperty("percent").GetDouble());
        Assert.False(result.GetProperty("passed").GetBoolean());

        // An attempt left open past its limit is graded on its own when next looked at, with what was saved (nothing).
        var closed = await GetOkAsync(idle.Client, $"/attempts/{forgotten}");
        Assert.Equal("finished", Str(closed, "status"));
        Assert.Equal(0, closed.GetProperty("percent").GetDouble());
        await Problem.AssertAsync(await idle.Client.PostAsJsonAsync($"{Base}/attempts/{forgotten}/submit", new { responses }), HttpStatusCode.Conflict);

        // A new attempt has a limit of its own; the third is the last one allowed.
        var next = await StartAsync(learner.Client, lesson);
        Assert.Equal(2, next.GetProperty("number").GetInt32());
        await SubmitAsync(learner.Client, Id(next), Responses(next, bank));
        Assert.Equal(3, (await StartAsync(learner.Client, lesson)).GetProperty("number").GetInt32());
        await SubmitAsync(learner.Client, Id(await StartAsync(learner.Client, lesson)), null);
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/attempts", new { }), HttpStatusCode.Conflict);
    }
}
