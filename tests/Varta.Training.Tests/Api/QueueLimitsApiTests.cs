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
/// The due queue's edges: due cards oldest first and then new ones; the due count when the page is full (counted apart
/// from the page) and when it is not; a withdrawn due card neither shown nor counted either way; the day's limit and the
/// new-card allowance cutting the page while the counts stay whole.
/// </summary>
public sealed class QueueLimitsApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Due_cards_come_oldest_first_then_new_ones_and_the_counts_hold_at_every_page_size_and_limit()
    {
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Марта Черга"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Петро Повтор"));
        var key = "queue-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(teacher.Client, "/courses", new
        {
            key, unitId = DemoData.KyivCourtSecurity, titleUk = "Черга", titleEn = "Queue", passPercent = 70, attemptsAllowed = 0,
            questionsPerTest = 0, behaviour = "immediate", penalty = 0, dueDays = 30, published = true,
        });
        var lesson = Id(await PostOkAsync(teacher.Client, $"/courses/{key}/lessons", new { key = "only", titleUk = "Урок черги", titleEn = "Queue lesson", bodyUk = "Текст.", bodyEn = "Text." }));
        var cards = new List<Guid>();
        foreach (var n in new[] { "A", "B", "C", "D", "E", "F" })
        {
            cards.Add(Id(await PostOkAsync(teacher.Client, $"/lessons/{lesson}/cards", new { frontUk = $"Питання {n}", backUk = n, frontEn = $"Question {n}", backEn = n })));
        }

        await PostOkAsync(learner.Client, $"/lessons/{lesson}/read", new { });

        // A, B, C and D are studied a minute apart (Again: back within minutes), so they fall due in that order; E and F stay new.
        foreach (var card in cards.Take(4))
        {
            await PostOkAsync(learner.Client, $"/cards/{card}/review", new { rating = 1, version = 0 });
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var client = await learner.RefreshAsync(factory);

        // The whole queue: the due cards oldest first with their texts and titles, then the new ones (in their key's order).
        var all = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(cards.Take(4), Cards(all).Take(4).Select(CardId));
        var fresh = Cards(all).Skip(4).Select(CardId).ToList();
        Assert.Equal(cards.Skip(4).Order(), fresh.Order());
        Assert.Equal(["learning", "learning", "learning", "learning", "new", "new"], Cards(all).Select(c => Str(c, "phase")));
        Assert.Equal("Питання A", Str(Cards(all)[0], "front"));
        Assert.Equal("Урок черги", Str(Cards(all)[0], "lesson"));
        Assert.Equal("Черга", Str(Cards(all)[0], "course"));
        Assert.Equal(fresh[0] == cards[4] ? "Питання E" : "Питання F", Str(Cards(all)[4], "front"));
        Assert.Equal("Урок черги", Str(Cards(all)[4], "lesson"));
        Assert.All(Cards(all).Take(4), c => Assert.Equal(1, c.GetProperty("version").GetInt32()));
        Assert.Equal((4, 2, 4), Counts(all));

        // A page exactly as long as the due cards, and a shorter one: the due count is whole, no new card is looked for.
        var four = await GetOkAsync(client, "/cards/due?take=4");
        Assert.Equal(cards.Take(4), Cards(four).Select(CardId));
        Assert.Equal((4, 0, 4), Counts(four));
        var two = await GetOkAsync(client, "/cards/due?take=2");
        Assert.Equal(cards.Take(2), Cards(two).Select(CardId));
        Assert.Equal((4, 0, 4), Counts(two));

        // A, the oldest due, is retired: skipped by the page and left out of the count, whether the page is full or not.
        await RetireAsync(cards[0]);
        var three = await GetOkAsync(client, "/cards/due?take=3");
        Assert.Equal(cards.Skip(1).Take(3), Cards(three).Select(CardId));
        Assert.Equal((3, 0, 4), Counts(three));
        var twoAgain = await GetOkAsync(client, "/cards/due?take=2");
        Assert.Equal(cards.Skip(1).Take(2), Cards(twoAgain).Select(CardId));
        Assert.Equal((3, 0, 4), Counts(twoAgain));
        var rest = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(cards.Skip(1).Take(3).Concat(fresh), Cards(rest).Select(CardId));
        Assert.Equal((3, 2, 4), Counts(rest));

        // A day's limit of 6 with 4 reviews made leaves room for two cards: the page stops there, the counts do not.
        var settings = await GetOkAsync(client, "/settings");
        var version = settings.GetProperty("version").GetInt32();
        await PutOkAsync(client, "/settings", new { desiredRetention = 0.9, dailyLimit = 6, newPerDay = 10, workDays = new[] { 0, 1, 2, 3, 4, 5, 6 }, version });
        var limited = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(cards.Skip(1).Take(2), Cards(limited).Select(CardId));
        Assert.Equal((3, 2, 4), Counts(limited));
        Assert.Equal(6, limited.GetProperty("dailyLimit").GetInt32());

        // Room for all, but five new cards a day with four introduced today: one new card after the due ones.
        await PutOkAsync(client, "/settings", new { desiredRetention = 0.9, dailyLimit = 100, newPerDay = 5, workDays = new[] { 0, 1, 2, 3, 4, 5, 6 }, version = version + 1 });
        var allowance = await GetOkAsync(client, "/cards/due?take=100");
        Assert.Equal(cards.Skip(1).Take(3).Append(fresh[0]), Cards(allowance).Select(CardId));
        Assert.Equal((3, 2, 4), Counts(allowance));
        Assert.Equal(5, allowance.GetProperty("newPerDay").GetInt32());
    }

    private static (int DueNow, int NewAvailable, int ReviewedToday) Counts(JsonElement queue) =>
        (queue.GetProperty("dueNow").GetInt32(), queue.GetProperty("newAvailable").GetInt32(), queue.GetProperty("reviewedToday").GetInt32());

    private static Guid CardId(JsonElement card) => card.GetProperty("cardId").GetGuid();

    private static List<JsonElement> Cards(JsonElement queue) => [.. queue.GetProperty("cards").EnumerateArray()];

    private async Task RetireAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        Assert.Equal(1, await db.Set<Flashcard>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Retired, true)));
    }
}
