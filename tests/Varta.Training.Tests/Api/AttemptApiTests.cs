using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using Varta.Training.Questions;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Lesson tests in the deferred behaviour (court security basics): answered right from the trainer's GIFT export, graded
/// once, essays marked by a trainer of the learner's unit, questions got wrong turned into the learner's own flashcards,
/// the course's certificate with its PDF and its public verification, and the item analysis a trainer reads.
/// </summary>
public sealed class AttemptApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Course = "court-security-basics";

    [Fact]
    public async Task Passing_every_lesson_test_issues_a_certificate_whose_pdf_and_code_name_the_holder()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Тарас Автор"));
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Ганна Викладачка"));
        using var lvivTeacher = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Богдан Львівський"));
        using var learner = await PersonAsync(factory, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, Name("Олена Сертифікатна"));
        var lessons = await LessonsAsync(learner.Client, Course);
        Assert.Equal(3, lessons.Count);

        foreach (var (lessonId, lessonKey) in lessons)
        {
            Assert.Empty((await GetOkAsync(learner.Client, "/certificates/mine")).EnumerateArray());
            var bank = await BankAsync(author.Client, lessonId);
            var attempt = await StartAsync(learner.Client, lessonId);
            var id = Id(attempt);
            Assert.Equal("in-progress", Str(attempt, "status"));
            Assert.Equal("deferred", Str(attempt, "behaviour"));
            Assert.Equal(5, Items(attempt).Count());
            Assert.Equal(attempt.GetProperty("startedAt").GetDateTimeOffset().AddMinutes(20), attempt.GetProperty("deadlineAt").GetDateTimeOffset());
            Assert.All(Items(attempt), i =>
            {
                Assert.Equal(JsonValueKind.Null, i.GetProperty("mark").ValueKind);
                Assert.Equal(JsonValueKind.Null, i.GetProperty("rightAnswer").ValueKind);
                Assert.Equal(JsonValueKind.Null, i.GetProperty("feedback").ValueKind);
            });

            // Starting again gives the attempt in progress; the deferred behaviour checks nothing before the end.
            Assert.Equal(id, Id(await StartAsync(learner.Client, lessonId)));
            var responses = Responses(attempt, bank);
            await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/1/check", new { response = responses[1] }), HttpStatusCode.Conflict);
            await Problem.AssertAsync(await teacher.Client.GetAsync($"{Base}/attempts/{id}"), HttpStatusCode.NotFound);

            var result = await SubmitAsync(learner.Client, id, responses);
            var essays = Items(result).Where(i => Str(i, "kind") == "essay").Select(i => i.GetProperty("slot").GetInt32()).ToList();
            if (essays.Count == 0)
            {
                Assert.Equal("finished", Str(result, "status"));
            }
            else
            {
                // An essay waits for a trainer of the learner's unit; a trainer of another region cannot mark it.
                Assert.Equal("needs-grading", Str(result, "status"));
                Assert.Equal(JsonValueKind.Null, result.GetProperty("percent").ValueKind);
                Assert.Equal(JsonValueKind.Null, result.GetProperty("passed").ValueKind);
                Assert.Empty((await GetOkAsync(learner.Client, "/certificates/mine")).EnumerateArray());
                await Problem.AssertAsync(await lvivTeacher.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{essays[0]}/grade", new { fraction = 1 }), HttpStatusCode.NotFound);
                Assert.Contains((await GetOkAsync(teacher.Client, "/grading")).EnumerateArray(), g => g.GetProperty("attemptId").GetGuid() == id);
                Assert.DoesNotContain((await GetOkAsync(lvivTeacher.Client, "/grading")).EnumerateArray(), g => g.GetProperty("attemptId").GetGuid() == id);
                var graded = await PostOkAsync(teacher.Client, $"/attempts/{id}/items/{essays[0]}/grade", new { fraction = 1, comment = "Переконливо." });
                Assert.Equal(1, graded.GetProperty("essays")[0].GetProperty("mark").GetDouble());
                result = await GetOkAsync(learner.Client, $"/attempts/{id}");
                Assert.Equal("finished", Str(result, "status"));
                Assert.Equal("Переконливо.", Str(Items(result).Single(i => Str(i, "kind") == "essay"), "trainerComment"));
            }

            Assert.Equal(100, result.GetProperty("percent").GetDouble());
            Assert.True(result.GetProperty("passed").GetBoolean(), $"{lessonKey}: {result}");
            Assert.All(Items(result), i => Assert.Equal(1, i.GetProperty("mark").GetDouble()));
            await Problem.AssertAsync(await learner.Client.PostAsJsonAsync($"{Base}/attempts/{id}/submit", new { responses }), HttpStatusCode.Conflict);
            await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/attempts/{id}/items/1", new { response = responses[1] }), HttpStatusCode.Conflict);
            var line = Assert.Single((await LessonAsync(learner.Client, Course, lessonKey)).GetProperty("attempts").EnumerateArray());
            Assert.True(line.GetProperty("passed").GetBoolean());
            Assert.Equal(2, (await LessonAsync(learner.Client, Course, lessonKey)).GetProperty("attemptsLeft").GetInt32());
        }

        // The third lesson passed completes the course.
        var certificate = Assert.Single((await GetOkAsync(learner.Client, "/certificates/mine")).EnumerateArray());
        var code = Str(certificate, "code");
        var grouped = $"{code[..4]}-{code[4..8]}-{code[8..]}";
        Assert.Equal(12, code.Length);
        Assert.Equal(Course, Str(certificate, "courseKey"));
        Assert.Equal(learner.Name, Str(certificate, "holderName"));
        Assert.True(certificate.GetProperty("valid").GetBoolean());
        Assert.Equal(certificate.GetProperty("issuedAt").GetDateTimeOffset().AddMonths(12), certificate.GetProperty("validUntil").GetDateTimeOffset());
        var courseLine = (await GetOkAsync(learner.Client, "/courses")).EnumerateArray().Single(c => Str(c, "key") == Course);
        Assert.Equal(3, courseLine.GetProperty("testsPassed").GetInt32());
        Assert.Equal(code, Str(courseLine.GetProperty("certificate"), "code"));

        // The PDF, for its holder only: their name, the course in both languages, the code as people read it.
        var certificateId = Id(certificate);
        using (var pdf = await learner.Client.GetAsync($"{Base}/certificates/{certificateId}/pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains(learner.Name, text, StringComparison.Ordinal);
            Assert.Contains("Основи безпеки в суді", text, StringComparison.Ordinal);
            Assert.Contains("Court security basics", text, StringComparison.Ordinal);
            Assert.Contains(grouped, text, StringComparison.Ordinal);
        }

        using var stranger = await PersonAsync(factory, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, Name("Чужий Читач"));
        await Problem.AssertAsync(await stranger.Client.GetAsync($"{Base}/certificates/{certificateId}/pdf"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await teacher.Client.GetAsync($"{Base}/certificates/{certificateId}/pdf"), HttpStatusCode.NotFound);
        Assert.Empty((await GetOkAsync(stranger.Client, "/certificates/mine")).EnumerateArray());

        // Anyone with the code may check it, without signing in.
        using var anonymous = factory.Anonymous();
        foreach (var asked in new[] { code, grouped, grouped.ToLowerInvariant() })
        {
            var verified = await OkAsync(await anonymous.GetAsync($"{Base}/verify/{asked}"));
            Assert.True(verified.GetProperty("genuine").GetBoolean());
            Assert.True(verified.GetProperty("valid").GetBoolean());
            Assert.Equal(learner.Name, Str(verified, "holderName"));
            Assert.Equal("Court security basics", Str(verified, "courseTitleEn"));
            Assert.Equal(grouped, Str(verified, "code"));
        }

        var unknown = await OkAsync(await anonymous.GetAsync($"{Base}/verify/{(code == "AAAAAAAAAAAA" ? "BBBBBBBBBBBB" : "AAAAAAAAAAAA")}"));
        Assert.False(unknown.GetProperty("genuine").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("holderName").ValueKind);
        Assert.False((await OkAsync(await anonymous.GetAsync($"{Base}/verify/not-a-code"))).GetProperty("genuine").GetBoolean());

        using var page = await anonymous.GetAsync($"/verify/{grouped}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains(learner.Name, html, StringComparison.Ordinal);
        using var unknownPage = await anonymous.GetAsync("/verify/AAAA-BBBB-CCCC");
        Assert.DoesNotContain(learner.Name, WebUtility.HtmlDecode(await unknownPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_essay_keeps_the_attempt_awaiting_marks_until_a_trainer_of_the_learners_unit_marks_it()
    {
        // A course of the Kyiv court security unit, one lesson of a true-false question and an essay, all drawn.
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Ярина Оцінювачка"));
        using var lvivTeacher = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Остап Сторонній"));
        var key = "essay-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(teacher.Client, "/courses", new
        {
            key, unitId = DemoData.KyivCourtSecurity, titleUk = "Письмові відповіді", titleEn = "Written answers", passPercent = 70, attemptsAllowed = 2,
            questionsPerTest = 0, behaviour = "deferred", penalty = 0, dueDays = 90, published = true,
        });
        var lesson = Id(await PostOkAsync(teacher.Client, $"/courses/{key}/lessons", new
        {
            key = "only-lesson", titleUk = "Єдиний урок", titleEn = "The only lesson", bodyUk = "Текст уроку.", bodyEn = "The lesson's text.",
        }));
        const string gift = "::ess-tf:: Про погрозу повідомляють, навіть якщо вона здається жартом. {T}\n\n::ess-why:: Поясніть, чому про погрози треба повідомляти. {}\n";
        var imported = await PostOkAsync(teacher.Client, $"/lessons/{lesson}/questions/gift", new { language = "uk", gift });
        Assert.Equal(2, imported.GetProperty("added").GetInt32());

        using var learner = await PersonAsync(factory, Roles.Judge, DemoData.ShevchenkivskyiCourt, Name("Віра Есеїстка"));
        var bank = Gift.Parse(gift).Questions;
        var attempt = await StartAsync(learner.Client, lesson);
        Assert.Equal(2, Items(attempt).Count());
        var essay = Items(attempt).Single(i => Str(i, "kind") == "essay").GetProperty("slot").GetInt32();
        var other = Items(attempt).Single(i => Str(i, "kind") != "essay").GetProperty("slot").GetInt32();
        var result = await SubmitAsync(learner.Client, Id(attempt), Responses(attempt, bank));
        var id = Id(result);
        Assert.Equal("needs-grading", Str(result, "status"));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("percent").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("passed").ValueKind);
        Assert.Equal(1, Items(result).Single(i => i.GetProperty("slot").GetInt32() == other).GetProperty("mark").GetDouble());

        var waiting = (await GetOkAsync(teacher.Client, "/grading")).EnumerateArray().Single(g => g.GetProperty("attemptId").GetGuid() == id);
        Assert.Equal(learner.Name, Str(waiting, "learner"));
        var shown = Assert.Single(waiting.GetProperty("essays").EnumerateArray());
        Assert.Equal(Right(bank[1]).Text, Str(shown, "answer"));
        Assert.DoesNotContain((await GetOkAsync(lvivTeacher.Client, "/grading")).EnumerateArray(), g => g.GetProperty("attemptId").GetGuid() == id);

        await Problem.AssertAsync(await lvivTeacher.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{essay}/grade", new { fraction = 1 }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{other}/grade", new { fraction = 1 }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{essay}/grade", new { fraction = 1 })).StatusCode);
        var bad = await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{essay}/grade", new { fraction = 1.5 }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("fraction", out _));
        Assert.Equal("needs-grading", Str(await GetOkAsync(learner.Client, $"/attempts/{id}"), "status"));
        Assert.Empty((await GetOkAsync(learner.Client, "/certificates/mine")).EnumerateArray());

        await PostOkAsync(teacher.Client, $"/attempts/{id}/items/{essay}/grade", new { fraction = 0.5, comment = "Бракує прикладів." });
        var marked = await GetOkAsync(learner.Client, $"/attempts/{id}");
        Assert.Equal("finished", Str(marked, "status"));
        Assert.Equal(75, marked.GetProperty("percent").GetDouble());
        Assert.True(marked.GetProperty("passed").GetBoolean());
        Assert.Equal("Бракує прикладів.", Str(Items(marked).Single(i => i.GetProperty("slot").GetInt32() == essay), "trainerComment"));
        await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/attempts/{id}/items/{essay}/grade", new { fraction = 1 }), HttpStatusCode.Conflict);
        Assert.DoesNotContain((await GetOkAsync(teacher.Client, "/grading")).EnumerateArray(), g => g.GetProperty("attemptId").GetGuid() == id);

        // The course's only lesson test passed: its certificate, which never expires (no recurrence).
        var certificate = Assert.Single((await GetOkAsync(learner.Client, "/certificates/mine")).EnumerateArray());
        Assert.Equal(key, Str(certificate, "courseKey"));
        Assert.Equal(JsonValueKind.Null, certificate.GetProperty("validUntil").ValueKind);
    }

    [Fact]
    public async Task A_question_got_wrong_becomes_a_flashcard_of_that_learner_only()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Марко Експортер"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Назар Помилковий"));
        using var other = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Ліна Безпомилкова"));
        var (lesson, _) = (await LessonsAsync(learner.Client, Course))[0];
        var bank = await BankAsync(author.Client, lesson);

        var attempt = await StartAsync(learner.Client, lesson);
        var wrong = Items(attempt).First();
        var result = await SubmitAsync(learner.Client, Id(attempt), Responses(attempt, bank, wrong.GetProperty("slot").GetInt32()));
        Assert.Equal(80, result.GetProperty("percent").GetDouble());
        Assert.True(result.GetProperty("passed").GetBoolean());
        var item = Items(result).First();
        Assert.Equal(0, item.GetProperty("mark").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(Str(item, "rightAnswer"))); // shown once the attempt is over

        var mistakes = (await QueueAsync(learner.Client)).Where(c => c.GetProperty("mistake").GetBoolean()).ToList();
        var card = Assert.Single(mistakes);
        Assert.Equal(Str(wrong, "text"), Str(card, "front"));
        Assert.Equal("new", Str(card, "phase"));

        var otherAttempt = await StartAsync(other.Client, lesson);
        Assert.Equal(100, (await SubmitAsync(other.Client, Id(otherAttempt), Responses(otherAttempt, bank))).GetProperty("percent").GetDouble());
        Assert.Empty(await QueueAsync(other.Client));
        await Problem.AssertAsync(await other.Client.PostAsJsonAsync($"{Base}/cards/{card.GetProperty("cardId").GetGuid()}/review", new { rating = 3, version = 0 }),
            HttpStatusCode.NotFound);
        await PostOkAsync(learner.Client, $"/cards/{card.GetProperty("cardId").GetGuid()}/review", new { rating = 3, version = 0 });
    }

    [Fact]
    public async Task Item_analysis_gives_each_questions_attempts_and_facility_over_the_trainers_people()
    {
        using var author = await PersonAsync(factory, Roles.Trainer, DemoData.Country, Name("Ольга Аналітична"));
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.LvivPolice, Name("Іван Статистик"));
        using var first = await PersonAsync(factory, Roles.Learner, DemoData.LvivFacility, Name("Перший Учень"));
        using var second = await PersonAsync(factory, Roles.Learner, DemoData.LvivFacility, Name("Другий Учень"));
        var (lesson, _) = (await LessonsAsync(first.Client, Course))[0];
        var bank = await BankAsync(author.Client, lesson);

        var a1 = await StartAsync(first.Client, lesson);
        await SubmitAsync(first.Client, Id(a1), Responses(a1, bank));
        var a2 = await StartAsync(second.Client, lesson);
        var missed = QuestionOf(bank, Items(a2).First()).Title!;
        await SubmitAsync(second.Client, Id(a2), Responses(a2, bank, Items(a2).First().GetProperty("slot").GetInt32()));
        // A second attempt does not count: the first one of each person does.
        var again = await StartAsync(second.Client, lesson);
        await SubmitAsync(second.Client, Id(again), Responses(again, bank));

        var stats = (await GetOkAsync(teacher.Client, $"/courses/{Course}/item-analysis")).EnumerateArray().ToList();
        Assert.Equal(10, stats.Sum(s => s.GetProperty("attempts").GetInt32()));
        Assert.All(stats, s =>
        {
            var facility = s.GetProperty("facilityIndex").GetDouble();
            var attempts = s.GetProperty("attempts").GetInt32();
            Assert.InRange(facility, 0, 100);
            Assert.InRange(attempts, 1, 2);
            Assert.Equal(Str(s, "key") == missed ? 100.0 * (attempts - 1) / attempts : 100, facility);
            Assert.False(string.IsNullOrWhiteSpace(Str(s, "text")));
        });
        Assert.Contains(stats, s => Str(s, "key") == missed);

        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.LvivFacility, Name("Цікавий Учень"));
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.Client.GetAsync($"{Base}/courses/{Course}/item-analysis")).StatusCode);
        await Problem.AssertAsync(await teacher.Client.GetAsync($"{Base}/courses/no-such-course/item-analysis"), HttpStatusCode.NotFound);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
