using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;
using static Varta.Threats.Tests.ThreatsApi;

namespace Varta.Threats.Tests;

/// <summary>
/// The host with a small attachment limit, so that a file over it is cheap to send, and an API body limit below it, as
/// in production (1 MB for the API, 10 MB for a file): reports with files must take what their own limit allows.
/// </summary>
public sealed class SmallAttachmentsFactory : VartaFactory
{
    public const int Limit = 4096;

    public SmallAttachmentsFactory()
    {
        Settings["Threats:MaxAttachmentBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Api:MaxBodyBytes"] = "2048";
    }
}

/// <summary>
/// Issue 14, intake: a judge reports in a few minutes, with attachments checked by their content (415), limited in size
/// (413), stored with their SHA-256 and only ever served as a download; a security officer files for a judge; the
/// report is the reporter's, and nobody else's outside the analysts of the court. Nothing is half-stored.
/// </summary>
public sealed class IntakeTests(SmallAttachmentsFactory factory) : IClassFixture<SmallAttachmentsFactory>
{
    private static readonly byte[] Png =
    [
        0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
        0x90, 0x77, 0x53, 0xDE,
    ];

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] Text = Encoding.UTF8.GetBytes("Ти пошкодуєш про своє рішення.\nЯ знаю, де ти живеш.\n");

    [Fact]
    public async Task A_report_with_missing_fields_names_them_and_stores_nothing()
    {
        using var judge = await factory.ClientAsAsync("judge");
        var before = (await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).GetArrayLength();

        var bad = await Problem.AssertAsync(await judge.PostAsJsonAsync($"{Api}/reports", new { channel = "pigeon", target = "family" }), HttpStatusCode.BadRequest);
        var rules = bad.GetProperty("rules");
        foreach (var field in new[] { "courtId", "occurredAt", "description", "channel", "targetName" })
        {
            Assert.True(rules.TryGetProperty(field, out _), $"no rule for {field}: {rules}");
        }

        Assert.Equal("required", rules.GetProperty("description")[0].GetString());
        Assert.Equal("one-of", rules.GetProperty("channel")[0].GetString());

        // Known source but nothing said about it.
        var unnamed = Report(factory, "Дзвінок");
        unnamed["sourceKnown"] = true;
        var noSource = await Problem.AssertAsync(await judge.PostAsJsonAsync($"{Api}/reports", unnamed), HttpStatusCode.BadRequest);
        Assert.True(noSource.GetProperty("rules").TryGetProperty("sourceName", out _));

        // Not JSON at all, and not a body type the endpoint reads: problems, not errors.
        using var garbage = new StringContent("{\"courtId\": ", Encoding.UTF8, "application/json");
        await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", garbage), HttpStatusCode.BadRequest);
        using var plain = new StringContent("погроза", Encoding.UTF8, "text/plain");
        await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", plain), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, (await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).GetArrayLength());
    }

    [Fact]
    public async Task Attachments_are_stored_with_their_hash_and_served_only_as_downloads()
    {
        using var judge = await factory.ClientAsAsync("judge");
        Assert.Contains((await OkAsync(await judge.GetAsync($"{Api}/courts"))).EnumerateArray(), c => Id(c) == DemoData.ShevchenkivskyiCourt);

        using var form = Multipart(Report(factory, "Лист з погрозою та фото під дверима"),
            ("photo.png", "image/png", Png), ("letter.pdf", "application/pdf", Pdf), ("../../notes.txt", "text/plain", Text));
        var report = await OkAsync(await judge.PostAsync($"{Api}/reports", form));
        Assert.Equal("submitted", report.GetProperty("status").GetString());
        var attachments = report.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(3, attachments.Count);

        foreach (var (name, type, content) in new[] { ("photo.png", "image/png", Png), ("letter.pdf", "application/pdf", Pdf), ("notes.txt", "text/plain", Text) })
        {
            var a = attachments.Single(x => x.GetProperty("fileName").GetString() == name);
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            Assert.Equal(sha, a.GetProperty("sha256").GetString());
            Assert.Equal(type, a.GetProperty("contentType").GetString());
            Assert.Equal(content.Length, a.GetProperty("length").GetInt64());

            using var response = await judge.GetAsync($"{Api}/attachments/{Id(a)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.StartsWith("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal(sha, Assert.Single(response.Headers.GetValues("X-Content-SHA256")));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(content, bytes);
        }

        // The report reads back the same to its reporter.
        var again = await OkAsync(await judge.GetAsync($"{Api}/reports/{Id(report)}"));
        Assert.Equal(3, again.GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task A_disallowed_type_is_415_and_a_file_over_the_limit_413_and_neither_stores_anything()
    {
        using var judge = await factory.ClientAsAsync("judge");
        var before = (await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).GetArrayLength();

        // HTML is refused whatever it claims to be, even beside a good file.
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
        using (var form = Multipart(Report(factory, "HTML у вкладенні"), ("photo.png", "image/png", Png), ("letter.txt", "text/plain", html)))
        {
            await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", form), HttpStatusCode.UnsupportedMediaType);
        }

        var svg = Encoding.UTF8.GetBytes("  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        using (var form = Multipart(Report(factory, "SVG у вкладенні"), ("image.png", "image/png", svg)))
        {
            await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", form), HttpStatusCode.UnsupportedMediaType);
        }

        var exe = new byte[] { (byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00 };
        using (var form = Multipart(Report(factory, "Програма у вкладенні"), ("setup.pdf", "application/pdf", exe)))
        {
            await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", form), HttpStatusCode.UnsupportedMediaType);
        }

        // One byte over the limit.
        var big = new byte[SmallAttachmentsFactory.Limit + 1];
        Text.CopyTo(big, 0);
        Array.Fill(big, (byte)'a', Text.Length, big.Length - Text.Length);
        using (var form = Multipart(Report(factory, "Завеликий файл"), ("photo.png", "image/png", Png), ("long.txt", "text/plain", big)))
        {
            await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", form), HttpStatusCode.RequestEntityTooLarge);
        }

        // Too many files.
        var six = Enumerable.Range(0, 6).Select(i => ($"p{i}.png", "image/png", Png)).ToArray();
        using (var form = Multipart(Report(factory, "Забагато файлів"), six))
        {
            await Problem.AssertAsync(await judge.PostAsync($"{Api}/reports", form), HttpStatusCode.RequestEntityTooLarge);
        }

        // A file at the limit is fine, though larger than the API's body limit.
        var exact = big[..SmallAttachmentsFactory.Limit];
        using (var form = Multipart(Report(factory, "Файл на межі"), ("exact.txt", "text/plain", exact)))
        {
            await OkAsync(await judge.PostAsync($"{Api}/reports", form));
        }

        var mine = (await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).EnumerateArray().ToList();
        Assert.Equal(before + 1, mine.Count);
        Assert.DoesNotContain(mine, r => r.GetProperty("description").GetString() is "HTML у вкладенні" or "SVG у вкладенні" or "Програма у вкладенні"
            or "Завеликий файл" or "Забагато файлів");
    }

    [Fact]
    public async Task A_security_officer_files_for_a_judge_and_the_report_is_the_judges_alone()
    {
        using var officer = await factory.ClientAsAsync("security.officer");
        var candidates = (await OkAsync(await officer.GetAsync($"{Api}/courts/{DemoData.ShevchenkivskyiCourt}/people"))).EnumerateArray().ToList();
        var judgeId = candidates.Single(p => p.GetProperty("displayName").GetString() == "Демо Суддя").GetProperty("userId").GetGuid();

        var description = "Погроза на вході до суду, записана охороною " + Guid.NewGuid().ToString("N")[..6];
        var filed = await OkAsync(await officer.PostAsJsonAsync($"{Api}/reports", Report(factory, description, onBehalfOf: judgeId)));
        var id = Id(filed);
        Assert.Equal(judgeId, filed.GetProperty("reporterUserId").GetGuid());
        Assert.Equal("Демо Суддя", filed.GetProperty("reporterName").GetString());
        Assert.Equal("Демо Співробітник охорони", filed.GetProperty("filedByName").GetString());

        using var judge = await factory.ClientAsAsync("judge");
        Assert.Contains((await OkAsync(await judge.GetAsync($"{Api}/reports/mine"))).EnumerateArray(), r => Id(r) == id);
        Assert.Equal(description, (await OkAsync(await judge.GetAsync($"{Api}/reports/{id}"))).GetProperty("description").GetString());

        // The court's analyst reads it; a judge may not file for someone else, a custody officer may not file at all.
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        await OkAsync(await analyst.GetAsync($"{Api}/reports/{id}"));
        await Problem.AssertAsync(await judge.PostAsJsonAsync($"{Api}/reports", Report(factory, "За колегу", onBehalfOf: Guid.NewGuid())), HttpStatusCode.Forbidden);
        using var custody = await factory.ClientAsAsync("custody.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await custody.PostAsJsonAsync($"{Api}/reports", Report(factory, "Не мій суд"))).StatusCode);

        // Someone who does not work at the court cannot be filed for.
        var notHere = await Problem.AssertAsync(await officer.PostAsJsonAsync($"{Api}/reports", Report(factory, "Не з цього суду", onBehalfOf: Guid.NewGuid())),
            HttpStatusCode.BadRequest);
        Assert.True(notHere.GetProperty("rules").TryGetProperty("onBehalfOf", out _));

        // Another judge of the same court, and an analyst of another region: not found, nor its list.
        var (_, otherJudge) = await factory.CreateUserClientAsync("judge", DemoData.ShevchenkivskyiCourt);
        using (otherJudge)
        {
            await Problem.AssertAsync(await otherJudge.GetAsync($"{Api}/reports/{id}"), HttpStatusCode.NotFound);
            Assert.DoesNotContain((await OkAsync(await otherJudge.GetAsync($"{Api}/reports/mine"))).EnumerateArray(), r => Id(r) == id);
        }

        var (_, lviv) = await factory.CreateUserClientAsync("threat-analyst", DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"{Api}/reports/{id}"), HttpStatusCode.NotFound);
            Assert.DoesNotContain((await OkAsync(await lviv.GetAsync($"{Api}/triage"))).EnumerateArray(), l => Id(l.GetProperty("report")) == id);
            await Problem.AssertAsync(await lviv.PostAsJsonAsync($"{Api}/reports/{id}/triage", new { tier = "threat", priority = "standard" }), HttpStatusCode.NotFound);
            await Problem.AssertAsync(await lviv.GetAsync($"{Api}/courts/{DemoData.ShevchenkivskyiCourt}/people"), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task An_attachment_is_not_served_to_anyone_who_may_not_read_its_report()
    {
        using var judge = await factory.ClientAsAsync("judge");
        using var form = Multipart(Report(factory, "Фото автомобіля біля дому"), ("car.png", "image/png", Png));
        var report = await OkAsync(await judge.PostAsync($"{Api}/reports", form));
        var attachment = Id(report.GetProperty("attachments")[0]);

        var (_, otherJudge) = await factory.CreateUserClientAsync("judge", DemoData.ShevchenkivskyiCourt);
        using (otherJudge)
        {
            await Problem.AssertAsync(await otherJudge.GetAsync($"{Api}/attachments/{attachment}"), HttpStatusCode.NotFound);
        }

        var (_, lviv) = await factory.CreateUserClientAsync("threat-analyst", DemoData.LvivRegion);
        using (lviv)
        {
            await Problem.AssertAsync(await lviv.GetAsync($"{Api}/attachments/{attachment}"), HttpStatusCode.NotFound);
        }

        await Problem.AssertAsync(await judge.GetAsync($"{Api}/attachments/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        Assert.Equal(Png, await (await analyst.GetAsync($"{Api}/attachments/{attachment}")).Content.ReadAsByteArrayAsync());
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, object?> report, params (string Name, string Type, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(report), Encoding.UTF8, "application/json"), "report" } };
        foreach (var (name, type, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }

        return form;
    }
}
