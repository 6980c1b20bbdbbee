using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Contracts;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Issue 13, the reports: per facility and region over a period of Kyiv days, custody's figures (detentions, time in
/// custody, legal aid in time, checks missed, injuries on arrival, complaints, use of force, corrections) beside the
/// inspectors' (items and findings), as JSON, CSV and a chart; bad periods, the wrong role and the wrong scope refused.
/// </summary>
public sealed class ReportTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Reports = "/api/v1/oversight/reports";

    /// <summary>A day of its own, after the demo data (booked at the factory's start) and away from it: 10:00 in Kyiv.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);

    private const string Day = "from=2026-12-10&to=2026-12-10";

    [Fact]
    public async Task The_figures_of_a_day_are_exact_in_JSON_CSV_and_the_chart_for_the_facility_and_its_region()
    {
        factory.Clock.SetUtcNow(T0);
        var officer = await factory.ClientAsAsync("custody.officer");

        // Three people detained at 07:20 UTC, delivered at 07:30.
        var a = await BookInAsync(officer, "Звітний");
        var b = await BookInAsync(officer, "Скаржник");
        var c = await BookInAsync(officer, "Очікуваний");

        // A: injuries found by the first examination; legal aid told 40 minutes after detention (in time).
        await PostEntryAsync(officer, a, new() { ["type"] = "medical-examination", ["occurredAt"] = At(T0), ["examiner"] = "лікар Вигадана",
            ["injuriesFound"] = true, ["injuriesDescription"] = "синець на плечі", ["fitForDetention"] = true });
        await PostEntryAsync(officer, a, new() { ["type"] = "legal-aid-notified", ["occurredAt"] = At(T0), ["centre"] = "Київський центр", ["method"] = "phone" });

        // B: force used, a complaint, and the complaint corrected.
        await PostEntryAsync(officer, b, new() { ["type"] = "use-of-force", ["occurredAt"] = At(T0), ["means"] = "handcuffs",
            ["justification"] = "Опір під час обшуку", ["usedBy"] = "сержант Вигаданий", ["injuries"] = false, ["medicalExamOffered"] = true });
        var complaint = await PostEntryAsync(officer, b, new() { ["type"] = "complaint", ["occurredAt"] = At(T0), ["text"] = "Скарга на умови" });
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{b}/entries/{Id(complaint, "id")}/corrections",
            new Dictionary<string, object?> { ["reason"] = "Описка в тексті", ["text"] = "Скарга на умови тримання" }));

        // 09:30: every check is an hour overdue (one check-overdue alert each); B's legal aid is told now, 130 minutes after detention.
        factory.Clock.Advance(TimeSpan.FromMinutes(90));
        foreach (var record in new[] { a, b, c })
        {
            await WaitForAlertAsync(record, "check-overdue");
        }

        officer.Dispose(); // access tokens are short-lived, and the clock has moved: a new one after each move
        officer = await factory.ClientAsAsync("custody.officer");
        await PostEntryAsync(officer, b, new() { ["type"] = "legal-aid-notified", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["centre"] = "Київський центр",
            ["method"] = "phone", ["delayReason"] = "Центр не відповідав", ["delayAuthorisedBy"] = "черговий Вигаданий" });

        // 11:00: A released after 220 minutes; 13:00: B after 340. C stays, never having had legal aid told.
        factory.Clock.Advance(TimeSpan.FromMinutes(90));
        await WaitForAlertAsync(b, "medical-exam-missing");
        officer.Dispose();
        officer = await factory.ClientAsAsync("custody.officer");
        await ReleaseAsync(officer, a);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        officer.Dispose();
        officer = await factory.ClientAsAsync("custody.officer");
        await ReleaseAsync(officer, b);
        officer.Dispose();

        // The inspector's side: the rules queue what custody raised; the complaint gets a finding, acted on, and is closed.
        // (The rules run in the background on the moved clock; a scan of our own could race theirs on the same facts.)
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var item = await WaitForItemAsync(inspector, "complaint", b);
        var withFinding = await OkAsync(await inspector.PostAsJsonAsync($"/api/v1/oversight/queue/{Id(item, "id")}/findings",
            new { violationType = "complaint-not-handled", text = "Скаргу не передано", recommendation = "Передати скаргу", responsible = "Начальник ІТТ" }));
        var finding = Id(withFinding.GetProperty("findings")[0], "id");
        await OkAsync(await inspector.PostAsJsonAsync($"/api/v1/oversight/queue/{Id(item, "id")}/findings/{finding}/follow-up", new { note = "Передано" }));
        await OkAsync(await inspector.PostAsJsonAsync($"/api/v1/oversight/queue/{Id(item, "id")}/close", new { conclusion = "violation", note = "Порушення" }));

        var report = await OkAsync(await inspector.GetAsync($"{Reports}?unit={DemoData.DetentionFacility1}&{Day}"));
        var row = Assert.Single(report.GetProperty("facilities").EnumerateArray());
        Assert.Equal(DemoData.DetentionFacility1, Id(row, "facilityId"));
        Assert.Equal(60, report.GetProperty("legalAidThresholdMinutes").GetInt32());
        Assert.Equal("2026-12-10", report.GetProperty("from").GetString());

        // Queued today, by the rules (how many depends on the rules; the report must count the same).
        var queued = (await OkAsync(await inspector.GetAsync($"/api/v1/oversight/queue?status=all&facilityId={DemoData.DetentionFacility1}&limit=1000")))
            .EnumerateArray().Count(i => i.GetProperty("queuedAt").GetDateTimeOffset() >= T0.AddHours(-10) && i.GetProperty("queuedAt").GetDateTimeOffset() < T0.AddHours(14));
        Assert.True(queued >= 5, $"only {queued} items queued");
        var expected = new Figures(Detentions: 3, Closed: 2, Median: 280, Max: 340, LegalAidWithin: 1, LegalAidDue: 3, Share: 0.333, ChecksMissed: 3,
            Injuries: 1, Complaints: 1, UseOfForce: 1, Corrections: 1, ItemsOpened: queued, ItemsClosed: 1, FindingsRecorded: 1, FindingsActedOn: 1);
        Assert.Equal(expected, Figures.Of(row));
        Assert.Equal(expected, Figures.Of(report.GetProperty("total")));

        // The region: the same facility (the only detention facility in Kyiv region), and the total.
        var region = await OkAsync(await inspector.GetAsync($"{Reports}?unit={DemoData.KyivRegion}&{Day}"));
        Assert.Equal(expected, Figures.Of(Assert.Single(region.GetProperty("facilities").EnumerateArray())));
        Assert.Equal(expected, Figures.Of(region.GetProperty("total")));

        // The day before holds none of it.
        var before = await OkAsync(await inspector.GetAsync($"{Reports}?unit={DemoData.KyivRegion}&from=2026-12-09&to=2026-12-09"));
        Assert.Equal(0, before.GetProperty("total").GetProperty("detentions").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("total").GetProperty("medianMinutesInCustody").ValueKind);

        // CSV: UTF-8 with a byte order mark, the header in the caller's language, the same figures.
        using var english = await factory.ClientAsAsync("rights.inspector", "en");
        var englishName = Assert.Single((await OkAsync(await english.GetAsync($"{Reports}?unit={DemoData.KyivRegion}&{Day}"))).GetProperty("facilities").EnumerateArray())
            .GetProperty("name").GetString();
        foreach (var (client, facilityHeader, facilityName, totalName) in new[]
                 { (inspector, "ІТТ", row.GetProperty("name").GetString(), "Усього"), (english, "Facility", englishName, "Total") })
        {
            var csvResponse = await client.GetAsync($"{Reports}/csv?unit={DemoData.KyivRegion}&{Day}");
            Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
            var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var rows = ReadCsv(bytes, out var headers);
            Assert.Equal(facilityHeader, headers[0]);
            Assert.Equal(17, headers.Count);
            Assert.Equal(2, rows.Count);
            Assert.Equal(totalName, rows[1][0]);
            Assert.Equal(facilityName, rows[0][0]);
            Assert.Equal(expected, Figures.Of(rows[0]));
            Assert.Equal(expected, Figures.Of(rows[1]));
        }

        // The chart: a PNG of the stated size, drawn with text (not an empty frame).
        foreach (var client in new[] { inspector, english })
        {
            var chart = await client.GetAsync($"{Reports}/chart?unit={DemoData.KyivRegion}&{Day}");
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
            AssertPng(await chart.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_period_that_is_not_one_is_refused_with_the_rule_beside_its_field()
    {
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var unit = $"unit={DemoData.KyivRegion}";
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&to=2026-12-10", "from", "required");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=2026-12-10", "to", "required");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=10.12.2026&to=2026-12-10", "from", "oversight.report-date");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=2026-02-30&to=2026-03-01", "from", "oversight.report-date");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=1999-12-31&to=2000-01-01", "from", "oversight.report-date");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=2026-12-10&to=2026-12-09", "to", "oversight.period-order");
        await AssertRuleAsync(inspector, $"{Reports}?{unit}&from=2025-01-01&to=2026-01-02", "to", "oversight.period-too-long");
        await AssertRuleAsync(inspector, $"{Reports}?from=2026-12-01&to=2026-12-10", "unit", "required");
        await AssertRuleAsync(inspector, $"{Reports}/csv?{unit}&from=2026-12-10&to=2026-12-01", "to", "oversight.period-order");
        await AssertRuleAsync(inspector, $"{Reports}/chart?{unit}&from=x&to=2026-12-01", "from", "oversight.report-date");

        // 366 days (a leap year) is the longest period.
        await OkAsync(await inspector.GetAsync($"{Reports}?{unit}&from=2024-01-01&to=2024-12-31"));
    }

    [Fact]
    public async Task The_wrong_role_is_refused_and_a_unit_outside_the_callers_scope_does_not_exist()
    {
        var query = $"unit={DemoData.KyivRegion}&from=2026-12-01&to=2026-12-10";
        foreach (var user in new[] { "dispatcher", "custody.officer", "external.monitor" })
        {
            using var client = await factory.ClientAsAsync(user);
            await Problem.AssertAsync(await client.GetAsync($"{Reports}?{query}"), HttpStatusCode.Forbidden);
            await Problem.AssertAsync(await client.GetAsync($"{Reports}/csv?{query}"), HttpStatusCode.Forbidden);
            await Problem.AssertAsync(await client.GetAsync($"{Reports}/chart?{query}"), HttpStatusCode.Forbidden);
        }

        using var inspector = await factory.ClientAsAsync("rights.inspector");
        foreach (var unit in new[] { DemoData.LvivRegion, DemoData.LvivFacility, DemoData.Country, Guid.NewGuid(), DemoData.ShevchenkivskyiCourt })
        {
            await Problem.AssertAsync(await inspector.GetAsync($"{Reports}?unit={unit}&from=2026-12-01&to=2026-12-10"), HttpStatusCode.NotFound);
        }

        await Problem.AssertAsync(await inspector.GetAsync($"{Reports}?unit=not-a-unit&from=2026-12-01&to=2026-12-10"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await inspector.GetAsync($"{Reports}/csv?unit={DemoData.LvivRegion}&from=2026-12-01&to=2026-12-10"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await inspector.GetAsync($"{Reports}/chart?unit={DemoData.LvivRegion}&from=2026-12-01&to=2026-12-10"), HttpStatusCode.NotFound);

        // Lviv's inspector: Kyiv does not exist; their own region has their facility only.
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"{Reports}?{query}"), HttpStatusCode.NotFound);
            var own = await OkAsync(await lviv.GetAsync($"{Reports}?unit={DemoData.LvivRegion}&from=2026-12-01&to=2026-12-10"));
            Assert.Equal([DemoData.LvivFacility], own.GetProperty("facilities").EnumerateArray().Select(f => Id(f, "facilityId")));
        }

        // A facility's head reads their facility's report, not their region's.
        var (_, head) = await factory.CreateUserClientAsync(Roles.UnitHead, DemoData.DetentionFacility1);
        using (head)
        {
            await OkAsync(await head.GetAsync($"{Reports}?unit={DemoData.DetentionFacility1}&from=2026-12-01&to=2026-12-10"));
            await Problem.AssertAsync(await head.GetAsync($"{Reports}?{query}"), HttpStatusCode.NotFound);
        }
    }

    /// <summary>The figures compared at once, from a JSON row or a CSV row.</summary>
    private sealed record Figures(int Detentions, int Closed, double? Median, int? Max, int LegalAidWithin, int LegalAidDue, double? Share, int ChecksMissed,
        int Injuries, int Complaints, int UseOfForce, int Corrections, int ItemsOpened, int ItemsClosed, int FindingsRecorded, int FindingsActedOn)
    {
        public static Figures Of(JsonElement r) => new(
            Int(r, "detentions"), Int(r, "closed"), Number(r, "medianMinutesInCustody"), (int?)Number(r, "maxMinutesInCustody"), Int(r, "legalAidWithinThreshold"),
            Int(r, "legalAidNotifiedOrDue"), Number(r, "legalAidShare"), Int(r, "checksMissed"), Int(r, "injuriesOnArrival"), Int(r, "complaints"),
            Int(r, "useOfForce"), Int(r, "corrections"), Int(r, "itemsOpened"), Int(r, "itemsClosed"), Int(r, "findingsRecorded"), Int(r, "findingsActedOn"));

        public static Figures Of(IReadOnlyList<string> f) => new(
            int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), Parse(f[3]), (int?)Parse(f[4]),
            int.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture), Parse(f[7]), int.Parse(f[8], CultureInfo.InvariantCulture),
            int.Parse(f[9], CultureInfo.InvariantCulture), int.Parse(f[10], CultureInfo.InvariantCulture), int.Parse(f[11], CultureInfo.InvariantCulture),
            int.Parse(f[12], CultureInfo.InvariantCulture), int.Parse(f[13], CultureInfo.InvariantCulture), int.Parse(f[14], CultureInfo.InvariantCulture),
            int.Parse(f[15], CultureInfo.InvariantCulture), int.Parse(f[16], CultureInfo.InvariantCulture));

        private static int Int(JsonElement r, string name) => r.GetProperty(name).GetInt32();

        private static double? Number(JsonElement r, string name) => r.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

        private static double? Parse(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
    }

    private static List<List<string>> ReadCsv(byte[] bytes, out List<string> headers)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
        }

        headers = csv.Headers.ToList();
        return rows;
    }

    /// <summary>The PNG signature, the header's width and height, and more than a blank image's bytes.</summary>
    private static void AssertPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(500, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 8000, $"a PNG of only {png.Length} bytes");
    }

    private static async Task AssertRuleAsync(HttpClient client, string url, string field, string rule)
    {
        var problem = await Problem.AssertAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Equal(rule, problem.GetProperty("rules").GetProperty(field)[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    private async Task<Guid> BookInAsync(HttpClient officer, string stem) =>
        Id(await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, stem + Guid.NewGuid().ToString("N")[..5]))), "id");

    private static async Task<JsonElement> PostEntryAsync(HttpClient officer, Guid record, Dictionary<string, object?> body) =>
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries", body));

    private async Task ReleaseAsync(HttpClient officer, Guid record) =>
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/release", new Dictionary<string, object?>
        {
            ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["grounds"] = "no-grounds", ["propertyReturned"] = true,
        }));

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

    /// <summary>Waits (bounded) until the background rules have queued the record's item under the rule.</summary>
    private static async Task<JsonElement> WaitForItemAsync(HttpClient inspector, string rule, Guid record)
    {
        for (var i = 0; i < 200; i++)
        {
            var items = (await OkAsync(await inspector.GetAsync($"/api/v1/oversight/queue?rule={rule}"))).EnumerateArray().Where(x => Id(x, "recordId") == record).ToList();
            if (items.Count == 1)
            {
                return items[0];
            }

            await Task.Delay(50);
        }

        Assert.Fail($"the rules queued no {rule} item for {record}");
        return default;
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
