using System.Net.Http.Headers;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>The two shipped courses are imported at start-up, whole, in Ukrainian and English.</summary>
public sealed class ContentApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task The_shipped_courses_are_imported_with_their_lessons_cards_questions_and_reflections_in_both_languages()
    {
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Олена Читачка"));
        var uk = await CoursesAsync(learner.Client, "uk");
        var en = await CoursesAsync(learner.Client, "en");
        Assert.True(uk.GetValueOrDefault("dynamic-security").GetProperty("lessons").GetInt32() >= 5, uk.GetValueOrDefault("dynamic-security").ToString());
        Assert.True(uk.GetValueOrDefault("court-security-basics").GetProperty("lessons").GetInt32() >= 3);
        Assert.Equal("Основи безпеки в суді", Str(uk["court-security-basics"], "title"));
        Assert.Equal("Court security basics", Str(en["court-security-basics"], "title"));
        foreach (var key in new[] { "dynamic-security", "court-security-basics" })
        {
            Assert.NotEqual(Str(uk[key], "title"), Str(en[key], "title"));
            Assert.NotEqual(Str(uk[key], "summary"), Str(en[key], "summary"));
        }

        // The lessons, read in each language, hold the cards, the questions of that language and the reflective questions.
        int cards = 0, reflections = 0;
        var questions = new Dictionary<string, int> { ["uk"] = 0, ["en"] = 0 };
        foreach (var course in new[] { "dynamic-security", "court-security-basics" })
        {
            foreach (var (_, key) in await LessonsAsync(learner.Client, course))
            {
                var lessonUk = await LessonInAsync(learner.Client, course, key, "uk");
                var lessonEn = await LessonInAsync(learner.Client, course, key, "en");
                Assert.NotEqual(Str(lessonUk, "title"), Str(lessonEn, "title"));
                Assert.False(string.IsNullOrWhiteSpace(Str(lessonUk, "body")));
                Assert.Equal(lessonUk.GetProperty("cards").GetInt32(), lessonEn.GetProperty("cards").GetInt32());
                cards += lessonUk.GetProperty("cards").GetInt32();
                questions["uk"] += lessonUk.GetProperty("questions").GetInt32();
                questions["en"] += lessonEn.GetProperty("questions").GetInt32();
                reflections += lessonUk.GetProperty("reflections").GetArrayLength();
                var texts = lessonUk.GetProperty("reflections").EnumerateArray().Select(r => Str(r, "text"));
                var textsEn = lessonEn.GetProperty("reflections").EnumerateArray().Select(r => Str(r, "text"));
                Assert.Empty(texts.Intersect(textsEn));
            }
        }

        Assert.True(cards >= 60, $"{cards} cards");
        Assert.True(questions["uk"] >= 40, $"{questions["uk"]} questions in Ukrainian");
        Assert.True(questions["en"] >= 40, $"{questions["en"]} questions in English");
        Assert.True(reflections >= 8, $"{reflections} reflective questions");
    }

    [Fact]
    public async Task A_course_or_lesson_that_does_not_exist_is_not_found()
    {
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Петро Шукач"));
        await Problem.AssertAsync(await learner.Client.GetAsync($"{Base}/courses/no-such-course"), System.Net.HttpStatusCode.NotFound);
        await Problem.AssertAsync(await learner.Client.GetAsync($"{Base}/courses/dynamic-security/lessons/no-such-lesson"), System.Net.HttpStatusCode.NotFound);
        await Problem.AssertAsync(await learner.Client.PostAsync($"{Base}/lessons/{Guid.NewGuid()}/read", null), System.Net.HttpStatusCode.NotFound);
        using var anonymous = factory.Anonymous();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Base}/courses")).StatusCode);
    }

    private static async Task<Dictionary<string, JsonElement>> CoursesAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/courses");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        return (await OkAsync(response)).EnumerateArray().ToDictionary(c => Str(c, "key"));
    }

    private static async Task<JsonElement> LessonInAsync(HttpClient client, string course, string lesson, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/courses/{course}/lessons/{lesson}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        return await OkAsync(response);
    }
}
