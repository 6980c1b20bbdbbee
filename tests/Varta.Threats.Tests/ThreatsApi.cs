using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Threats.Tests;

/// <summary>Request bodies and small steps of the threats API that the test classes share.</summary>
internal static class ThreatsApi
{
    public const string Api = "/api/v1/threats";

    public static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A valid report of a letter to the judge themselves, an hour ago, naming a source when one is given.</summary>
    public static Dictionary<string, object?> Report(VartaFactory factory, string description, string? source = null, Guid? onBehalfOf = null) => new()
    {
        ["courtId"] = DemoData.ShevchenkivskyiCourt,
        ["occurredAt"] = At(factory.Clock.GetUtcNow().AddHours(-1)),
        ["channel"] = "letter",
        ["target"] = "self",
        ["description"] = description,
        ["sourceKnown"] = source is not null,
        ["sourceName"] = source,
        ["courtCaseNumber"] = "761/1234/26",
        ["onBehalfOf"] = onBehalfOf,
    };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Guid Id(JsonElement body) => body.GetProperty("id").GetGuid();

    /// <summary>Files a JSON report as the client's user; its id.</summary>
    public static async Task<Guid> FileAsync(HttpClient client, Dictionary<string, object?> report) =>
        Id(await OkAsync(await client.PostAsJsonAsync($"{Api}/reports", report)));

    /// <summary>Triages a report into a new case or an existing one; the case's line.</summary>
    public static async Task<JsonElement> TriageAsync(HttpClient analyst, Guid report, string priority = "expedited", Guid? caseId = null, string tier = "threat") =>
        await OkAsync(await analyst.PostAsJsonAsync($"{Api}/reports/{report}/triage", new { tier, priority = caseId is null ? priority : null, caseId }));

    /// <summary>A report filed by the demo judge and triaged by the demo analyst into a new case; the case's id.</summary>
    public static async Task<Guid> CaseAsync(VartaFactory factory, string description, string priority = "expedited")
    {
        using var judge = await factory.ClientAsAsync("judge");
        using var analyst = await factory.ClientAsAsync("threat.analyst");
        var report = await FileAsync(judge, Report(factory, description));
        return Id(await TriageAsync(analyst, report, priority));
    }

    public static object Assessment(string level, string stage = "ideation") => new
    {
        stage, behaviours = new[] { "fixation", "direct-threat" }, history = "Раніше погрожував у соцмережах", protectiveFactors = "Постійна робота",
        riskLevel = level, reasons = "Лист із прямою погрозою та знанням домашньої адреси",
    };

    public static async Task<JsonElement> CaseAsync(HttpClient reader, Guid id) => await OkAsync(await reader.GetAsync($"{Api}/cases/{id}"));

    /// <summary>Moves the test clock in steps of at most two hours (each periodic timer of the host fires once per period skipped).</summary>
    public static void Advance(VartaFactory factory, TimeSpan by)
    {
        var step = TimeSpan.FromHours(2);
        while (by > TimeSpan.Zero)
        {
            var now = by < step ? by : step;
            factory.Clock.Advance(now);
            by -= now;
        }
    }

    /// <summary>The user id of a demo user, from the admin API.</summary>
    public static async Task<Guid> UserIdAsync(VartaFactory factory, string username)
    {
        using var admin = await factory.ClientAsAsync("admin");
        var users = await OkAsync(await admin.GetAsync("/api/v1/admin/users"));
        return users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
    }
}
