using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// The reflective journal is its author's alone: no other learner reads, edits or shares an entry; a trainer of the
/// author's unit sees it only while it is shared, and may comment then; a trainer elsewhere never sees it; progress
/// reports carry none of it.
/// </summary>
public sealed class JournalApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task An_entry_is_private_until_shared_and_only_a_trainer_of_the_authors_unit_sees_and_comments_on_it()
    {
        using var author = await PersonAsync(factory, Roles.SecurityOfficer, DemoData.ShevchenkivskyiCourt, Name("Алла Авторка"));
        using var peer = await PersonAsync(factory, Roles.SecurityOfficer, DemoData.ShevchenkivskyiCourt, Name("Юрій Колега"));
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Зоя Наставниця"));
        using var lvivTeacher = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Роман Далекий"));
        using var head = await PersonAsync(factory, Roles.UnitHead, DemoData.KyivCourtSecurity, Name("Ігор Керівник"));

        var lesson = await LessonAsync(author.Client, "court-security-basics", (await LessonsAsync(author.Client, "court-security-basics"))[0].Key);
        var reflection = lesson.GetProperty("reflections")[0];
        Assert.False(reflection.GetProperty("answered").GetBoolean());
        var secret = "Я вагалася натиснути кнопку, бо боялася помилитися " + Guid.NewGuid().ToString("N")[..8];
        var entry = await PostOkAsync(author.Client, "/journal", new { reflectionId = Id(reflection), text = secret });
        var id = Id(entry);
        Assert.False(entry.GetProperty("shared").GetBoolean());
        Assert.Equal(Str(reflection, "text"), Str(entry, "reflection"));
        Assert.True((await LessonAsync(author.Client, "court-security-basics", Str(lesson, "key"))).GetProperty("reflections")[0].GetProperty("answered").GetBoolean());
        Assert.Contains((await GetOkAsync(author.Client, "/journal")).EnumerateArray(), e => Id(e) == id);
        var bad = await Problem.AssertAsync(await author.Client.PostAsJsonAsync($"{Base}/journal", new { reflectionId = Guid.NewGuid(), text = "x" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reflectionId", out _));
        await Problem.AssertAsync(await author.Client.PostAsJsonAsync($"{Base}/journal", new { text = " " }), HttpStatusCode.BadRequest);

        // Another learner: not in their journal, not theirs to edit or share.
        Assert.DoesNotContain((await GetOkAsync(peer.Client, "/journal")).EnumerateArray(), e => Id(e) == id);
        await Problem.AssertAsync(await peer.Client.PutAsJsonAsync($"{Base}/journal/{id}", new { text = "Переписано", version = 1 }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await peer.Client.PostAsJsonAsync($"{Base}/journal/{id}/share", new { shared = true }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.Client.GetAsync($"{Base}/journal/shared")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.Client.PostAsJsonAsync($"{Base}/journal/{id}/comments", new { text = "Ха" })).StatusCode);
        Assert.Equal(secret, Str(Mine(await GetOkAsync(author.Client, "/journal"), id), "text"));

        // Not shared: the trainer of the unit neither sees nor comments.
        Assert.DoesNotContain((await GetOkAsync(teacher.Client, "/journal/shared")).EnumerateArray(), e => Id(e) == id);
        await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/journal/{id}/comments", new { text = "Добре" }), HttpStatusCode.NotFound);

        // The author edits (a stale version is refused), then shares.
        await Problem.AssertAsync(await author.Client.PutAsJsonAsync($"{Base}/journal/{id}", new { text = secret + "!", version = 7 }), HttpStatusCode.Conflict);
        secret += " Тепер знаю, що хибна тривога — не провина.";
        var edited = await PutOkAsync(author.Client, $"/journal/{id}", new { text = secret, version = entry.GetProperty("version").GetInt32() });
        var shared = await PostOkAsync(author.Client, $"/journal/{id}/share", new { shared = true });
        Assert.True(shared.GetProperty("shared").GetBoolean());
        Assert.True(shared.GetProperty("version").GetInt32() > edited.GetProperty("version").GetInt32());

        var seen = (await GetOkAsync(teacher.Client, "/journal/shared")).EnumerateArray().Single(e => Id(e) == id);
        Assert.Equal(secret, Str(seen, "text"));
        Assert.Equal(author.Name, Str(seen, "author"));
        Assert.DoesNotContain((await GetOkAsync(lvivTeacher.Client, "/journal/shared")).EnumerateArray(), e => Id(e) == id);
        await Problem.AssertAsync(await lvivTeacher.Client.PostAsJsonAsync($"{Base}/journal/{id}/comments", new { text = "Чужий коментар" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.Client.GetAsync($"{Base}/journal/shared")).StatusCode);

        var commented = await PostOkAsync(teacher.Client, $"/journal/{id}/comments", new { text = "Дякую, що поділилися. Поговорімо на занятті." });
        Assert.Single(commented.GetProperty("comments").EnumerateArray());
        var comment = Assert.Single(Mine(await GetOkAsync(author.Client, "/journal"), id).GetProperty("comments").EnumerateArray());
        Assert.Equal("Дякую, що поділилися. Поговорімо на занятті.", Str(comment, "text"));

        // Taken back: hidden again, and no more comments.
        Assert.False((await PostOkAsync(author.Client, $"/journal/{id}/share", new { shared = false })).GetProperty("shared").GetBoolean());
        Assert.DoesNotContain((await GetOkAsync(teacher.Client, "/journal/shared")).EnumerateArray(), e => Id(e) == id);
        await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/journal/{id}/comments", new { text = "Ще одне" }), HttpStatusCode.NotFound);
        Assert.Single(Mine(await GetOkAsync(author.Client, "/journal"), id).GetProperty("comments").EnumerateArray());

        // Progress reports of the author's trainer and head carry nothing of the journal.
        foreach (var overseer in new[] { teacher, head })
        {
            var people = await GetOkAsync(overseer.Client, "/people");
            Assert.Contains(author.Name, people.GetProperty("people").EnumerateArray().Select(p => Str(p, "name")));
            var texts = Strings(people).ToList();
            Assert.DoesNotContain(texts, t => t.Contains("хибна тривога", StringComparison.Ordinal) || t.Contains("Поговорімо", StringComparison.Ordinal));
        }
    }

    /// <summary>Every string in a JSON document (the server escapes Cyrillic, so the raw text would hide it).</summary>
    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        _ => [],
    };

    private static JsonElement Mine(JsonElement journal, Guid id) => journal.EnumerateArray().Single(e => Id(e) == id);
}
