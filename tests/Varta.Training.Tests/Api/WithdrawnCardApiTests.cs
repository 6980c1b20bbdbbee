using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;
using Varta.Training.Data;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Cards taken out of study — a retired card, every card of a course no longer published — leave the learner's queue,
/// its counts and the forecast, and cannot be graded; the learner's memory of them is kept, so they come back as they
/// were when the course is published again.
/// </summary>
public sealed class WithdrawnCardApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Retired_cards_and_cards_of_an_unpublished_course_leave_the_queue_its_counts_and_the_forecast()
    {
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Олег Укладач"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Ніна Повторює"));
        var key = "withdrawn-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(teacher.Client, "/courses", new
        {
            key, unitId = DemoData.KyivCourtSecurity, titleUk = "Курс, що зникне", titleEn = "A course to withdraw", passPercent = 70, attemptsAllowed = 0,
            questionsPerTest = 0, behaviour = "immediate", penalty = 0, dueDays = 30, published = true,
        });
        var lesson = Id(await PostOkAsync(teacher.Client, $"/courses/{key}/lessons", new { key = "only", titleUk = "Урок", titleEn = "Lesson", bodyUk = "Текст.", bodyEn = "Text." }));
        var cards = new List<Guid>();
        foreach (var n in new[] { "A", "B", "C", "D" })
        {
            cards.Add(Id(await PostOkAsync(teacher.Client, $"/lessons/{lesson}/cards", new { frontUk = $"Питання {n}", backUk = n, frontEn = $"Question {n}", backEn = n })));
        }

        var (a, b, c, d) = (cards[0], cards[1], cards[2], cards[3]);
        await PostOkAsync(learner.Client, $"/lessons/{lesson}/read", new { });
        Assert.Equal(cards.Order(), (await QueueAsync(learner.Client)).Select(CardId).Order());

        // A, B and C are studied (Again: back within minutes); D stays new.
        foreach (var card in new[] { a, b, c })
        {
            await PostOkAsync(learner.Client, $"/cards/{card}/review", new { rating = 1, version = 0 });
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var client = await learner.RefreshAsync(factory);
        var editor = await teacher.RefreshAsync(factory);
        var queue = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(3, queue.GetProperty("dueNow").GetInt32());
        Assert.Equal(1, queue.GetProperty("newAvailable").GetInt32());
        Assert.Equal(3, (await GetOkAsync(client, "/cards/forecast")).GetProperty("cards").GetInt32());

        // A (studied) and D (new) are retired: neither is shown, counted, forecast or gradable.
        await RetireAsync(a, d);
        queue = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(new[] { b, c }.Order(), Cards(queue).Select(CardId).Order());
        Assert.Equal(2, queue.GetProperty("dueNow").GetInt32());
        Assert.Equal(0, queue.GetProperty("newAvailable").GetInt32());
        Assert.Equal(2, (await GetOkAsync(client, "/cards/forecast")).GetProperty("cards").GetInt32());
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{Base}/cards/{a}/review", new { rating = 3, version = 1 }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{Base}/cards/{d}/review", new { rating = 3, version = 0 }), HttpStatusCode.NotFound);

        // A page of one still skips the retired card, which is the oldest due.
        var one = await GetOkAsync(client, "/cards/due?take=1");
        Assert.Contains(CardId(Assert.Single(Cards(one))), new[] { b, c });
        Assert.Equal(2, one.GetProperty("dueNow").GetInt32());

        // The course is unpublished: nothing of it is left to study.
        await PublishAsync(editor, key, false);
        queue = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Empty(Cards(queue));
        Assert.Equal(0, queue.GetProperty("dueNow").GetInt32());
        Assert.Equal(0, queue.GetProperty("newAvailable").GetInt32());
        Assert.Equal(0, (await GetOkAsync(client, "/cards/forecast")).GetProperty("cards").GetInt32());
        await Problem.AssertAsync(await client.PostAsJsonAsync($"{Base}/cards/{b}/review", new { rating = 3, version = 1 }), HttpStatusCode.NotFound);

        // Published again: B and C come back where the learner left them.
        await PublishAsync(editor, key, true);
        queue = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(new[] { b, c }.Order(), Cards(queue).Select(CardId).Order());
        Assert.All(Cards(queue), x => Assert.Equal(1, x.GetProperty("version").GetInt32()));
        var graded = await PostOkAsync(client, $"/cards/{b}/review", new { rating = 3, version = 1 });
        Assert.Equal(2, graded.GetProperty("version").GetInt32());
    }

    private static Guid CardId(JsonElement card) => card.GetProperty("cardId").GetGuid();

    private static List<JsonElement> Cards(JsonElement queue) => [.. queue.GetProperty("cards").EnumerateArray()];

    /// <summary>Retires cards as the content importer or a future editor would: the flag on the card, nothing else.</summary>
    private async Task RetireAsync(params Guid[] ids)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        Assert.Equal(ids.Length, await db.Set<Flashcard>().Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Retired, true)));
    }

    private static async Task PublishAsync(HttpClient trainer, string key, bool published)
    {
        var settings = (await GetOkAsync(trainer, $"/courses/{key}/edit")).GetProperty("settings");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        body["published"] = JsonSerializer.SerializeToElement(published);
        await PutOkAsync(trainer, $"/courses/{key}", body);
    }
}
