using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;
using static Varta.Threats.Tests.ThreatsApi;

namespace Varta.Threats.Tests;

/// <summary>
/// Issue 14, cases: triage into cases due on the business calendar, known sources linking cases, assessments that count
/// only after a second person's review, an imminent risk's measures deadline, measures as the protected person sees
/// them, overdue cases on the dashboard, status changes in order, the timeline, and need to know across roles and units.
/// </summary>
public sealed class CaseWorkflowTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    [Fact]
    public async Task Triage_opens_cases_due_on_the_calendar_and_a_known_source_links_them()
    {
        using var judge = await factory.ClientAsAsync("judge");
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        var source = "Остап Вигаданий-" + Guid.NewGuid().ToString("N")[..6];

        var first = await FileAsync(judge, Report(factory, "Перший лист із погрозою", source));
        var triage = (await OkAsync(await analyst.GetAsync($"{Api}/triage"))).EnumerateArray().ToList();
        var line = triage.Single(l => Id(l.GetProperty("report")) == first);
        Assert.Equal(JsonValueKind.Null, line.GetProperty("knownSourceId").ValueKind); // nobody has named them before

        var opened = factory.Clock.GetUtcNow();
        var c1 = await TriageAsync(analyst, first, "expedited");
        var firstCase = Id(c1);
        Assert.Equal("threat", c1.GetProperty("tier").GetString());
        Assert.Equal("expedited", c1.GetProperty("priority").GetString());
        Assert.Equal("new", c1.GetProperty("status").GetString());
        Assert.Equal(ThreeBusinessDaysAfter(opened), c1.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, c1.GetProperty("overdue").ValueKind);
        Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/triage"))).EnumerateArray(), l => Id(l.GetProperty("report")) == first);
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/reports/{first}/triage", new { tier = "threat", priority = "standard" }), HttpStatusCode.Conflict);

        // The reporter sees that it was triaged and the case's status, nothing more.
        var mine = (await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).EnumerateArray().Single(r => Id(r) == first);
        Assert.Equal("triaged", mine.GetProperty("status").GetString());
        Assert.Equal("new", mine.GetProperty("caseStatus").GetString());

        // A second report names the same person, written differently: triage shows the source's case, and the new case links to it.
        var second = await FileAsync(judge, Report(factory, "Другий лист, той самий автор", "  " + source.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " "));
        var secondLine = (await OkAsync(await analyst.GetAsync($"{Api}/triage"))).EnumerateArray().Single(l => Id(l.GetProperty("report")) == second);
        Assert.Equal(source, secondLine.GetProperty("knownSourceName").GetString());
        Assert.Contains(secondLine.GetProperty("sourceCases").EnumerateArray(), c => Id(c) == firstCase);
        var secondCase = Id(await TriageAsync(analyst, second, "standard", tier: "inappropriate-communication"));
        Assert.NotEqual(firstCase, secondCase);

        var two = await CaseAsync(analyst, secondCase);
        Assert.Equal("inappropriate-communication", two.GetProperty("case").GetProperty("tier").GetString());
        Assert.Equal(source, two.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal([firstCase], two.GetProperty("source").GetProperty("otherCases").EnumerateArray().Select(Id));
        var one = await CaseAsync(analyst, firstCase);
        Assert.Equal(two.GetProperty("source").GetProperty("id").GetGuid(), one.GetProperty("source").GetProperty("id").GetGuid());
        Assert.Equal([secondCase], one.GetProperty("source").GetProperty("otherCases").EnumerateArray().Select(Id));

        // A third report is linked to the first case: the case has both reports and the judge once as a protected person.
        var third = await FileAsync(judge, Report(factory, "Третій лист, дописуємо до справи"));
        var linked = await TriageAsync(analyst, third, caseId: firstCase);
        Assert.Equal(firstCase, Id(linked));
        one = await CaseAsync(analyst, firstCase);
        Assert.Equal(new[] { first, third }.Order(), one.GetProperty("reports").EnumerateArray().Select(Id).Order());
        var person = Assert.Single(one.GetProperty("persons").EnumerateArray());
        Assert.Equal("Демо Суддя", person.GetProperty("name").GetString());
        Assert.Equal("self", person.GetProperty("relation").GetString());
        Assert.Equal(["761/1234/26"], one.GetProperty("courtCases").EnumerateArray().Select(c => c.GetString()));
        var kinds = one.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["opened", "person-added", "report-linked", "report-linked"], kinds);
        Assert.All(one.GetProperty("timeline").EnumerateArray(), e => Assert.Equal("Демо Аналітик загроз", e.GetProperty("actorName").GetString()));

        // Linking to a case that does not exist is a field error, and the report waits.
        var fourth = await FileAsync(judge, Report(factory, "Четвертий лист"));
        var bad = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/reports/{fourth}/triage", new { tier = "threat", caseId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("rules").TryGetProperty("caseId", out _));
        Assert.Contains((await OkAsync(await analyst.GetAsync($"{Api}/triage"))).EnumerateArray(), l => Id(l.GetProperty("report")) == fourth);
    }

    [Fact]
    public async Task A_high_assessment_counts_only_once_a_second_analyst_approves_it()
    {
        using var analyst = await factory.ClientAsAsync("threat.analyst");

        // Low counts at once.
        var low = await CaseAsync(factory, "Образливий лист без погроз");
        var lowAssessment = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{low}/assessments", Assessment("low", "grievance")));
        Assert.True(lowAssessment.GetProperty("counts").GetBoolean());
        Assert.Equal("not-required", lowAssessment.GetProperty("review").GetString());
        var lowCase = (await CaseAsync(analyst, low)).GetProperty("case");
        Assert.Equal("low", lowCase.GetProperty("riskLevel").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), lowCase.GetProperty("assessedAt").GetDateTimeOffset());
        Assert.Equal("assessing", lowCase.GetProperty("status").GetString());

        // A reassessment as high waits for review: the case keeps its low risk.
        var higher = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{low}/assessments", Assessment("high", "research-planning")));
        Assert.Equal("pending", higher.GetProperty("review").GetString());
        Assert.False(higher.GetProperty("counts").GetBoolean());
        Assert.Equal(2, higher.GetProperty("version").GetInt32());
        Assert.Equal("low", (await CaseAsync(analyst, low)).GetProperty("case").GetProperty("riskLevel").GetString());

        // High on a new case: pending, not counted, so the case is still unassessed.
        var high = await CaseAsync(factory, "Лист із прямою погрозою");
        var assessment = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{high}/assessments", Assessment("high")));
        var assessmentId = Id(assessment);
        Assert.Equal("pending", assessment.GetProperty("review").GetString());
        var pendingCase = await CaseAsync(analyst, high);
        Assert.Equal(JsonValueKind.Null, pendingCase.GetProperty("case").GetProperty("riskLevel").ValueKind);
        Assert.Equal(JsonValueKind.Null, pendingCase.GetProperty("case").GetProperty("assessedAt").ValueKind);
        Assert.False(pendingCase.GetProperty("assessments")[0].GetProperty("counts").GetBoolean());
        Assert.True((await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("pendingReviews").GetInt32() >= 1);

        // The assessor cannot review their own assessment.
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/assessments/{assessmentId}/review", new { decision = "approve" }), HttpStatusCode.Conflict);
        Assert.Equal("pending", (await CaseAsync(analyst, high)).GetProperty("assessments")[0].GetProperty("review").GetString());

        // A second analyst of the unit: returning needs a note; approving makes it count.
        var (_, second) = await factory.CreateUserClientAsync("threat-analyst", DemoData.KyivCourtSecurity);
        using (second)
        {
            var noNote = await Problem.AssertAsync(await second.PostAsJsonAsync($"{Api}/assessments/{assessmentId}/review", new { decision = "return" }),
                HttpStatusCode.BadRequest);
            Assert.True(noNote.GetProperty("rules").TryGetProperty("note", out _));
            var approved = await OkAsync(await second.PostAsJsonAsync($"{Api}/assessments/{assessmentId}/review", new { decision = "approve", note = "Згоден" }));
            Assert.Equal("approved", approved.GetProperty("review").GetString());
            Assert.True(approved.GetProperty("counts").GetBoolean());
            Assert.Equal("Тестовий Користувач", approved.GetProperty("reviewerName").GetString());
            await Problem.AssertAsync(await second.PostAsJsonAsync($"{Api}/assessments/{assessmentId}/review", new { decision = "approve" }), HttpStatusCode.Conflict);
        }

        var counted = await CaseAsync(analyst, high);
        Assert.Equal("high", counted.GetProperty("case").GetProperty("riskLevel").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), counted.GetProperty("case").GetProperty("assessedAt").GetDateTimeOffset());
        Assert.True(counted.GetProperty("assessments")[0].GetProperty("counts").GetBoolean());
        Assert.Contains(counted.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "review-approved");

        // Bad assessments name their fields.
        var bad = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{high}/assessments",
            new { stage = "rumination", behaviours = new[] { "staring" }, riskLevel = "extreme" }), HttpStatusCode.BadRequest);
        var rules = bad.GetProperty("rules");
        foreach (var field in new[] { "stage", "behaviours", "riskLevel", "reasons" })
        {
            Assert.True(rules.TryGetProperty(field, out _), $"no rule for {field}: {rules}");
        }
    }

    [Fact]
    public async Task An_imminent_risk_without_a_measure_started_in_time_is_overdue_until_one_starts_and_the_judge_sees_it()
    {
        var officerId = await UserIdAsync(factory, "security.officer");
        var id = await CaseAsync(factory, "Погроза підпалом будинку сьогодні ввечері", "imminent");
        using (var analyst = await factory.ClientAsAsync("threat.analyst"))
        {
            var assessment = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/assessments", Assessment("imminent", "preparation")));
            var line = (await CaseAsync(analyst, id)).GetProperty("case");
            Assert.Equal(factory.Clock.GetUtcNow().AddHours(2), line.GetProperty("measuresDueAt").GetDateTimeOffset());
            var (_, second) = await factory.CreateUserClientAsync("threat-analyst", DemoData.KyivCourtSecurity);
            using (second)
            {
                await OkAsync(await second.PostAsJsonAsync($"{Api}/assessments/{Id(assessment)}/review", new { decision = "approve" }));
            }

            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);
        }

        Advance(factory, TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Guid measure;
        using (var analyst = await factory.ClientAsAsync("threat.analyst"))
        {
            var dashboard = await OkAsync(await analyst.GetAsync($"{Api}/dashboard"));
            var overdue = dashboard.GetProperty("overdue").EnumerateArray().Single(c => Id(c) == id);
            Assert.Equal("measures", overdue.GetProperty("overdue").GetString());
            var listed = (await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray().Single(c => Id(c) == id);
            Assert.Equal("measures", listed.GetProperty("overdue").GetString());

            // A measure planned is not a measure started.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), Kyiv).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var badMeasure = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/measures",
                new { typeCode = "jetpack", startsOn = "26.11.2026", assigneeUserId = officerId, assigneeUnitId = DemoData.KyivCourtSecurity }), HttpStatusCode.BadRequest);
            foreach (var field in new[] { "typeCode", "startsOn", "assigneeUserId" })
            {
                Assert.True(badMeasure.GetProperty("rules").TryGetProperty(field, out _), $"no rule for {field}");
            }

            // A unit may be assigned when it is the court or above it, not one of another region.
            var lvivUnit = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/measures",
                new { typeCode = "escort", startsOn = today, assigneeUnitId = DemoData.LvivRegion }), HttpStatusCode.BadRequest);
            Assert.Equal("threats.unit-unknown", lvivUnit.GetProperty("rules").GetProperty("assigneeUnitId")[0].GetString());
            var byUnit = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/measures",
                new { typeCode = "residence-guard", startsOn = today, assigneeUnitId = DemoData.KyivCourtSecurity }));
            Assert.Equal(DemoData.KyivCourtSecurity, byUnit.GetProperty("assigneeUnitId").GetGuid());
            await OkAsync(await analyst.PostAsJsonAsync($"{Api}/measures/{Id(byUnit)}/status", new { status = "cancelled", note = "Не потрібна" }));

            var added = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/measures",
                new { typeCode = "escort", assigneeUserId = officerId, startsOn = today, reviewOn = today, notes = "Супровід від суду до дому" }));
            measure = Id(added);
            Assert.Equal("planned", added.GetProperty("status").GetString());
            Assert.Equal("Демо Співробітник охорони", added.GetProperty("assigneeName").GetString());
            Assert.Contains((await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);

            await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/measures/{measure}/status", new { status = "ended" }), HttpStatusCode.Conflict);
            var started = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/measures/{measure}/status", new { status = "active" }));
            Assert.Equal("active", started.GetProperty("status").GetString());

            var line = (await CaseAsync(analyst, id)).GetProperty("case");
            Assert.Equal("measures-active", line.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, line.GetProperty("overdue").ValueKind);
            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("overdue").EnumerateArray(), c => Id(c) == id);
            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);
        }

        // The judge sees the measure taken for them, with nothing of the case.
        using var judge = await factory.ClientAsAsync("judge");
        var mine = (await OkAsync(await judge.GetAsync($"{Api}/my-protection"))).EnumerateArray().Single(m => Id(m) == measure);
        Assert.Equal("Супровід", mine.GetProperty("typeName").GetString());
        Assert.Equal("Демо Суддя", mine.GetProperty("protectedName").GetString());
        Assert.Equal("Демо Співробітник охорони", mine.GetProperty("assigneeName").GetString());
        Assert.Equal("active", mine.GetProperty("status").GetString());
        Assert.Equal(["id", "typeName", "protectedName", "assigneeName", "startsOn", "endsOn", "status", "startedAt"],
            mine.EnumerateObject().Select(p => p.Name));
        var raw = (await judge.GetStringAsync($"{Api}/my-protection"));
        Assert.DoesNotContain(id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("THR-", raw, StringComparison.Ordinal);

        // The judge reads no cases at all; another judge sees nothing of this one.
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Api}/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Api}/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"{Api}/dashboard")).StatusCode);
        var (_, otherJudge) = await factory.CreateUserClientAsync("judge", DemoData.ShevchenkivskyiCourt);
        using (otherJudge)
        {
            Assert.Empty((await OkAsync(await otherJudge.GetAsync($"{Api}/my-protection"))).EnumerateArray());
        }
    }

    [Fact]
    public async Task A_case_not_assessed_by_its_due_time_is_overdue_for_assessment()
    {
        var id = await CaseAsync(factory, "Анонімний дзвінок із погрозою", "imminent");
        using (var analyst = await factory.ClientAsAsync("threat.analyst"))
        {
            var line = (await CaseAsync(analyst, id)).GetProperty("case");
            Assert.Equal(line.GetProperty("openedAt").GetDateTimeOffset().AddHours(4), line.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Contains((await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("dueSoon").EnumerateArray(), c => Id(c) == id);
            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("overdue").EnumerateArray(), c => Id(c) == id);
        }

        Advance(factory, TimeSpan.FromHours(3) + TimeSpan.FromMinutes(59));
        using (var analyst = await factory.ClientAsAsync("threat.analyst"))
        {
            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);
        }

        Advance(factory, TimeSpan.FromMinutes(2));
        using (var analyst = await factory.ClientAsAsync("threat.analyst"))
        {
            var overdue = (await OkAsync(await analyst.GetAsync($"{Api}/dashboard"))).GetProperty("overdue").EnumerateArray().Single(c => Id(c) == id);
            Assert.Equal("assessment", overdue.GetProperty("overdue").GetString());
            var listed = (await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true&priority=imminent"))).GetProperty("cases").EnumerateArray().Single(c => Id(c) == id);
            Assert.Equal("assessment", listed.GetProperty("overdue").GetString());

            // The head of the unit sees it on their dashboard too.
            var (_, head) = await factory.CreateUserClientAsync("unit-head", DemoData.KyivCourtSecurity);
            using (head)
            {
                Assert.Contains((await OkAsync(await head.GetAsync($"{Api}/dashboard"))).GetProperty("overdue").EnumerateArray(), c => Id(c) == id);
            }

            // A late assessment that counts takes it off.
            await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/assessments", Assessment("moderate")));
            Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/cases?overdue=true"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);
        }
    }

    [Fact]
    public async Task A_case_changes_status_in_order_closes_with_a_reason_and_keeps_its_timeline()
    {
        var id = await CaseAsync(factory, "Повідомлення в месенджері");
        using var analyst = await factory.ClientAsAsync("threat.analyst");

        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "monitoring" }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "assessing" }), HttpStatusCode.Conflict);
        var noReason = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "closed", reason = " " }), HttpStatusCode.BadRequest);
        Assert.Equal("required", noReason.GetProperty("rules").GetProperty("reason")[0].GetString());
        var badStatus = await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "measures-active" }), HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("rules").TryGetProperty("status", out _));
        Assert.Equal("new", (await CaseAsync(analyst, id)).GetProperty("case").GetProperty("status").GetString());

        await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/notes", new { text = "Дзвінок до заявника: подробиці з'ясовано", occurredAt = At(factory.Clock.GetUtcNow()) }));
        await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/assessments", Assessment("moderate")));
        Assert.Equal("monitoring", (await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "monitoring", courtCases = "761/1234/26, 761/999/26" })))
            .GetProperty("status").GetString());
        var closed = await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "closed", reason = "Джерело встановлено, погроза не підтвердилась" }));
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        var c = await CaseAsync(analyst, id);
        Assert.Equal("Джерело встановлено, погроза не підтвердилась", c.GetProperty("closingReason").GetString());
        Assert.Equal(["761/1234/26", "761/999/26"], c.GetProperty("courtCases").EnumerateArray().Select(x => x.GetString()));
        var kinds = c.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["opened", "person-added", "report-linked", "note", "assessed", "status", "court-cases", "status"], kinds);
        Assert.Contains(c.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "note"
            && e.GetProperty("text").GetString()!.EndsWith("Дзвінок до заявника: подробиці з'ясовано", StringComparison.Ordinal));

        // A closed case takes no assessment nor measure, and is not on the open list.
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}/assessments", Assessment("low")), HttpStatusCode.Conflict);
        Assert.DoesNotContain((await OkAsync(await analyst.GetAsync($"{Api}/cases?status=open"))).GetProperty("cases").EnumerateArray(), x => Id(x) == id);
        Assert.Contains((await OkAsync(await analyst.GetAsync($"{Api}/cases?status=closed"))).GetProperty("cases").EnumerateArray(), x => Id(x) == id);

        // Reopened: back to assessing.
        Assert.Equal("assessing", (await OkAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "assessing" }))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_and_other_units_cases_are_not_found_and_malformed_bodies_are_400()
    {
        var id = await CaseAsync(factory, "Погроза для перевірки меж");
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        await Problem.AssertAsync(await analyst.GetAsync($"{Api}/cases/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/cases/{Guid.NewGuid()}/assessments", Assessment("low")), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/assessments/{Guid.NewGuid()}/review", new { decision = "approve" }), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await analyst.PostAsJsonAsync($"{Api}/measures/{Guid.NewGuid()}/status", new { status = "active" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"{Api}/cases/not-a-guid")).StatusCode);

        var (_, lviv) = await factory.CreateUserClientAsync("threat-analyst", DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"{Api}/cases/{id}"), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync($"{Api}/cases/{id}/assessments", Assessment("low")), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync($"{Api}/cases/{id}", new { status = "closed", reason = "Чужий регіон" }), HttpStatusCode.NotFound);
            Assert.DoesNotContain((await OkAsync(await lviv.GetAsync($"{Api}/cases"))).GetProperty("cases").EnumerateArray(), c => Id(c) == id);
            Assert.Empty((await OkAsync(await lviv.GetAsync($"{Api}/dashboard"))).GetProperty("overdue").EnumerateArray());
        }

        foreach (var url in new[] { $"{Api}/cases/{id}/assessments", $"{Api}/cases/{id}", $"{Api}/reports/{Guid.NewGuid()}/triage", $"{Api}/cases/{id}/notes" })
        {
            using var body = new StringContent("{\"stage\": \"ideation\", ", Encoding.UTF8, "application/json");
            await Problem.AssertAsync(await analyst.PostAsync(url, body), HttpStatusCode.BadRequest);
        }

        var badList = await Problem.AssertAsync(await analyst.GetAsync($"{Api}/cases?status=sleeping&limit=0&after=xyz"), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "status", "limit", "after" })
        {
            Assert.True(badList.GetProperty("rules").TryGetProperty(field, out _), $"no rule for {field}");
        }

        // Nothing changed on the case.
        var c = await CaseAsync(analyst, id);
        Assert.Equal("new", c.GetProperty("case").GetProperty("status").GetString());
        Assert.Empty(c.GetProperty("assessments").EnumerateArray());
    }

    /// <summary>The end of the third Monday-to-Friday day after the Kyiv day of <paramref name="from"/>, as an instant (no holidays under martial law).</summary>
    private static DateTimeOffset ThreeBusinessDaysAfter(DateTimeOffset from)
    {
        var day = TimeZoneInfo.ConvertTime(from, Kyiv).Date;
        for (var counted = 0; counted < 3;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        var midnight = day.AddDays(1);
        return new DateTimeOffset(midnight, Kyiv.GetUtcOffset(midnight));
    }
}
