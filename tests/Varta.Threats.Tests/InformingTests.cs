using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Threats.Tests;

/// <summary>
/// Issue 14, informing people and learning from incidents: advisories to a person, a court or a group with read
/// receipts that stand for something stored; recommendation requests tracked until answered; health precaution notices
/// whose diagnosis only the filing medical officer ever sees; incidents (by hand or from a resolved alarm) with a
/// debrief, action items followed to closure, and lessons searchable across courts.
/// </summary>
public sealed class InformingTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Api = "/api/v1/threats";

    [Fact]
    public async Task An_advisory_to_a_courts_judges_reaches_only_them_and_a_read_receipt_is_stored_once()
    {
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        var before = (await OkAsync(await analyst.GetAsync($"{Api}/advisories"))).GetArrayLength();

        // Missing title and an unknown group: 400 naming both, nothing issued.
        var bad = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/advisories", new
        {
            audience = "group", unitId = DemoData.ShevchenkivskyiCourt, role = "dispatcher", kind = "general", body = "Текст",
        }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(before, (await OkAsync(await analyst.GetAsync($"{Api}/advisories"))).GetArrayLength());

        // An analyst of another region cannot issue for this court: not found.
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.ThreatAnalyst, DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.PostAsJsonAsync($"{Api}/advisories", Advisory("group", Roles.Judge)), HttpStatusCode.NotFound);
        }

        var (otherJudgeId, otherJudge) = await factory.CreateUserClientAsync(Roles.Judge, DemoData.ShevchenkivskyiCourt);
        var issued = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/advisories", Advisory("group", Roles.Judge)));
        var id = issued.GetProperty("id").GetGuid();
        Assert.True(issued.GetProperty("recipients").GetInt32() >= 2);
        Assert.Equal(0, issued.GetProperty("read").GetInt32());
        Assert.Contains(issued.GetProperty("receipts").EnumerateArray(), r => r.GetProperty("userId").GetGuid() == otherJudgeId);

        using var judge = await factory.ClientAsAsync("judge");
        var mine = (await OkAsync(await judge.GetAsync($"{Api}/advisories/mine"))).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("readAt").ValueKind);

        // The security officer is not a judge: the advisory is not theirs, and confirming it is refused.
        using var officer = await factory.ClientAsAsync("security.officer");
        Assert.DoesNotContain((await OkAsync(await officer.GetAsync($"{Api}/advisories/mine"))).EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        await Problem.AssertAsync(await officer.PostAsync($"{Api}/advisories/{id}/read", null), HttpStatusCode.NotFound);

        // The judge confirms: stored at once, and a second confirmation keeps the first time.
        var read = await OkAsync(await judge.PostAsync($"{Api}/advisories/{id}/read", null));
        var readAt = read.GetProperty("readAt").GetDateTimeOffset();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(readAt, (await OkAsync(await judge.PostAsync($"{Api}/advisories/{id}/read", null))).GetProperty("readAt").GetDateTimeOffset());
        var listed = (await OkAsync(await analyst.GetAsync($"{Api}/advisories"))).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, listed.GetProperty("read").GetInt32());
        var receipt = listed.GetProperty("receipts").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Демо Суддя");
        Assert.Equal(readAt, receipt.GetProperty("readAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("receipts").EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == otherJudgeId)
            .GetProperty("readAt").ValueKind);
        otherJudge.Dispose();

        // A judge cannot issue advisories.
        await Problem.AssertAsync(await judge.PostAsJsonAsync($"{Api}/advisories", Advisory("group", Roles.Judge)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_recommendation_request_is_tracked_until_an_advisory_answers_it()
    {
        using var judge = await factory.ClientAsAsync("judge");
        await Problem.AssertAsync(await judge.PostAsJsonAsync($"{Api}/recommendation-requests", new { courtId = DemoData.ShevchenkivskyiCourt }), HttpStatusCode.BadRequest);
        var question = "Як безпечно їздити на роботу? " + Guid.NewGuid().ToString("N")[..6];
        var asked = await OkAsync(await judge.PostAsJsonAsync($"{Api}/recommendation-requests", new { courtId = DemoData.ShevchenkivskyiCourt, question }));
        Assert.Equal("open", asked.GetProperty("status").GetString());
        var requestId = asked.GetProperty("id").GetGuid();

        using var analyst = await factory.ClientAsAsync("threat.analyst");
        Assert.Contains((await OkAsync(await analyst.GetAsync($"{Api}/recommendation-requests"))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId);
        var answer = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/advisories", new
        {
            requestId, kind = "individual", title = "Ваш маршрут", body = "Змінюйте маршрут і час виїзду; повідомляйте охорону про поїздки.",
        }));
        Assert.Equal(1, answer.GetProperty("recipients").GetInt32());
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/advisories", new { requestId, kind = "individual", title = "Ще раз", body = "Ще раз" }),
            HttpStatusCode.Conflict);

        Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/recommendation-requests"))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId);
        var mine = (await OkAsync(await judge.GetAsync($"{Api}/recommendation-requests/mine"))).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == requestId);
        Assert.Equal("answered", mine.GetProperty("status").GetString());
        Assert.Contains((await OkAsync(await judge.GetAsync($"{Api}/advisories/mine"))).EnumerateArray(), a => a.GetProperty("title").GetString() == "Ваш маршрут");
    }

    [Fact]
    public async Task A_health_notice_tells_the_precautions_and_only_the_filing_medical_officer_sees_the_diagnosis()
    {
        var diagnosis = "Вигаданий діагноз " + Guid.NewGuid().ToString("N")[..6];
        var (_, medic) = await factory.CreateUserClientAsync(Roles.MedicalOfficer, DemoData.ShevchenkivskyiCourt);
        var (_, otherMedic) = await factory.CreateUserClientAsync(Roles.MedicalOfficer, DemoData.ShevchenkivskyiCourt);
        using var judge = await factory.ClientAsAsync("judge");
        var judgeId = (await OkAsync(await judge.GetAsync("/api/v1/me"))).GetProperty("id").GetGuid();
        var (strangerId, stranger) = await factory.CreateUserClientAsync(Roles.Judge, DemoData.LvivRegion);
        stranger.Dispose();
        var hearing = factory.Clock.GetUtcNow().AddDays(2).ToString("O");

        // Bad input: an unknown precaution, nobody to tell, someone of another court: 400, nothing filed.
        var bad = await Problem.AssertAsync(await medic.PostAsJsonAsync($"{Api}/health-notices", new
        {
            courtId = DemoData.ShevchenkivskyiCourt, hearingAt = hearing, courtCaseNumber = "757/1/26", precautions = new[] { "prayer" }, diagnosis,
        }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("precautions", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("recipients", out _));
        await Problem.AssertAsync(await medic.PostAsJsonAsync($"{Api}/health-notices", Notice(hearing, diagnosis, strangerId)), HttpStatusCode.BadRequest);
        Assert.Empty((await OkAsync(await medic.GetAsync($"{Api}/health-notices"))).EnumerateArray());

        var filed = await OkAsync(await medic.PostAsJsonAsync($"{Api}/health-notices", Notice(hearing, diagnosis, judgeId)));
        Assert.Equal(diagnosis, filed.GetProperty("diagnosis").GetString());
        var noticeId = filed.GetProperty("id").GetGuid();

        // The judge sees the precautions and nothing of the diagnosis; reading is confirmed and stored.
        var mineResponse = await judge.GetAsync($"{Api}/health-notices/mine");
        var mineText = await mineResponse.Content.ReadAsStringAsync();
        var mine = JsonDocument.Parse(mineText).RootElement.EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == noticeId);
        Assert.Equal(["glass-dock-ventilated", "masks"], mine.GetProperty("precautions").EnumerateArray().Select(p => p.GetString()!).ToList());
        Assert.False(mine.TryGetProperty("diagnosis", out _));
        Assert.DoesNotContain("діагноз", JsonSerializer.Deserialize<JsonElement>(mineText).ToString(), StringComparison.OrdinalIgnoreCase);
        await OkAsync(await judge.PostAsync($"{Api}/health-notices/{noticeId}/read", null));
        Assert.NotEqual(JsonValueKind.Null, (await OkAsync(await medic.GetAsync($"{Api}/health-notices"))).EnumerateArray().Single()
            .GetProperty("receipts").EnumerateArray().Single().GetProperty("readAt").ValueKind);

        // Another medical officer of the same court and the judge cannot list it with its diagnosis.
        Assert.Empty((await OkAsync(await otherMedic.GetAsync($"{Api}/health-notices"))).EnumerateArray());
        await Problem.AssertAsync(await judge.GetAsync($"{Api}/health-notices"), HttpStatusCode.Forbidden);

        // Nor does the audit log carry it.
        using var admin = await factory.ClientAsAsync("admin");
        var audit = (await OkAsync(await admin.GetAsync("/api/v1/audit/entries?limit=200"))).ToString();
        Assert.Contains("threats.health-notice.filed", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnosis, audit, StringComparison.Ordinal);
        medic.Dispose();
        otherMedic.Dispose();
    }

    [Fact]
    public async Task An_incident_from_a_resolved_alarm_is_debriefed_its_actions_are_followed_and_its_lessons_are_found_elsewhere()
    {
        // A duress press, acknowledged and resolved.
        using var admin = await factory.ClientAsAsync("admin");
        var device = await OkAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка зали " + Guid.NewGuid().ToString("N")[..4], heartbeatSeconds = 86_400 }));
        using var button = factory.CreateClient();
        button.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.GetProperty("secret").GetString());
        var alarmId = (await OkAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = Guid.NewGuid().ToString("N") })))
            .GetProperty("alarmId").GetGuid();
        using var dispatcher = await factory.ClientAsAsync("dispatcher");
        await OkAsync(await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null));
        await OkAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "real" }));

        using var officer = await factory.ClientAsAsync("security.officer");
        Assert.Contains((await OkAsync(await officer.GetAsync($"{Api}/incidents/alarms"))).EnumerateArray(), a => a.GetProperty("alarmId").GetGuid() == alarmId);
        var incident = await OkAsync(await officer.PostAsJsonAsync($"{Api}/incidents", new
        {
            kind = "escorted-person-threat", summary = "Конвойований погрожував судді під час засідання.", alarmId,
        }));
        var incidentId = incident.GetProperty("id").GetGuid();
        Assert.Equal(DemoData.ShevchenkivskyiCourt, incident.GetProperty("courtId").GetGuid());
        Assert.Contains("resolved", incident.GetProperty("alarmTimeline").GetString());
        Assert.DoesNotContain((await OkAsync(await officer.GetAsync($"{Api}/incidents/alarms"))).EnumerateArray(), a => a.GetProperty("alarmId").GetGuid() == alarmId);
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Api}/incidents", new { kind = "other", summary = "Ще раз", alarmId }), HttpStatusCode.Conflict);

        // Not closable before a debrief; a debrief needs lessons.
        await Problem.AssertAsync(await officer.PostAsync($"{Api}/incidents/{incidentId}/close", null), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Api}/incidents/{incidentId}/debrief", new { wentWell = "Швидко" }), HttpStatusCode.BadRequest);
        var word = "Перегородка" + Guid.NewGuid().ToString("N")[..5];
        await OkAsync(await officer.PostAsJsonAsync($"{Api}/incidents/{incidentId}/debrief", new
        {
            timeline = "10:02 натиснуто кнопку; 10:03 прийнято; 10:05 наряд у залі.", wentWell = "Наряд прибув за три хвилини.",
            wentBadly = "Двері до зали заблоковано стільцями.", lessons = $"{word} між боксом і суддею знижує ризик; двері тримати вільними.",
        }));

        // An action item owned by the officer: the close waits for it.
        var officerId = (await OkAsync(await officer.GetAsync("/api/v1/me"))).GetProperty("id").GetGuid();
        var due = factory.Clock.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd");
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Api}/incidents/{incidentId}/actions", new { text = "Без власника", dueOn = due }), HttpStatusCode.BadRequest);
        var item = await OkAsync(await officer.PostAsJsonAsync($"{Api}/incidents/{incidentId}/actions", new { text = "Перевірити двері всіх зал", ownerUserId = officerId, dueOn = due }));
        await Problem.AssertAsync(await officer.PostAsync($"{Api}/incidents/{incidentId}/close", null), HttpStatusCode.Conflict);
        Assert.Contains((await OkAsync(await officer.GetAsync($"{Api}/action-items/mine"))).EnumerateArray(), a => a.GetProperty("id").GetGuid() == item.GetProperty("id").GetGuid());
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Api}/action-items/{item.GetProperty("id").GetGuid()}/done", new { }), HttpStatusCode.BadRequest);
        await OkAsync(await officer.PostAsJsonAsync($"{Api}/action-items/{item.GetProperty("id").GetGuid()}/done", new { note = "Перевірено 12 зал" }));
        var closed = await OkAsync(await officer.PostAsync($"{Api}/incidents/{incidentId}/close", null));
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        // Someone who debriefs in another region finds the lesson (case-insensitively), without the incident itself.
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.SecurityOfficer, DemoData.LvivRegion);
        using (lviv)
        {
            var lessons = (await OkAsync(await lviv.GetAsync($"{Api}/lessons?q={Uri.EscapeDataString(word.ToLowerInvariant())}"))).EnumerateArray().ToList();
            var lesson = Assert.Single(lessons);
            Assert.Equal(incidentId, lesson.GetProperty("incidentId").GetGuid());
            Assert.False(lesson.TryGetProperty("summary", out _));
            await Problem.AssertAsync(await lviv.GetAsync($"{Api}/incidents/{incidentId}"), HttpStatusCode.NotFound);
        }

        // A judge neither debriefs nor reads lessons.
        using var judge = await factory.ClientAsAsync("judge");
        await Problem.AssertAsync(await judge.GetAsync($"{Api}/lessons?q=x"), HttpStatusCode.Forbidden);
    }

    private static object Advisory(string audience, string? role) => new
    {
        audience, unitId = DemoData.ShevchenkivskyiCourt, role, kind = "general", title = "Безпечна дорога додому",
        body = "Не публікуйте розклад засідань і маршрути в соцмережах.",
    };

    private static object Notice(string hearing, string diagnosis, Guid recipient) => new
    {
        courtId = DemoData.ShevchenkivskyiCourt, hearingAt = hearing, courtCaseNumber = "757/1/26", courtroom = "Зала 5",
        precautions = new[] { "masks", "glass-dock-ventilated" }, instructions = "Маски видає охорона на вході.", diagnosis, recipients = new[] { recipient },
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
