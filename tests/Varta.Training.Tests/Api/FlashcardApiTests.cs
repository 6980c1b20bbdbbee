using System.Net;
using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Flashcards: reading a lesson puts its cards in the learner's deck; a review is graded once (a stale version is a
/// conflict), a bad rating is a plain-words field error, cards outside the deck are not found, and a card comes back when
/// its due time passes. The learner's study settings are checked field by field; the forecast covers 30 days.
/// </summary>
public sealed class FlashcardApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Reading_a_lesson_brings_its_cards_and_a_review_is_graded_once_then_comes_back_when_due()
    {
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Ірина Картка"));
        var lessons = await LessonsAsync(learner.Client, "dynamic-security");
        var (overview, overviewKey) = lessons[0];
        Assert.Empty(await QueueAsync(learner.Client));

        var read = await PostOkAsync(learner.Client, $"/lessons/{overview}/read", new { });
        Assert.True(read.GetProperty("read").GetBoolean());
        Assert.True((await LessonAsync(learner.Client, "dynamic-security", overviewKey)).GetProperty("read").GetBoolean());
        var lessonCards = (await LessonAsync(learner.Client, "dynamic-security", overviewKey)).GetProperty("cards").GetInt32();
        var queue = await QueueAsync(learner.Client);
        Assert.Equal(Math.Min(lessonCards, 10), queue.Count); // ten new cards a day by default
        Assert.All(queue, c =>
        {
            Assert.Equal("new", Str(c, "phase"));
            Assert.Equal(0, c.GetProperty("version").GetInt32());
            Assert.False(c.GetProperty("mistake").GetBoolean());
            Assert.Equal("Динамічна безпека", Str(c, "course"));
            Assert.Equal(4, c.GetProperty("intervals").GetArrayLength());
        });

        // Good, from the version shown: stored, and the card leaves the queue until it is due.
        var card = queue[0].GetProperty("cardId").GetGuid();
        var graded = await PostOkAsync(learner.Client, $"/cards/{card}/review", new { rating = 3, version = 0 });
        Assert.Equal(1, graded.GetProperty("version").GetInt32());
        Assert.Equal(1, graded.GetProperty("reviewedToday").GetInt32());
        var due = graded.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(due > factory.Clock.GetUtcNow(), $"due {due}");
        var after = await GetOkAsync(learner.Client, "/cards/due?take=100");
        Assert.DoesNotContain(after.GetProperty("cards").EnumerateArray(), c => c.GetProperty("cardId").GetGuid() == card);
        Assert.Equal(1, after.GetProperty("reviewedToday").GetInt32());

        // The same press again (a second tab, a double key press): a conflict, nothing graded.
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/cards/{card}/review", new { rating = 1, version = 0 }), HttpStatusCode.Conflict);
        var unchanged = await GetOkAsync(learner.Client, "/cards/due?take=100");
        Assert.Equal(1, unchanged.GetProperty("reviewedToday").GetInt32());
        Assert.DoesNotContain(unchanged.GetProperty("cards").EnumerateArray(), c => c.GetProperty("cardId").GetGuid() == card);

        // A rating outside 1–4 names the field in words, not in a text key.
        var bad = await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/cards/{queue[1].GetProperty("cardId").GetGuid()}/review", new { rating = 5, version = 0 }),
            HttpStatusCode.BadRequest);
        var message = Assert.Single(bad.GetProperty("errors").GetProperty("rating").EnumerateArray()).GetString()!;
        Assert.DoesNotContain("training.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("rule.", message, StringComparison.Ordinal);
        Assert.Contains("1", message, StringComparison.Ordinal);
        Assert.Contains("4", message, StringComparison.Ordinal);
        Assert.Contains(' ', message);
        Assert.Contains(queue[1].GetProperty("cardId").GetGuid(), (await QueueAsync(learner.Client)).Select(c => c.GetProperty("cardId").GetGuid()));

        // A card of a lesson this learner has not read (another learner has) is not theirs to review; nor is an unknown one.
        using var other = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Андрій Інший"));
        await PostOkAsync(other.Client, $"/lessons/{lessons[1].Id}/read", new { });
        var foreign = (await QueueAsync(other.Client))[0].GetProperty("cardId").GetGuid();
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/cards/{foreign}/review", new { rating = 3, version = 0 }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/cards/{Guid.NewGuid()}/review", new { rating = 3 }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(card, (await QueueAsync(other.Client)).Select(c => c.GetProperty("cardId").GetGuid()));

        // Past its due time the card is back, in learning, at the version the review left.
        Assert.True(due - factory.Clock.GetUtcNow() < TimeSpan.FromHours(2), $"due {due}");
        factory.Clock.Advance(due - factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var client = await learner.RefreshAsync(factory);
        var back = (await QueueAsync(client)).Single(c => c.GetProperty("cardId").GetGuid() == card);
        Assert.Equal("learning", Str(back, "phase"));
        Assert.Equal(1, back.GetProperty("version").GetInt32());
        Assert.Equal(card, (await QueueAsync(client))[0].GetProperty("cardId").GetGuid()); // due cards come before new ones
        var again = await PostOkAsync(client, $"/cards/{card}/review", new { rating = 3, version = 1 });
        Assert.Equal(2, again.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Study_settings_are_checked_field_by_field_and_the_forecast_covers_thirty_days()
    {
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Софія Планувальниця"));
        var defaults = await GetOkAsync(learner.Client, "/settings");
        Assert.Equal(0.9, defaults.GetProperty("desiredRetention").GetDouble(), 6);
        Assert.Equal(7, defaults.GetProperty("workDays").GetArrayLength());

        var bad = await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/settings",
            new { desiredRetention = 0.5, dailyLimit = 0, newPerDay = 101, workDays = new[] { 7 }, version = 0 }), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "desiredRetention", "dailyLimit", "newPerDay", "workDays" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out var errors), $"no error for {field}: {bad}");
            Assert.DoesNotContain("training.", errors[0].GetString()!, StringComparison.Ordinal);
        }

        var none = await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/settings",
            new { desiredRetention = 0.85, dailyLimit = 30, newPerDay = 5, workDays = Array.Empty<int>() }), HttpStatusCode.BadRequest);
        Assert.Equal(["workDays"], none.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, (await GetOkAsync(learner.Client, "/settings")).GetProperty("version").GetInt32());

        var saved = await PutOkAsync(learner.Client, "/settings", new { desiredRetention = 0.85, dailyLimit = 30, newPerDay = 5, workDays = new[] { 1, 2, 3, 4, 5 }, version = 0 });
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var stored = await GetOkAsync(learner.Client, "/settings");
        Assert.Equal(0.85, stored.GetProperty("desiredRetention").GetDouble(), 6);
        Assert.Equal(30, stored.GetProperty("dailyLimit").GetInt32());
        Assert.Equal(5, stored.GetProperty("newPerDay").GetInt32());
        Assert.Equal([1, 2, 3, 4, 5], stored.GetProperty("workDays").EnumerateArray().Select(d => d.GetInt32()));
        await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/settings",
            new { desiredRetention = 0.8, dailyLimit = 30, newPerDay = 5, workDays = new[] { 1 }, version = 0 }), HttpStatusCode.Conflict);

        // The new allowance applies: five new cards of a lesson with more.
        var lesson = (await LessonsAsync(learner.Client, "court-security-basics"))[0].Id;
        await PostOkAsync(learner.Client, $"/lessons/{lesson}/read", new { });
        Assert.Equal(5, (await QueueAsync(learner.Client)).Count);

        var forecast = await GetOkAsync(learner.Client, "/cards/forecast");
        var days = forecast.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        Assert.Equal(30, forecast.GetProperty("dailyLimit").GetInt32());
        var dates = days.Select(d => DateOnly.Parse(Str(d, "date"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(29, dates[^1].DayNumber - dates[0].DayNumber);
        Assert.All(days, d => Assert.Equal(DateOnly.Parse(Str(d, "date"), System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            d.GetProperty("workDay").GetBoolean()));
    }

    [Fact]
    public async Task The_forecast_chart_is_a_png()
    {
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Марта Графік"));
        using var response = await learner.Client.GetAsync($"{Base}/cards/forecast.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }
}
