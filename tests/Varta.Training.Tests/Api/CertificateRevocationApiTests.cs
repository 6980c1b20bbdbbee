using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Testing;
using Varta.Training.Questions;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// A trainer over the holder's unit (or an administrator) revokes a certificate with a reason, once: the anonymous
/// verification then says it was revoked and on which day, never why; the holder can no longer download it. Other roles
/// are refused (403) and a trainer of another region does not even learn that it exists (404).
/// </summary>
public sealed class CertificateRevocationApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_trainer_over_the_holders_unit_revokes_once_with_a_reason_and_the_verification_and_the_file_say_so()
    {
        using var trainer = await PersonAsync(factory, Roles.Trainer, DemoData.KyivRegion, Name("Тарас Викладач"));
        using var holder = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Марія Власниця"));
        var (id, code) = await CertifiedAsync(trainer.Client, holder.Client);
        var revokeUrl = $"{Base}/certificates/{id}/revoke";
        const string reason = "Тест складено замість власниці іншою особою";

        // The reason is required, 3 to 500 characters, and said so in words.
        foreach (var bad in new[] { null, "  ", "ab", new string('x', 501) })
        {
            var problem = await Problem.AssertAsync(await trainer.Client.PostAsJsonAsync(revokeUrl, new { reason = bad }), HttpStatusCode.BadRequest);
            var message = Assert.Single(problem.GetProperty("errors").GetProperty("reason").EnumerateArray()).GetString()!;
            Assert.Contains("500", message, StringComparison.Ordinal);
            Assert.DoesNotContain("training.", message, StringComparison.Ordinal);
        }

        Assert.True((await VerifyAsync(code)).GetProperty("valid").GetBoolean());
        var revoked = await PostOkAsync(trainer.Client, $"/certificates/{id}/revoke", new { reason });
        Assert.False(revoked.GetProperty("valid").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow(), revoked.GetProperty("revokedAt").GetDateTimeOffset());
        var day = KyivTime.ToKyiv(factory.Clock.GetUtcNow()).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

        // Twice: a conflict naming the day, and the first revocation stands.
        var again = await Problem.AssertAsync(await trainer.Client.PostAsJsonAsync(revokeUrl, new { reason = "Ще раз" }), HttpStatusCode.Conflict);
        Assert.Contains(day, again.GetRawText(), StringComparison.Ordinal);

        // Anyone checking the code learns that it was revoked and when, in their language, but not why.
        using (var anonymousUk = factory.Anonymous("uk"))
        using (var anonymousEn = factory.Anonymous("en"))
        {
            var uk = await OkAsync(await anonymousUk.GetAsync($"{Base}/verify/{code}"));
            Assert.True(uk.GetProperty("genuine").GetBoolean());
            Assert.False(uk.GetProperty("valid").GetBoolean());
            Assert.True(uk.GetProperty("revoked").GetBoolean());
            Assert.Equal(factory.Clock.GetUtcNow(), uk.GetProperty("revokedAt").GetDateTimeOffset());
            Assert.Equal($"Сертифікат справжній, але відкликаний {day}.", Str(uk, "status"));
            var en = await OkAsync(await anonymousEn.GetAsync($"{Base}/verify/{code}"));
            Assert.Equal($"The certificate is genuine but was revoked on {day}.", Str(en, "status"));
            Assert.DoesNotContain("замість", uk.GetRawText(), StringComparison.Ordinal);

            var pageUk = WebUtility.HtmlDecode(await anonymousUk.GetStringAsync($"/verify/{code}"));
            Assert.Contains($"відкликаний {day}", pageUk, StringComparison.Ordinal);
            Assert.Contains(holder.Name, pageUk, StringComparison.Ordinal);
            Assert.DoesNotContain("замість", pageUk, StringComparison.Ordinal);
            var pageEn = WebUtility.HtmlDecode(await anonymousEn.GetStringAsync($"/verify/{code}"));
            Assert.Contains($"revoked on {day}", pageEn, StringComparison.Ordinal);
        }

        // The holder sees it revoked and can no longer download it: a conflict in plain words, with the day.
        var mine = Assert.Single((await GetOkAsync(holder.Client, "/certificates/mine")).EnumerateArray());
        Assert.False(mine.GetProperty("valid").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow(), mine.GetProperty("revokedAt").GetDateTimeOffset());
        var refused = await Problem.AssertAsync(await holder.Client.GetAsync($"{Base}/certificates/{id}/pdf"), HttpStatusCode.Conflict);
        Assert.Contains(day, refused.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("training.", refused.GetProperty("detail").GetString()!, StringComparison.Ordinal);

        // The trainer's view of their people shows the certificate revoked, and the audit log keeps who, when and why.
        var people = await GetOkAsync(trainer.Client, $"/people?unitId={DemoData.ShevchenkivskyiCourt}");
        var cell = people.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == holder.Id)
            .GetProperty("courses").EnumerateArray().Single(c => c.GetProperty("certificateId").ValueKind != JsonValueKind.Null);
        Assert.Equal(id, cell.GetProperty("certificateId").GetGuid());
        Assert.False(cell.GetProperty("certified").GetBoolean());
        Assert.Equal(factory.Clock.GetUtcNow(), cell.GetProperty("certificateRevokedAt").GetDateTimeOffset());
        using var admin = await factory.ClientAsAsync("admin");
        var entries = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=training-certificate&resourceId={id}"));
        var entry = Assert.Single(Entries(entries), e => Str(e, "action") == "training.certificate.revoked");
        Assert.Equal(reason, Str(entry, "reason"));
        Assert.Equal(trainer.Id.ToString(), Str(entry, "actorId"));
    }

    [Fact]
    public async Task Other_roles_are_refused_and_a_trainer_of_another_region_does_not_find_the_certificate()
    {
        using var trainer = await PersonAsync(factory, Roles.Trainer, DemoData.KyivRegion, Name("Ганна Викладачка"));
        using var holder = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Іван Власник"));
        var (id, code) = await CertifiedAsync(trainer.Client, holder.Client);
        var url = $"{Base}/certificates/{id}/revoke";
        var body = new { reason = "Помилково видано" };

        using var learner = await PersonAsync(factory, Roles.Learner, DemoData.ShevchenkivskyiCourt, Name("Олена Колега"));
        using var dispatcher = await PersonAsync(factory, Roles.Dispatcher, DemoData.KyivRegion, Name("Петро Диспетчер"));
        using var head = await PersonAsync(factory, Roles.UnitHead, DemoData.KyivRegion, Name("Юрій Керівник"));
        foreach (var client in new[] { holder.Client, learner.Client, dispatcher.Client, head.Client })
        {
            using var response = await client.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // A trainer (and an administrator) of Lviv: the Kyiv holder is not theirs; the answer does not tell the certificate exists.
        using var lvivTrainer = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Лука Львівський"));
        // Administrators sign in with a second factor: the test helper does it.
        using var lvivAdmin = (await factory.CreateUserClientAsync(Roles.Administrator, DemoData.LvivRegion)).Client;
        foreach (var client in new[] { lvivTrainer.Client, lvivAdmin })
        {
            await Problem.AssertAsync(await client.PostAsJsonAsync(url, body), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await client.PostAsJsonAsync($"{Base}/certificates/{Guid.NewGuid()}/revoke", body), HttpStatusCode.NotFound);
        }

        Assert.True((await VerifyAsync(code)).GetProperty("valid").GetBoolean());
        using var pdf = await holder.Client.GetAsync($"{Base}/certificates/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        // An administrator over the holder's region may.
        using var kyivAdmin = (await factory.CreateUserClientAsync(Roles.Administrator, DemoData.KyivRegion)).Client;
        var revoked = await PostOkAsync(kyivAdmin, $"/certificates/{id}/revoke", body);
        Assert.False(revoked.GetProperty("valid").GetBoolean());
        Assert.True((await VerifyAsync(code)).GetProperty("revoked").GetBoolean());
    }

    private async Task<JsonElement> VerifyAsync(string code)
    {
        using var anonymous = factory.Anonymous();
        return await OkAsync(await anonymous.GetAsync($"{Base}/verify/{code}"));
    }

    private static IEnumerable<JsonElement> Entries(JsonElement list) =>
        list.GetProperty("items").EnumerateArray();

    /// <summary>
    /// A course of the trainer's region with one lesson tested by one true/false question; the learner answers it right and
    /// so holds the course's certificate. Its id and its code.
    /// </summary>
    private static async Task<(Guid Id, string Code)> CertifiedAsync(HttpClient trainer, HttpClient learner)
    {
        var key = "revoke-" + Guid.NewGuid().ToString("N")[..8];
        await PostOkAsync(trainer, "/courses", new
        {
            key, unitId = DemoData.KyivRegion, titleUk = "Курс із сертифікатом", titleEn = "A certified course", passPercent = 50, attemptsAllowed = 0,
            questionsPerTest = 0, behaviour = "deferred", penalty = 0, dueDays = 30, published = true,
        });
        var lesson = Id(await PostOkAsync(trainer, $"/courses/{key}/lessons", new { key = "only", titleUk = "Урок", titleEn = "Lesson", bodyUk = "Текст.", bodyEn = "Text." }));
        await PostOkAsync(trainer, $"/lessons/{lesson}/questions/gift", new { language = "uk", replace = false, gift = "::tf:: Кнопка тривоги тиха. {TRUE}\n" });
        var attempt = await StartAsync(learner, lesson);
        var submitted = await SubmitAsync(learner, Id(attempt), new Dictionary<int, ResponseValue> { [1] = ResponseValue.Choose(ResponseValue.True) });
        Assert.True(submitted.GetProperty("passed").GetBoolean(), submitted.GetRawText());
        var certificate = (await GetOkAsync(learner, "/certificates/mine")).EnumerateArray().Single(c => Str(c, "courseKey") == key);
        return (Id(certificate), Str(certificate, "code"));
    }
}
