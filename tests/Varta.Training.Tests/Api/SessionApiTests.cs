using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;
using static Varta.Training.Tests.Api.TrainingApi;

namespace Varta.Training.Tests.Api;

/// <summary>
/// Face-to-face sessions: a trainer records one in a unit they train in (fields named when missing, other units not
/// found), lists who attended from the people of that unit only, and each attendee sees their own line and no one else's.
/// </summary>
public sealed class SessionApiTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_trainer_records_a_session_of_their_unit_and_each_attendee_sees_only_their_own_line()
    {
        using var teacher = await PersonAsync(factory, Roles.Trainer, DemoData.KyivCourtSecurity, Name("Максим Інструктор"));
        using var first = await PersonAsync(factory, Roles.SecurityOfficer, DemoData.ShevchenkivskyiCourt, Name("Уляна Присутня"));
        using var second = await PersonAsync(factory, Roles.CourtStaff, DemoData.ShevchenkivskyiCourt, Name("Захар Відсутній"));
        using var outsider = await PersonAsync(factory, Roles.CustodyOfficer, DemoData.LvivFacility, Name("Лев Львівський"));
        using var head = await PersonAsync(factory, Roles.UnitHead, DemoData.KyivCourtSecurity, Name("Раїса Голова"));
        var startsAt = factory.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var missing = await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/sessions", new { courseKey = "no-such-course", durationMinutes = 5 }),
            HttpStatusCode.BadRequest);
        foreach (var field in new[] { "unitId", "title", "startsAt", "place", "durationMinutes", "courseKey" })
        {
            Assert.True(missing.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {missing}");
        }

        var session = new
        {
            unitId = DemoData.ShevchenkivskyiCourt, courseKey = "court-security-basics", title = "Домедична допомога: турнікет і СЛР", startsAt,
            durationMinutes = 120, place = "Зала №3", firstAidPractice = true, notes = "Принести манекени",
        };
        await Problem.AssertAsync(await teacher.Client.PostAsJsonAsync($"{Base}/sessions", session with { unitId = DemoData.LvivRegion }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Client.PostAsJsonAsync($"{Base}/sessions", session)).StatusCode);

        var recorded = await PostOkAsync(teacher.Client, "/sessions", session);
        var id = Id(recorded);
        Assert.Equal(teacher.Name, Str(recorded, "trainer"));
        Assert.Equal("court-security-basics", Str(recorded, "courseKey"));
        Assert.Equal(DateTimeOffset.Parse(startsAt, CultureInfo.InvariantCulture), recorded.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Empty(recorded.GetProperty("attendance").EnumerateArray());
        var candidates = (await GetOkAsync(teacher.Client, $"/sessions/{id}/candidates")).EnumerateArray().Select(c => c.GetProperty("userId").GetGuid()).ToList();
        Assert.Contains(first.Id, candidates);
        Assert.DoesNotContain(outsider.Id, candidates);

        // Someone who does not work in the session's unit cannot be on its list; nothing is stored.
        var version = recorded.GetProperty("version").GetInt32();
        var stranger = await Problem.AssertAsync(await teacher.Client.PutAsJsonAsync($"{Base}/sessions/{id}/attendance", new
        {
            lines = new object[] { new { userId = first.Id, attended = true }, new { userId = outsider.Id, attended = true } }, version,
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["lines[1].userId"], stranger.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var twice = await Problem.AssertAsync(await teacher.Client.PutAsJsonAsync($"{Base}/sessions/{id}/attendance", new
        {
            lines = new object[] { new { userId = first.Id, attended = true }, new { userId = first.Id, attended = false } }, version,
        }), HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("lines", out _));
        Assert.Empty(Line(await GetOkAsync(teacher.Client, "/sessions"), id).GetProperty("attendance").EnumerateArray());

        var set = await PutOkAsync(teacher.Client, $"/sessions/{id}/attendance", new
        {
            lines = new object[]
            {
                new { userId = first.Id, attended = true, practicePassed = true, note = "Накладала турнікет упевнено" },
                new { userId = second.Id, attended = false, note = "Лікарняний" },
            },
            version,
        });
        Assert.Equal(2, set.GetProperty("attendance").GetArrayLength());
        await Problem.AssertAsync(await teacher.Client.PutAsJsonAsync($"{Base}/sessions/{id}/attendance", new { lines = Array.Empty<object>(), version }), HttpStatusCode.Conflict);

        // The attendee: the session with their own line only, and no trainer's notes.
        var mine = Line(await GetOkAsync(first.Client, "/sessions"), id);
        var line = Assert.Single(mine.GetProperty("attendance").EnumerateArray());
        Assert.Equal(first.Id, line.GetProperty("userId").GetGuid());
        Assert.Equal(first.Name, Str(line, "name"));
        Assert.True(line.GetProperty("attended").GetBoolean());
        Assert.True(line.GetProperty("practicePassed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("notes").ValueKind);
        var absent = Assert.Single(Line(await GetOkAsync(second.Client, "/sessions"), id).GetProperty("attendance").EnumerateArray());
        Assert.Equal(second.Id, absent.GetProperty("userId").GetGuid());
        Assert.False(absent.GetProperty("attended").GetBoolean());

        // Not on the list and not overseeing the unit: the session is not theirs to see.
        Assert.DoesNotContain((await GetOkAsync(outsider.Client, "/sessions")).EnumerateArray(), s => Id(s) == id);

        // The unit's trainer and head see the whole list.
        Assert.Equal(2, Line(await GetOkAsync(teacher.Client, "/sessions"), id).GetProperty("attendance").GetArrayLength());
        var seen = Line(await GetOkAsync(head.Client, "/sessions"), id);
        Assert.Equal(2, seen.GetProperty("attendance").GetArrayLength());
        Assert.Equal("Принести манекени", Str(seen, "notes"));

        using var lvivTeacher = await PersonAsync(factory, Roles.Trainer, DemoData.LvivRegion, Name("Ярема Сторонній"));
        await Problem.AssertAsync(await lvivTeacher.Client.PutAsJsonAsync($"{Base}/sessions/{id}/attendance", new { lines = Array.Empty<object>() }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await lvivTeacher.Client.GetAsync($"{Base}/sessions/{id}/candidates"), HttpStatusCode.NotFound);
    }

    private static JsonElement Line(JsonElement sessions, Guid id) => sessions.EnumerateArray().Single(s => Id(s) == id);
}
