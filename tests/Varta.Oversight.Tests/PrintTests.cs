using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Varta.Oversight.Queue;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Issue 13, the printable record and the data-subject export: the PDF's text is read back (the person in Cyrillic, the
/// entries in time order, a correction under what it corrects, the audit anchor), who may print and export, and what an
/// export holds and leaves out.
/// </summary>
public sealed class PrintTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Records = "/api/v1/custody/records";

    [Fact]
    public async Task The_printed_record_shows_the_person_the_timeline_in_order_each_correction_under_its_original_and_the_audit_anchor()
    {
        var surname = "Ґонтаренко" + Suffix();
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await OkAsync(await officer.PostAsJsonAsync(Records, CustodyBodies.BookIn(factory, surname)));
        var record = Id(booked);
        var number = booked.GetProperty("number").GetString()!;
        var now = factory.Clock.GetUtcNow();
        var first = Id(await OkAsync(await officer.PostAsJsonAsync($"{Records}/{record}/entries", Note(now.AddMinutes(-20), "Перша примітка про їжу"))));
        await OkAsync(await officer.PostAsJsonAsync($"{Records}/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "welfare-check", ["occurredAt"] = At(now.AddMinutes(-10)), ["condition"] = "awake-well",
        }));
        await OkAsync(await officer.PostAsJsonAsync($"{Records}/{record}/entries", Note(now.AddMinutes(-5), "Остання примітка дня")));
        // The correction is made last, yet prints under the entry it corrects.
        await OkAsync(await officer.PostAsJsonAsync($"{Records}/{record}/entries/{first}/corrections",
            new { reason = "Описка у тексті примітки", text = "Виправлена примітка про їжу" }));

        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var checkpoint = await OkAsync(await inspector.GetAsync("/api/v1/audit/checkpoint")); // stores a signed tree head
        var response = await inspector.GetAsync($"/api/v1/oversight/records/{record}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Save("record.pdf", pdf);

        var text = Text(pdf);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains($"{surname} Петро Іванович", text, StringComparison.Ordinal);
        Assert.Contains("17.05.1990", text, StringComparison.Ordinal);
        Assert.Contains("Хронологія", text, StringComparison.Ordinal);

        // Time order: the first note, its correction (reason and new text), then the welfare check, then the last note.
        var original = text.IndexOf("Перша примітка про їжу", StringComparison.Ordinal);
        var correction = text.IndexOf("виправлення #1", StringComparison.Ordinal);
        var reason = text.IndexOf("Описка у тексті примітки", StringComparison.Ordinal);
        var corrected = text.IndexOf("Виправлена примітка про їжу", StringComparison.Ordinal);
        var check = text.IndexOf("Перевірка стану", StringComparison.Ordinal);
        var last = text.IndexOf("Остання примітка дня", StringComparison.Ordinal);
        Assert.True(original >= 0 && correction > original && reason > correction && corrected > reason && check > corrected && last > check,
            $"order: original {original}, correction {correction}, reason {reason}, corrected {corrected}, check {check}, last {last}\n{text}");

        // The anchor: the print's own audit entry (the newest about the record) and the signed checkpoint.
        using var admin = await factory.ClientAsAsync("admin");
        var latest = (await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?limit=1&resourceId={record}"))).GetProperty("items")[0];
        Assert.Equal("oversight.record.printed", latest.GetProperty("action").GetString());
        var flat = text.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("Прив'язка до журналу аудиту", text, StringComparison.Ordinal);
        Assert.Contains(latest.GetProperty("hash").GetString()!, flat, StringComparison.Ordinal);
        Assert.Contains($"#{latest.GetProperty("seq").GetInt64()}", text, StringComparison.Ordinal);
        Assert.Contains(checkpoint.GetProperty("rootHash").GetString()!, flat, StringComparison.Ordinal);
        Assert.Contains(checkpoint.GetProperty("signature").GetString()!, flat, StringComparison.Ordinal);
        Assert.Contains("стор. 1 /", text, StringComparison.Ordinal);

        // The font travels with the file: every letter is set in the embedded DejaVu Sans subset.
        using (var document = PdfDocument.Open(pdf))
        {
            var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
            Assert.NotEmpty(fonts);
            Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans", f)); // "ABCDEF+": a subset embedded in the file
        }

        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monitor_may_not_print_another_region_finds_nothing_and_the_facility_officer_may_print()
    {
        var record = Id(await BookInAsync(await factory.ClientAsAsync("custody.officer")));
        using var monitor = await factory.ClientAsAsync("external.monitor");
        await Problem.AssertAsync(await monitor.GetAsync($"/api/v1/oversight/records/{record}/pdf"), HttpStatusCode.Forbidden);
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"/api/v1/oversight/records/{record}/pdf"), HttpStatusCode.NotFound);
        }

        using var inspector = await factory.ClientAsAsync("rights.inspector");
        await Problem.AssertAsync(await inspector.GetAsync($"/api/v1/oversight/records/{Guid.NewGuid()}/pdf"), HttpStatusCode.NotFound);
        using var officer = await factory.ClientAsAsync("custody.officer");
        var response = await officer.GetAsync($"/api/v1/oversight/records/{record}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subject_export_holds_the_records_in_scope_the_reviews_and_who_viewed_them_and_leaves_out_the_rest()
    {
        // The person was held in Lviv before (outside the Kyiv inspector's scope), then in Kyiv.
        var surname = "Їжакевич" + Suffix();
        var (_, lvivOfficer) = await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.LvivFacility);
        JsonElement lvivRecord;
        using (lvivOfficer)
        {
            var body = CustodyBodies.BookIn(factory, surname);
            body["facilityId"] = DemoData.LvivFacility;
            lvivRecord = await OkAsync(await lvivOfficer.PostAsJsonAsync(Records, body));
            await OkAsync(await lvivOfficer.PostAsJsonAsync($"{Records}/{Id(lvivRecord)}/release",
                new { occurredAt = At(factory.Clock.GetUtcNow()), grounds = "no-grounds", propertyReturned = true }));
        }

        var person = Id(lvivRecord.GetProperty("person"));
        factory.Clock.Advance(TimeSpan.FromHours(3));
        using var officer = await factory.ClientAsAsync("custody.officer");
        var kyivBody = CustodyBodies.BookIn(factory, surname);
        kyivBody["personId"] = person;
        var kyivRecord = await OkAsync(await officer.PostAsJsonAsync(Records, kyivBody));
        var record = Id(kyivRecord);
        await OkAsync(await officer.PostAsJsonAsync($"{Records}/{record}/entries", new Dictionary<string, object?>
        {
            ["type"] = "complaint", ["occurredAt"] = At(factory.Clock.GetUtcNow()), ["text"] = "Скарга на холод у камері",
        }));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<QueueScanner>().ScanAsync(CancellationToken.None));

        // Reads to be told of: the inspector opens the record and prints it.
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        await OkAsync(await inspector.GetAsync($"{Records}/{record}"));
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/oversight/records/{record}/pdf")).StatusCode);

        var response = await inspector.GetAsync($"/api/v1/oversight/people/{person}/export?format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(json).RootElement;
        Assert.Equal(surname, export.GetProperty("person").GetProperty("surname").GetString());
        var kept = Assert.Single(export.GetProperty("records").EnumerateArray());
        Assert.Equal(record, Id(kept));
        Assert.Contains(kept.GetProperty("entries").EnumerateArray(), e => e.GetProperty("type").GetString() == "complaint"
            && e.GetProperty("data").GetProperty("text").GetString() == "Скарга на холод у камері");
        Assert.Equal(1, export.GetProperty("recordsLeftOut").GetInt32());
        Assert.DoesNotContain(lvivRecord.GetProperty("number").GetString()!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(lvivRecord).ToString(), json, StringComparison.Ordinal);
        Assert.Contains(export.GetProperty("reviewItems").EnumerateArray(), i => i.GetProperty("rule").GetString() == "complaint");
        var views = export.GetProperty("views").EnumerateArray().ToList();
        var number = kyivRecord.GetProperty("number").GetString();
        Assert.Contains(views, v => v.GetProperty("action").GetString() == "custody.record.read" && v.GetProperty("recordNumber").GetString() == number
            && !string.IsNullOrEmpty(v.GetProperty("actorName").GetString()));
        Assert.Contains(views, v => v.GetProperty("action").GetString() == "oversight.record.printed");
        Assert.False(export.GetProperty("viewsTruncated").GetBoolean());

        // The same as PDF; the JSON export itself is now among the views.
        var pdf = await inspector.GetAsync($"/api/v1/oversight/people/{person}/export?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Save("subject-export.pdf", bytes);
        var text = Text(bytes);
        Assert.Contains($"{surname} Петро Іванович", text, StringComparison.Ordinal);
        Assert.Contains("Скарга на холод у камері", text, StringComparison.Ordinal);
        Assert.Contains("Хто переглядав дані і коли", text, StringComparison.Ordinal);
        Assert.Contains("вивантаження даних про особу", text, StringComparison.Ordinal);
        Assert.Contains("Ще записів поза вашими повноваженнями (не включено): 1", text, StringComparison.Ordinal);

        // Lviv's inspector sees only the Lviv record; the Kyiv one is counted, not shown.
        var (_, lvivInspector) = await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion);
        using (lvivInspector)
        {
            var theirs = JsonDocument.Parse(await (await lvivInspector.GetAsync($"/api/v1/oversight/people/{person}/export")).Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(Id(lvivRecord), Id(Assert.Single(theirs.GetProperty("records").EnumerateArray())));
            Assert.Equal(1, theirs.GetProperty("recordsLeftOut").GetInt32());
            Assert.DoesNotContain(theirs.GetProperty("views").EnumerateArray(), v => v.GetProperty("recordNumber").GetString() == number);
        }
    }

    [Fact]
    public async Task An_export_in_an_unknown_format_is_refused_and_an_unknown_person_or_the_wrong_role_gets_nothing()
    {
        var booked = await BookInAsync(await factory.ClientAsAsync("custody.officer"));
        var person = Id(booked.GetProperty("person"));
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        var refused = await Problem.AssertAsync(await inspector.GetAsync($"/api/v1/oversight/people/{person}/export?format=xml"), HttpStatusCode.BadRequest);
        Assert.Equal("one-of", refused.GetProperty("rules").GetProperty("format")[0].GetString());
        await Problem.AssertAsync(await inspector.GetAsync($"/api/v1/oversight/people/{Guid.NewGuid()}/export"), HttpStatusCode.NotFound);

        using var officer = await factory.ClientAsAsync("custody.officer");
        await Problem.AssertAsync(await officer.GetAsync($"/api/v1/oversight/people/{person}/export"), HttpStatusCode.Forbidden);
        using var monitor = await factory.ClientAsAsync("external.monitor");
        await Problem.AssertAsync(await monitor.GetAsync($"/api/v1/oversight/people/{person}/export?format=pdf"), HttpStatusCode.Forbidden);
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.RightsInspector, DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"/api/v1/oversight/people/{person}/export"), HttpStatusCode.NotFound);
        }

        // The refused requests left no export in the audit log.
        using var admin = await factory.ClientAsAsync("admin");
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?limit=50&resourceId={person}"));
        Assert.DoesNotContain(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "oversight.subject.exported");
    }

    private async Task<JsonElement> BookInAsync(HttpClient officer)
    {
        using (officer)
        {
            return await OkAsync(await officer.PostAsJsonAsync(Records, CustodyBodies.BookIn(factory, "Друкований" + Suffix())));
        }
    }

    private static Dictionary<string, object?> Note(DateTimeOffset at, string text) => new() { ["type"] = "note", ["occurredAt"] = At(at), ["text"] = text };

    /// <summary>A surname suffix in Cyrillic, so that each test's person is their own.</summary>
    private static string Suffix() => new(Guid.NewGuid().ToString("N")[..5].Select(c => "абвгдежзиклмнопр"[Convert.ToInt32(c.ToString(), 16)]).ToArray());

    /// <summary>The words of every page, in the order they were written.</summary>
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>Keeps the file for a person to look at (artifacts/ at the repository root).</summary>
    private static void Save(string name, byte[] content)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Varta.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is not null)
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "artifacts", name), content);
        }
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
