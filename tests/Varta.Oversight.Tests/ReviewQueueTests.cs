using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Contracts;
using Varta.Oversight.Queue;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Issue 13, the inspectors' review queue: rules put custody facts in it, an item stays until an inspector closes it
/// (even after the record looks fine), findings and closing, and who may see and work it.
/// </summary>
public sealed class ReviewQueueTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Queue = "/api/v1/oversight/queue";

    [Fact]
    public async Task Use_of_force_and_injuries_found_later_enter_the_queue_once_and_an_inspector_closes_one_with_a_finding()
    {
        var record = await BookInAsync("Силовий");
        using var officer = await factory.ClientAsAsync("custody.officer");
        var now = factory.Clock.GetUtcNow();
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "use-of-force", ["occurredAt"] = At(now.AddMinutes(-5)), ["means"] = "handcuffs",
            ["justification"] = "Опір під час обшуку", ["usedBy"] = "сержант Вигаданий", ["injuries"] = false, ["medicalExamOffered"] = true,
        }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "medical-examination", ["occurredAt"] = At(now.AddMinutes(-2)), ["examiner"] = "лікар Вигадана",
            ["injuriesFound"] = true, ["injuriesDescription"] = "садно на зап'ясті", ["fitForDetention"] = true,
        }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "note", ["occurredAt"] = At(now), ["text"] = "Звичайна примітка",
        }));

        await ScanAsync();
        await ScanAsync(); // a second scan finds the same facts again and adds nothing
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var items = (await OkAsync(await inspector.GetAsync($"{Queue}?status=all"))).EnumerateArray().Where(i => Id(i, "recordId") == record).ToList();
        Assert.Equal(["injuries", "use-of-force"], items.Select(i => i.GetProperty("rule").GetString()).Order(StringComparer.Ordinal));
        var force = items.Single(i => i.GetProperty("rule").GetString() == "use-of-force");
        Assert.Equal("open", force.GetProperty("status").GetString());
        Assert.Equal("handcuffs", force.GetProperty("detail").GetString());
        var itemId = Id(force, "id");

        // Closing "violation found" needs a finding first: refused, nothing changes.
        var refused = await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "violation", note = "Порушення" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("oversight.violation-needs-finding", refused.GetProperty("rules").GetProperty("conclusion")[0].GetString());
        var badType = await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings", new { violationType = "bogus", text = "x" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("one-of", badType.GetProperty("rules").GetProperty("violationType")[0].GetString());

        var withFinding = await OkAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings", new
        {
            violationType = "unjustified-force", text = "Кайданки без достатніх підстав", recommendation = "Службова перевірка",
            responsible = "Начальник ІТТ", dueBy = At(now.AddDays(14)),
        }));
        var finding = Assert.Single(withFinding.GetProperty("findings").EnumerateArray());
        Assert.Equal("rights.inspector", finding.GetProperty("recordedBy").GetString());

        // Followed up until closed: the recommendation must be seen acted on before the item closes.
        var pending = await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "violation", note = "Рекомендовано перевірку" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("oversight.follow-up-pending", pending.GetProperty("rules").GetProperty("conclusion")[0].GetString());
        var dashboard = (await OkAsync(await inspector.GetAsync("/api/v1/oversight/dashboard"))).EnumerateArray()
            .Single(f => Id(f, "facilityId") == DemoData.DetentionFacility1);
        Assert.True(dashboard.GetProperty("open").GetInt32() >= 2);
        Assert.Equal(dashboard.GetProperty("open").GetInt32(),
            dashboard.GetProperty("underOneDay").GetInt32() + dashboard.GetProperty("oneToSevenDays").GetInt32() + dashboard.GetProperty("overSevenDays").GetInt32());
        var findingId = Id(finding, "id");
        await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings/{findingId}/follow-up", new { note = "" }), HttpStatusCode.BadRequest);
        var followed = await OkAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings/{findingId}/follow-up", new { note = "Перевірку проведено, наказ № 12" }));
        Assert.Equal("Перевірку проведено, наказ № 12", followed.GetProperty("findings")[0].GetProperty("actedNote").GetString());
        await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings/{findingId}/follow-up", new { note = "Ще раз" }), HttpStatusCode.Conflict);
        var closed = await OkAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "violation", note = "Рекомендовано перевірку" }));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("violation", closed.GetProperty("conclusion").GetString());

        // Closed is closed: no second close, no more findings.
        await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "no-violation", note = "Ще раз" }), HttpStatusCode.Conflict);
        await Problem.AssertAsync(await inspector.PostAsJsonAsync($"{Queue}/{itemId}/findings", new { violationType = "other", text = "Пізніше" }), HttpStatusCode.Conflict);
        var open = (await OkAsync(await inspector.GetAsync(Queue))).EnumerateArray().Select(i => Id(i, "id")).ToList();
        Assert.DoesNotContain(itemId, open);

        using var admin = await factory.ClientAsAsync("admin");
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?limit=50&resourceId={itemId}"));
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("oversight.finding.added", actions);
        Assert.Contains("oversight.item.closed", actions);
    }

    [Fact]
    public async Task A_late_legal_aid_notification_stays_in_the_queue_after_the_notification_is_made()
    {
        var record = await BookInAsync("Пізній");

        // The legal aid centre is not told within the hour: custody raises its alert, the rule queues it.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await WaitForAlertAsync(record, "legal-aid-not-notified");
        await ScanAsync();

        using var officer = await factory.ClientAsAsync("custody.officer");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "legal-aid-notified", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["centre"] = "Київський центр", ["method"] = "phone",
            ["delayReason"] = "Центр не відповідав", ["delayAuthorisedBy"] = "черговий Вигаданий",
        }));
        await ScanAsync();

        // The record now looks fine; the late notification is still a fact to review.
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        // (Relatives were not told in time either: a second item under the same rule, from its own alert.)
        var late = (await OkAsync(await inspector.GetAsync($"{Queue}?rule=notification-late"))).EnumerateArray().Where(i => Id(i, "recordId") == record).ToList();
        Assert.Equal(["legal-aid-not-notified", "relatives-not-notified"], late.Select(i => i.GetProperty("detail").GetString()).Order(StringComparer.Ordinal));
        var item = late.Single(i => i.GetProperty("detail").GetString() == "legal-aid-not-notified");
        Assert.Equal("alert", item.GetProperty("sourceKind").GetString());
        var closed = await OkAsync(await inspector.PostAsJsonAsync($"{Queue}/{Id(item, "id")}/close", new { conclusion = "no-violation", note = "Повідомлено з поважної причини пізніше" }));
        Assert.Equal("no-violation", closed.GetProperty("conclusion").GetString());
    }

    [Fact]
    public async Task The_wrong_role_is_refused_and_the_wrong_region_sees_nothing()
    {
        var record = await BookInAsync("Межовий");
        using var officer = await factory.ClientAsAsync("custody.officer");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "complaint", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["text"] = "Скарга на умови",
        }));
        await ScanAsync();
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var item = (await OkAsync(await inspector.GetAsync($"{Queue}?rule=complaint"))).EnumerateArray().Single(i => Id(i, "recordId") == record);
        var itemId = Id(item, "id");

        // A custody officer works the record, not the queue.
        await Problem.AssertAsync(await officer.GetAsync(Queue), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "no-violation", note = "x" }), HttpStatusCode.Forbidden);

        // The facility's head sees what is open about the facility, and may not close it.
        var (_, head) = await factory.CreateUserClientAsync(Roles.UnitHead, DemoData.DetentionFacility1);
        using (head)
        {
            Assert.Contains((await OkAsync(await head.GetAsync(Queue))).EnumerateArray(), i => Id(i, "id") == itemId);
            await Problem.AssertAsync(await head.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "no-violation", note = "x" }), HttpStatusCode.Forbidden);
        }

        // An inspector of another region: not in their queue, and the item does not exist for them.
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion);
        using (lviv)
        {
            Assert.DoesNotContain((await OkAsync(await lviv.GetAsync($"{Queue}?status=all"))).EnumerateArray(), i => Id(i, "id") == itemId);
            await Problem.AssertAsync(await lviv.GetAsync($"{Queue}/{itemId}"), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync($"{Queue}/{itemId}/close", new { conclusion = "no-violation", note = "x" }), HttpStatusCode.NotFound);
        }

        Assert.Equal("open", (await OkAsync(await inspector.GetAsync($"{Queue}/{itemId}"))).GetProperty("status").GetString());
        await Problem.AssertAsync(await inspector.GetAsync($"{Queue}?status=bogus"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Every_custody_fact_kind_and_alert_that_the_issue_names_has_a_rule()
    {
        string[] alerts =
        [
            "legal-aid-not-notified", "relatives-not-notified", "parents-not-notified", "guardianship-not-notified", "medical-exam-missing",
            "injuries-on-arrival", "check-overdue", "court-deadline-soon", "court-deadline-passed", "max-deadline-soon", "max-deadline-passed",
            "late-delivery", "detention-corrected",
        ];
        foreach (var alert in alerts)
        {
            Assert.NotNull(ReviewRules.RuleFor(Fact(CustodyReviewKinds.Alert, alert)));
        }

        Assert.Equal(ReviewRules.Correction, ReviewRules.RuleFor(Fact(CustodyReviewKinds.Correction, "welfare-check")));
        Assert.Null(ReviewRules.RuleFor(Fact(CustodyReviewKinds.Correction, "meal"))); // not a correction the issue asks to review
        Assert.Equal(ReviewRules.SelfHarmIllness, ReviewRules.RuleFor(Fact(CustodyReviewKinds.Incident, "self-harm")));
        Assert.Null(ReviewRules.RuleFor(Fact(CustodyReviewKinds.Incident, "attempted-escape")));
        Assert.Equal(ReviewRules.ClockLimit, ReviewRules.RuleFor(Fact(CustodyReviewKinds.ClosedAfterLimit, "release")));
        Assert.False(ReviewRules.OnByDefault(ReviewRules.MealOverdue));
    }

    private static CustodyReviewFact Fact(string kind, string? detail) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "ITT-TEST/2026/1", Guid.NewGuid(), kind, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, detail);

    private async Task<Guid> BookInAsync(string stem)
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, stem + Guid.NewGuid().ToString("N")[..5])));
        return Id(booked, "id");
    }

    private Task<int> ScanAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<QueueScanner>().ScanAsync(CancellationToken.None));

    /// <summary>Custody's alert scan runs in the background on the moved clock; this waits (bounded) until it has raised the alert.</summary>
    private async Task WaitForAlertAsync(Guid record, string kind)
    {
        for (var i = 0; i < 200; i++)
        {
            var alerts = await factory.WithScopeAsync(sp => sp.GetRequiredService<ICustodyRecords>().OpenAlertsAsync(DemoData.DetentionFacility1, CancellationToken.None));
            if (alerts.Any(a => a.RecordId == record && a.Kind == kind))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"custody raised no {kind} alert on {record}");
    }

    private static Guid Id(JsonElement e, string name) => e.GetProperty(name).GetGuid();

    private static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
