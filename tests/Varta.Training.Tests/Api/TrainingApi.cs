using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;
using Varta.Training.Questions;

namespace Varta.Training.Tests.Api;

/// <summary>A user made for a test, with a name of its own (certificates and lists show it) and a signed-in client.</summary>
internal sealed class Person(Guid id, string username, string name, HttpClient client) : IDisposable
{
    public Guid Id { get; } = id;

    public string Username { get; } = username;

    public string Name { get; } = name;

    public HttpClient Client { get; private set; } = client;

    /// <summary>Signs in again: tokens are judged on the test clock, so after moving it far a new one is needed.</summary>
    public async Task<HttpClient> RefreshAsync(VartaFactory factory, string? language = null)
    {
        Client.Dispose();
        Client = await factory.ClientAsAsync(Username, language);
        return Client;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Steps of the training API that the API test classes share.</summary>
internal static class TrainingApi
{
    public const string Base = "/api/v1/training";

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<JsonElement> GetOkAsync(HttpClient client, string path) => Send(client.GetAsync(Base + path));

    public static Task<JsonElement> PostOkAsync(HttpClient client, string path, object body) => Send(client.PostAsJsonAsync(Base + path, body));

    public static Task<JsonElement> PutOkAsync(HttpClient client, string path, object body) => Send(client.PutAsJsonAsync(Base + path, body));

    private static async Task<JsonElement> Send(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return await OkAsync(response);
    }

    public static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    public static string Str(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    /// <summary>
    /// A new active user holding <paramref name="role"/> over <paramref name="scope"/>, made through the admin API, signed in
    /// with their password (none of the training roles needs a second factor).
    /// </summary>
    public static async Task<Person> PersonAsync(VartaFactory factory, string role, Guid scope, string name, string? language = null)
    {
        using var admin = await factory.ClientAsAsync("admin");
        var username = "tr." + Guid.NewGuid().ToString("N")[..12];
        var created = await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = name, password = DemoData.Password }));
        var id = Id(created);
        await OkAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { assignments = new[] { new { role, scopeId = scope } }, reason = "test" }));
        return new Person(id, username, name, await factory.ClientAsAsync(username, language));
    }

    /// <summary>A name no other test uses, so that a list or a PDF showing it shows this person.</summary>
    public static string Name(string given) => $"{given} {Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    public static Task<JsonElement> LessonAsync(HttpClient client, string course, string lesson) => GetOkAsync(client, $"/courses/{course}/lessons/{lesson}");

    public static async Task<IReadOnlyList<(Guid Id, string Key)>> LessonsAsync(HttpClient client, string course) =>
        [.. (await GetOkAsync(client, $"/courses/{course}")).GetProperty("lessons").EnumerateArray().Select(l => (Id(l), Str(l, "key")))];

    /// <summary>A lesson's bank in Ukrainian as the course's trainer exports it, read back with the module's GIFT reader.</summary>
    public static async Task<IReadOnlyList<Question>> BankAsync(HttpClient trainer, Guid lessonId, string language = "uk")
    {
        var gift = await trainer.GetStringAsync($"{Base}/lessons/{lessonId}/questions/gift?language={language}");
        var parsed = Gift.Parse(gift);
        Assert.Empty(parsed.Errors);
        return parsed.Questions;
    }

    /// <summary>The bank question an attempt's item shows, found by its text.</summary>
    public static Question QuestionOf(IReadOnlyList<Question> bank, JsonElement item)
    {
        var text = Str(item, "text");
        var found = bank.Where(q => q.Text == text).ToList();
        Assert.True(found.Count == 1, $"{found.Count} bank questions have the text of slot {item.GetProperty("slot").GetInt32()}: {text}");
        return found[0];
    }

    /// <summary>A response that earns the whole mark (an essay gets some text: a trainer marks it).</summary>
    public static ResponseValue Right(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice => ResponseValue.Choose(IndexOfBest(q)),
        QuestionKind.MultipleChoice => ResponseValue.Choose([.. Enumerable.Range(0, q.Choices.Count).Where(i => q.Choices[i].Fraction > 0)]),
        QuestionKind.TrueFalse => ResponseValue.Choose(q.TrueFalseAnswer ? ResponseValue.True : ResponseValue.False),
        QuestionKind.ShortAnswer => ResponseValue.Typed(q.Choices[IndexOfBest(q)].Text),
        QuestionKind.Numerical => ResponseValue.Typed(Best(q.Numbers)),
        QuestionKind.Matching => ResponseValue.Match(Enumerable.Range(0, q.Pairs.Count).Where(i => q.Pairs[i].Left.Length > 0).ToDictionary(i => i, i => q.Pairs[i].Right)),
        QuestionKind.Essay => ResponseValue.Typed("Повідомляти треба завжди: погрози складаються в закономірність, і охорона може вжити заходів."),
        _ => throw new InvalidOperationException($"No answer for a {q.Kind} question."),
    };

    /// <summary>A complete response that earns nothing.</summary>
    public static ResponseValue Wrong(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice =>
            ResponseValue.Choose(Enumerable.Range(0, q.Choices.Count).MinBy(i => q.Choices[i].Fraction)),
        QuestionKind.TrueFalse => ResponseValue.Choose(q.TrueFalseAnswer ? ResponseValue.False : ResponseValue.True),
        QuestionKind.ShortAnswer => ResponseValue.Typed("зовсім не те"),
        QuestionKind.Numerical => ResponseValue.Typed("-987654"),
        QuestionKind.Matching => ResponseValue.Match(Rotated(q)),
        _ => throw new InvalidOperationException($"No wrong answer for a {q.Kind} question."),
    };

    private static int IndexOfBest(Question q) => Enumerable.Range(0, q.Choices.Count).MaxBy(i => q.Choices[i].Fraction);

    private static string Best(IReadOnlyList<NumericAnswer> numbers)
    {
        var best = numbers.MaxBy(n => n.Fraction)!;
        return (best.Value ?? ((best.Min + best.Max) / 2)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Each item matched with the next item's answer: all wrong when the answers differ.</summary>
    private static Dictionary<int, string> Rotated(Question q)
    {
        var real = Enumerable.Range(0, q.Pairs.Count).Where(i => q.Pairs[i].Left.Length > 0).ToList();
        return real.Select((pair, n) => (pair, answer: q.Pairs[real[(n + 1) % real.Count]].Right)).ToDictionary(x => x.pair, x => x.answer);
    }

    /// <summary>Right responses to every item of an attempt, but wrong ones in <paramref name="wrongSlots"/>.</summary>
    public static Dictionary<int, ResponseValue> Responses(JsonElement attempt, IReadOnlyList<Question> bank, params int[] wrongSlots) =>
        attempt.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("slot").GetInt32(), i =>
        {
            var q = QuestionOf(bank, i);
            return wrongSlots.Contains(i.GetProperty("slot").GetInt32()) ? Wrong(q) : Right(q);
        });

    public static IEnumerable<JsonElement> Items(JsonElement attempt) => attempt.GetProperty("items").EnumerateArray();

    public static Task<JsonElement> StartAsync(HttpClient learner, Guid lessonId) => PostOkAsync(learner, $"/lessons/{lessonId}/attempts", new { });

    public static Task<JsonElement> SubmitAsync(HttpClient learner, Guid attemptId, Dictionary<int, ResponseValue>? responses) =>
        PostOkAsync(learner, $"/attempts/{attemptId}/submit", new { responses });

    /// <summary>The cards the learner's queue offers now.</summary>
    public static async Task<List<JsonElement>> QueueAsync(HttpClient learner, int take = 100) =>
        [.. (await GetOkAsync(learner, $"/cards/due?take={take}")).GetProperty("cards").EnumerateArray()];
}
