using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Question banks in and out as GIFT: a malformed file names every bad line and imports nothing; a good one reports what
/// it added; what is exported imports back unchanged; only a trainer over the course's unit may do either. A trainer's
/// own course takes flashcards and reflective questions too.
/// </summary>
public sealed class GiftImportApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    // Line 7 opens a block it never closes; line 12 holds a number that is not one.
    private const string Malformed = """
        // Питання для перевірки імпорту
        ::imp-ok-1:: Чи можна підпирати протипожежні двері? {F}

        ::imp-ok-2:: Скільки виходів у залі? {#2}

        // незакритий блок
        ::imp-bad-1:: Куди телефонувати? {=102 ~112

        ::imp-ok-3:: Кнопка тривоги тиха. {T}

        // число, що не є числом
        ::imp-bad-2:: Скільки хвилин триває тренування? {#п'ять}
        """;

    private const string Good = """
        ::imp-new-1:: Хибна тривога карається. {F}

        ::imp-new-2:: Оберіть номер поліції. {=102 ~101 ~103}

        ::imp-new-3:: Опишіть свої дії після натискання кнопки. {}
        """;

    [Fact]
    public async Task A_malformed_file_names_each_bad_line_and_imports_nothing()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Віктор Імпортер"));
        var (lesson, _) = (await LessonsAsync(author.Client, "court-security-basics"))[1];
        var before = await ExportAsync(author.Client, lesson);
        var counts = await EditCountsAsync(author.Client, lesson);

        var bad = await Problem.AssertAsync(await author.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/questions/gift", new { language = "uk", gift = Malformed }),
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors").GetProperty("gift").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Рядок 7:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Рядок 12:", errors[1], StringComparison.Ordinal);
        Assert.All(errors, e => Assert.DoesNotContain("gift.", e, StringComparison.Ordinal));
        Assert.Equal(before, await ExportAsync(author.Client, lesson));
        Assert.Equal(counts, await EditCountsAsync(author.Client, lesson));

        // In English, the same lines.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/lessons/{lesson}/questions/gift")
        {
            Content = JsonContent.Create(new { language = "uk", gift = Malformed }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = await Problem.AssertAsync(await author.Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal(["Line 7:", "Line 12:"], english.GetProperty("errors").GetProperty("gift").EnumerateArray().Select(e => e.GetString()![..(e.GetString()!.IndexOf(':', StringComparison.Ordinal) + 1)]));

        var noLanguage = await Problem.AssertAsync(await author.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/questions/gift", new { language = "de", gift = Good }),
            HttpStatusCode.BadRequest);
        Assert.True(noLanguage.GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal(before, await ExportAsync(author.Client, lesson));
    }

    [Fact]
    public async Task A_good_file_adds_its_questions_and_an_export_imports_back_unchanged()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Дарина Банк"));
        var (lesson, _) = (await LessonsAsync(author.Client, "court-security-basics"))[2];
        var (uk, en) = await EditCountsAsync(author.Client, lesson);

        var imported = await PostOkAsync(author.Client, $"/lessons/{lesson}/questions/gift", new { language = "uk", gift = Good });
        Assert.Equal(3, imported.GetProperty("added").GetInt32());
        Assert.Equal(0, imported.GetProperty("replaced").GetInt32());
        Assert.Equal(uk + 3, imported.GetProperty("total").GetInt32());
        Assert.Equal((uk + 3, en), await EditCountsAsync(author.Client, lesson));
        var exported = await ExportAsync(author.Client, lesson);
        Assert.Contains("::imp-new-2::", exported, StringComparison.Ordinal);

        // The same file again changes nothing.
        var same = await PostOkAsync(author.Client, $"/lessons/{lesson}/questions/gift", new { language = "uk", gift = Good });
        Assert.Equal((0, 0, uk + 3), (same.GetProperty("added").GetInt32(), same.GetProperty("replaced").GetInt32(), same.GetProperty("total").GetInt32()));

        // The whole bank out and back in, in both languages: nothing added, replaced or retired, the same text out.
        foreach (var language in new[] { "uk", "en" })
        {
            var text = await ExportAsync(author.Client, lesson, language);
            var back = await PostOkAsync(author.Client, $"/lessons/{lesson}/questions/gift", new { language, gift = text, replace = true });
            Assert.Equal(0, back.GetProperty("added").GetInt32());
            Assert.Equal(0, back.GetProperty("replaced").GetInt32());
            Assert.Equal(0, back.GetProperty("retired").GetInt32());
            Assert.Equal(text, await ExportAsync(author.Client, lesson, language));
        }

        Assert.Equal((uk + 3, en), await EditCountsAsync(author.Client, lesson));

        // A changed question replaces the old one; with replace, those left out are retired.
        var changed = Good.Replace("{=102 ~101 ~103}", "{=102 ~101 ~104}", StringComparison.Ordinal);
        var replaced = await PostOkAsync(author.Client, $"/lessons/{lesson}/questions/gift", new { language = "uk", gift = changed, replace = true });
        Assert.Equal(1, replaced.GetProperty("replaced").GetInt32());
        Assert.Equal(uk, replaced.GetProperty("retired").GetInt32());
        Assert.Equal(3, replaced.GetProperty("total").GetInt32());
        Assert.Contains("104", await ExportAsync(author.Client, lesson), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_trainer_over_the_courses_unit_imports_or_exports()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Ліда Власниця"));
        using var regional = await PersonAsync(factory, Roles.Trainer, DemoData.KyivRegion, Name("Кирило Регіональний"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Федір Учень"));
        using var head = await PersonAsync(factory, Roles.UnitHead, DemoData.Country, Name("Ніна Голова"));
        var (lesson, _) = (await LessonsAsync(author.Client, "dynamic-security"))[0];
        var before = await ExportAsync(author.Client, lesson);

        var body = new { language = "uk", gift = Good };
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/questions/gift", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.Client.GetAsync($"{Base}/lessons/{lesson}/questions/gift?language=uk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/questions/gift", body)).StatusCode);
        // The shipped courses belong to the country: a regional trainer teaches them but does not edit them.
        await Problem.AssertAsync(await regional.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/questions/gift", body), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await regional.Client.GetAsync($"{Base}/lessons/{lesson}/questions/gift?language=uk"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await author.Client.PostAsJsonAsync($"{Base}/lessons/{Guid.NewGuid()}/questions/gift", body), HttpStatusCode.NotFound);
        Assert.Equal(before, await ExportAsync(author.Client, lesson));
        Assert.False((await GetOkAsync(regional.Client, "/courses/dynamic-security")).GetProperty("canEdit").GetBoolean());
        Assert.True((await GetOkAsync(author.Client, "/courses/dynamic-security")).GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task A_trainer_adds_a_flashcard_and_a_reflective_question_to_a_lesson_of_their_unit()
    {
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Поліна Укладачка"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Гліб Читач"));
        var key = "cards-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(teacher.Client, "/courses", new
        {
            key, unitId = DemoData.KyivCourtSecurity, titleUk = "Картки підрозділу", titleEn = "The unit's cards", passPercent = 70, attemptsAllowed = 0,
            questionsPerTest = 0, behaviour = "immediate", penalty = 0, dueDays = 30, published = true,
        });
        var lesson = Id(await PostOkAsync(teacher.Client, $"/courses/{key}/lessons", new
        {
            key = "first-lesson", titleUk = "Урок", titleEn = "Lesson", bodyUk = "Текст.", bodyEn = "Text.",
        }));
        var card = await PostOkAsync(teacher.Client, $"/lessons/{lesson}/cards", new { frontUk = "Номер поліції?", backUk = "102", frontEn = "Police number?", backEn = "102" });
        Assert.True(card.GetProperty("key").GetString()!.Length <= 80);
        await PostOkAsync(teacher.Client, $"/lessons/{lesson}/reflections", new { textUk = "Що вас здивувало?", textEn = "What surprised you?" });
        var bad = await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/lessons/{lesson}/cards", new { frontUk = "Лише перед" }), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "backUk", "frontEn", "backEn" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        await PostOkAsync(learner.Client, $"/lessons/{lesson}/read", new { });
        var front = Assert.Single(await QueueAsync(learner.Client));
        Assert.Equal("Номер поліції?", Str(front, "front"));
        Assert.Equal(Id(card), front.GetProperty("cardId").GetGuid());
        var read = await LessonAsync(learner.Client, key, "first-lesson");
        Assert.Equal("Що вас здивувало?", Str(Assert.Single(read.GetProperty("reflections").EnumerateArray()), "text"));
        Assert.Equal(1, read.GetProperty("cards").GetInt32());
    }

    private static async Task<string> ExportAsync(HttpClient trainer, Guid lesson, string language = "uk")
    {
        using var response = await trainer.GetAsync($"{Base}/lessons/{lesson}/questions/gift?language={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(int Uk, int En)> EditCountsAsync(HttpClient trainer, Guid lesson)
    {
        var edit = await GetOkAsync(trainer, $"/lessons/{lesson}/edit");
        return (edit.GetProperty("questionsUk").GetInt32(), edit.GetProperty("questionsEn").GetInt32());
    }
}
