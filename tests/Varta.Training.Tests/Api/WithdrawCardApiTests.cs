using System.Net;
using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// A trainer withdraws a lesson's card from every deck through the API (and brings it back): the learner stops seeing
/// it at once and sees it again after; only a trainer over the course's unit may, and a missing value changes nothing.
/// </summary>
public sealed class WithdrawCardApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_trainer_withdraws_a_card_from_every_deck_and_brings_it_back()
    {
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Ірина Укладачка"));
        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Павло Вчиться"));
        using var lviv = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Львівський Тренер"));
        var key = "withdraw-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(teacher.Client, "/courses", new
        {
            key, unitId = DemoData.KyivCourtSecurity, titleUk = "Курс", titleEn = "Course", passPercent = 70, attemptsAllowed = 0,
            questionsPerTest = 0, behaviour = "immediate", penalty = 0, dueDays = 30, published = true,
        });
        var lesson = Id(await PostOkAsync(teacher.Client, $"/courses/{key}/lessons", new { key = "one", titleUk = "Урок", titleEn = "Lesson", bodyUk = "Текст.", bodyEn = "Text." }));
        var kept = Id(await PostOkAsync(teacher.Client, $"/lessons/{lesson}/cards", new { frontUk = "Лишається", backUk = "1", frontEn = "Stays", backEn = "1" }));
        var wrong = Id(await PostOkAsync(teacher.Client, $"/lessons/{lesson}/cards", new { frontUk = "Помилкова", backUk = "2", frontEn = "Wrong", backEn = "2" }));
        await PostOkAsync(learner.Client, $"/lessons/{lesson}/read", new { });
        Assert.Equal(new[] { kept, wrong }.Order(), (await QueueAsync(learner.Client)).Select(c => c.GetProperty("cardId").GetGuid()).Order());

        // Refused: no value (400), the wrong role (403), a trainer of another region (404); nothing changes.
        await Problem.AssertAsync(await teacher.Client.PutAsJsonAsync($"{Base}/cards/{wrong}/retired", new { }), HttpStatusCode.BadRequest);
        await Problem.AssertAsync(await learner.Client.PutAsJsonAsync($"{Base}/cards/{wrong}/retired", new { retired = true }), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await lviv.Client.PutAsJsonAsync($"{Base}/cards/{wrong}/retired", new { retired = true }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await teacher.Client.PutAsJsonAsync($"{Base}/cards/{Guid.NewGuid()}/retired", new { retired = true }), HttpStatusCode.NotFound);
        Assert.Equal(2, (await QueueAsync(learner.Client)).Count);

        await PutOkAsync(teacher.Client, $"/cards/{wrong}/retired", new { retired = true });
        await PutOkAsync(teacher.Client, $"/cards/{wrong}/retired", new { retired = true }); // already so: nothing to do
        Assert.Equal(kept, Assert.Single(await QueueAsync(learner.Client)).GetProperty("cardId").GetGuid());
        var edit = await GetOkAsync(teacher.Client, $"/lessons/{lesson}/edit");
        Assert.Equal(1, edit.GetProperty("cards").GetInt32());
        Assert.Contains(edit.GetProperty("flashcards").EnumerateArray(), c => c.GetProperty("id").GetGuid() == wrong && c.GetProperty("retired").GetBoolean());

        await PutOkAsync(teacher.Client, $"/cards/{wrong}/retired", new { retired = false });
        Assert.Equal(2, (await QueueAsync(learner.Client)).Count);

        using var admin = await factory.ClientAsAsync("admin");
        var entries = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=training-card&resourceId={wrong}&limit=100"));
        var actions = entries.GetProperty("items").EnumerateArray()
            .Select(e => Str(e, "action")).Where(a => a != "training.card.created").ToList();
        Assert.Equal(2, actions.Count);
        Assert.Contains("training.card.withdrawn", actions);
        Assert.Contains("training.card.restored", actions);
    }
}
