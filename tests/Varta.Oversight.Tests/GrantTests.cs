using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varta.Oversight.Queue;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Issue 13, external control: grants of read-only access for outside bodies (scope, time box, revocation, what they show),
/// every grantee look audited and listed to the facility's head, and an unannounced visit whose discrepancies go to the
/// inspectors' queue. Nothing a monitor does changes a record.
/// </summary>
public sealed class GrantTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Api = "/api/v1/oversight";

    [Fact]
    public async Task A_grant_is_checked_scoped_and_time_boxed_and_every_look_is_audited_and_listed_to_the_facility_head()
    {
        var record = await BookInAsync("Грантовий");
        using var officer = await factory.ClientAsAsync("custody.officer");
        var now = factory.Clock.GetUtcNow();
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "medical-examination", ["occurredAt"] = At(now.AddMinutes(-5)), ["examiner"] = "лікар Вигадана",
            ["injuriesFound"] = true, ["injuriesDescription"] = "подряпина на лобі", ["fitForDetention"] = true,
        }));
        var lviv = await LvivRecordAsync();

        using var admin = await factory.ClientAsAsync("admin");
        var monitorId = (await OkAsync(await admin.GetAsync($"{Api}/grants/candidates"))).EnumerateArray()
            .Single(c => c.GetProperty("displayName").GetString() == "Демо Зовнішній монітор").GetProperty("userId").GetGuid();

        // Bad input answers with the rule beside its field and makes nothing.
        var before = (await OkAsync(await admin.GetAsync($"{Api}/grants"))).GetArrayLength();
        var bad = await Problem.AssertAsync(await admin.PostAsJsonAsync($"{Api}/grants", Grant(Guid.NewGuid(), DemoData.KyivRegion, now.AddHours(1), now, body: "press")),
            HttpStatusCode.BadRequest);
        var rules = bad.GetProperty("rules");
        Assert.Equal("oversight.not-a-monitor", rules.GetProperty("granteeUserId")[0].GetString());
        Assert.Equal("one-of", rules.GetProperty("body")[0].GetString());
        Assert.Equal("oversight.grant-ends-before-start", rules.GetProperty("validUntil")[0].GetString());
        var tooLong = await Problem.AssertAsync(await admin.PostAsJsonAsync($"{Api}/grants", Grant(monitorId, DemoData.KyivRegion, now, now.AddDays(400))),
            HttpStatusCode.BadRequest);
        Assert.Equal("oversight.grant-too-long", tooLong.GetProperty("rules").GetProperty("validUntil")[0].GetString());
        Assert.Equal(before, (await OkAsync(await admin.GetAsync($"{Api}/grants"))).GetArrayLength());

        // A Lviv administrator cannot grant over Kyiv: not found.
        var (_, lvivAdmin) = await factory.CreateUserClientAsync("administrator", DemoData.LvivRegion);
        using (lvivAdmin)
        {
            await Problem.AssertAsync(await lvivAdmin.PostAsJsonAsync($"{Api}/grants", Grant(monitorId, DemoData.KyivRegion, now, now.AddDays(7))), HttpStatusCode.NotFound);
        }

        var grant = await OkAsync(await admin.PostAsJsonAsync($"{Api}/grants", Grant(monitorId, DemoData.KyivRegion, now.AddMinutes(-1), now.AddHours(1))));
        var grantId = grant.GetProperty("id").GetGuid();
        Assert.Equal("active", grant.GetProperty("state").GetString());

        using var monitor = await factory.ClientAsAsync("external.monitor");
        var mine = (await OkAsync(await monitor.GetAsync($"{Api}/my-grants"))).EnumerateArray().ToList();
        Assert.Equal("active", mine.Single(g => g.GetProperty("id").GetGuid() == grantId).GetProperty("state").GetString());
        var list = (await OkAsync(await monitor.GetAsync($"{Api}/my-grants/{grantId}/records"))).EnumerateArray().ToList();
        Assert.Contains(list, l => l.GetProperty("recordId").GetGuid() == record);
        Assert.DoesNotContain(list, l => l.GetProperty("recordId").GetGuid() == lviv);

        // The grant shows no medical details unless it says so; a record outside its scope is not found.
        var seen = await OkAsync(await monitor.GetAsync($"{Api}/my-grants/{grantId}/records/{record}"));
        Assert.Equal(["medical", "risk-assessment"], seen.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        var exam = seen.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "medical-examination");
        Assert.True(exam.GetProperty("withheld").GetBoolean());
        Assert.Equal("{}", exam.GetProperty("dataJson").GetString());
        Assert.DoesNotContain("подряпина", JsonSerializer.Serialize(seen, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            StringComparison.Ordinal);
        await Problem.AssertAsync(await monitor.GetAsync($"{Api}/my-grants/{grantId}/records/{lviv}"), HttpStatusCode.NotFound);

        // Another monitor's use of this grant: not found. Nothing a monitor does can change a record.
        var (_, other) = await factory.CreateUserClientAsync("external-monitor", DemoData.KyivRegion);
        using (other)
        {
            await Problem.AssertAsync(await other.GetAsync($"{Api}/my-grants/{grantId}/records/{record}"), HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries",
            new Dictionary<string, object?> { ["type"] = "note", ["occurredAt"] = At(now), ["text"] = "монітор" })).StatusCode);

        // The facility's head sees each look; the audit log has it.
        var (_, head) = await factory.CreateUserClientAsync("unit-head", DemoData.DetentionFacility1);
        using (head)
        {
            var views = (await OkAsync(await head.GetAsync($"{Api}/grantee-views"))).EnumerateArray().ToList();
            Assert.Contains(views, v => v.GetProperty("recordId").ValueKind == JsonValueKind.String && v.GetProperty("recordId").GetGuid() == record
                && v.GetProperty("what").GetString() == "record" && v.GetProperty("granteeName").GetString() == "Демо Зовнішній монітор");
            Assert.Contains(views, v => v.GetProperty("what").GetString() == "records-list");
        }

        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=custody-record&resourceId={record}&limit=100"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "oversight.grant.viewed"
            && e.GetProperty("details").GetString()!.Contains("\"withheld\":[\"medical\",\"risk-assessment\"]", StringComparison.Ordinal));

        // Past its end the grant is refused (403), and so is a revoked one.
        factory.Clock.Advance(TimeSpan.FromMinutes(61)); // (small steps: each periodic timer of the host fires for every period skipped)
        using var monitorLater = await factory.ClientAsAsync("external.monitor");
        using var adminLater = await factory.ClientAsAsync("admin");
        var expired = await Problem.AssertAsync(await monitorLater.GetAsync($"{Api}/my-grants/{grantId}/records/{record}"), HttpStatusCode.Forbidden);
        Assert.Contains("минув", expired.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var second = await OkAsync(await adminLater.PostAsJsonAsync($"{Api}/grants",
            Grant(monitorId, DemoData.DetentionFacility1, factory.Clock.GetUtcNow(), factory.Clock.GetUtcNow().AddDays(1), showMedical: true)));
        var secondId = second.GetProperty("id").GetGuid();
        var withMedical = await OkAsync(await monitorLater.GetAsync($"{Api}/my-grants/{secondId}/records/{record}"));
        var examData = withMedical.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "medical-examination").GetProperty("dataJson").GetString()!;
        Assert.Equal("подряпина на лобі", JsonDocument.Parse(examData).RootElement.GetProperty("injuriesDescription").GetString());
        await Problem.AssertAsync(await adminLater.PostAsJsonAsync($"{Api}/grants/{secondId}/revoke", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal("revoked", (await OkAsync(await adminLater.PostAsJsonAsync($"{Api}/grants/{secondId}/revoke", new { reason = "Перевірку завершено" })))
            .GetProperty("state").GetString());
        await Problem.AssertAsync(await monitorLater.GetAsync($"{Api}/my-grants/{secondId}/records"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_monitor_reconciles_an_unannounced_visit_and_the_discrepancies_go_to_the_inspectors_queue()
    {
        var present = await BookInAsync("Присутній");
        var absent = await BookInAsync("Відсутній");
        var moved = await BookInAsync("Переведений");
        using var admin = await factory.ClientAsAsync("admin");
        var now = factory.Clock.GetUtcNow();
        var monitorId = (await OkAsync(await admin.GetAsync($"{Api}/grants/candidates"))).EnumerateArray()
            .Single(c => c.GetProperty("displayName").GetString() == "Демо Зовнішній монітор").GetProperty("userId").GetGuid();
        var grantId = (await OkAsync(await admin.PostAsJsonAsync($"{Api}/grants", Grant(monitorId, DemoData.DetentionFacility1, now, now.AddDays(1), body: "ombudsman-npm"))))
            .GetProperty("id").GetGuid();

        using var monitor = await factory.ClientAsAsync("external.monitor");
        await Problem.AssertAsync(await monitor.PostAsJsonAsync($"{Api}/my-grants/{grantId}/visits", new { facilityId = DemoData.LvivFacility }), HttpStatusCode.NotFound);
        var visit = await OkAsync(await monitor.PostAsJsonAsync($"{Api}/my-grants/{grantId}/visits", new { facilityId = DemoData.DetentionFacility1 }));
        var visitId = visit.GetProperty("id").GetGuid();
        var lines = visit.GetProperty("lines").EnumerateArray().ToList();
        Guid Line(Guid record) => lines.Single(l => l.GetProperty("recordId").ValueKind == JsonValueKind.String && l.GetProperty("recordId").GetGuid() == record)
            .GetProperty("id").GetGuid();

        await OkAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/lines/{Line(present)}", new { result = "found" }));
        await OkAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/lines/{Line(absent)}", new { result = "absent", note = "Немає в камері" }));
        var noCell = await Problem.AssertAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/lines/{Line(moved)}", new { result = "other-cell" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("required", noCell.GetProperty("rules").GetProperty("cell")[0].GetString());
        await OkAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/lines/{Line(moved)}", new { result = "other-cell", cell = "7" }));
        await OkAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/unregistered", new { description = "Чоловік близько 30 років, без запису", cell = "3" }));
        var closed = await OkAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/close", new { summary = "Візит без попередження" }));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        await Problem.AssertAsync(await monitor.PostAsJsonAsync($"{Api}/visits/{visitId}/lines/{Line(present)}", new { result = "absent" }), HttpStatusCode.Conflict);

        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var items = (await OkAsync(await inspector.GetAsync($"/api/v1/oversight/queue?rule=visit-discrepancy"))).EnumerateArray().ToList();
        var details = items.Select(i => (Record: i.GetProperty("recordId").GetGuid(), Detail: i.GetProperty("detail").GetString())).ToList();
        Assert.Contains((absent, "absent"), details);
        Assert.Contains((moved, "other-cell"), details);
        Assert.Contains((Guid.Empty, "unregistered"), details);
        Assert.DoesNotContain(details, d => d.Record == present);

        // The visit changed no record: the absent person is still in custody, with no entry added by the monitor.
        using var officer = await factory.ClientAsAsync("custody.officer");
        var record = await OkAsync(await officer.GetAsync($"/api/v1/custody/records/{absent}"));
        Assert.Equal("in-custody", record.GetProperty("status").GetString());
        Assert.DoesNotContain(record.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("recordedBy").GetString() == "external.monitor");
    }

    [Fact]
    public async Task A_welfare_check_recorded_as_made_after_its_due_time_enters_the_queue()
    {
        var record = await BookInAsync("Пізньоперевірений");
        var now = factory.Clock.GetUtcNow();

        // Arrived 30 minutes ago; at level 1 a check is due 60 minutes after arrival. One made at +20 min is on time, the
        // next (due at +80) is recorded as made at +95: late, judged by when it happened.
        factory.Clock.Advance(TimeSpan.FromMinutes(70));
        using var officer = await factory.ClientAsAsync("custody.officer");
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "welfare-check", ["occurredAt"] = At(now.AddMinutes(-10)), ["condition"] = "awake-well",
        }));
        await ScanAsync();
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        Assert.DoesNotContain((await OkAsync(await inspector.GetAsync($"{Api}/queue?rule=checks-missed"))).EnumerateArray(),
            i => i.GetProperty("recordId").GetGuid() == record && i.GetProperty("sourceKind").GetString() == "check-late");

        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        using var officerLater = await factory.ClientAsAsync("custody.officer");
        await OkAsync(await officerLater.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "welfare-check", ["occurredAt"] = At(now.AddMinutes(65)), ["condition"] = "awake-well",
        }));
        await ScanAsync();
        using var inspectorLater = await factory.ClientAsAsync("rights.inspector");
        var late = (await OkAsync(await inspectorLater.GetAsync($"{Api}/queue?rule=checks-missed"))).EnumerateArray()
            .Where(i => i.GetProperty("recordId").GetGuid() == record && i.GetProperty("sourceKind").GetString() == "check-late").ToList();
        Assert.Single(late);
    }

    private static object Grant(Guid grantee, Guid scope, DateTimeOffset from, DateTimeOffset until, string body = "prosecutor", bool showMedical = false) => new
    {
        granteeUserId = grantee, body, scopeUnitId = scope, validFrom = At(from), validUntil = At(until), showMedical, showRiskAssessment = false,
        purpose = "Перевірка додержання прав затриманих",
    };

    private async Task<Guid> BookInAsync(string stem)
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, stem + Guid.NewGuid().ToString("N")[..5])));
        return booked.GetProperty("id").GetGuid();
    }

    private async Task<Guid> LvivRecordAsync()
    {
        var (_, officer) = await factory.CreateUserClientAsync("custody-officer", DemoData.LvivFacility);
        using (officer)
        {
            var body = CustodyBodies.BookIn(factory, "Львівський" + Guid.NewGuid().ToString("N")[..5]);
            body["facilityId"] = DemoData.LvivFacility;
            return (await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", body))).GetProperty("id").GetGuid();
        }
    }

    private Task<int> ScanAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<QueueScanner>().ScanAsync(CancellationToken.None));

    private static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
