using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Alerts;
using Varta.Custody.Board;
using Varta.Custody.Cells;
using Varta.Custody.ListFacilities;
using Varta.Custody.Records;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// The custody API as a test uses it: booking-in bodies, entries, cells, users, and moving the clock so that
/// the background alert scan sees the new time. Times are sent as Kyiv local time with its offset, as a
/// front end would.
/// </summary>
internal sealed class CustodyApi(VartaFactory factory)
{
    public const string Base = "/api/v1/custody";
    public const string Officer = "custody.officer";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int _names;

    public DateTimeOffset Now => factory.Clock.GetUtcNow();

    /// <summary>A new client each time: tokens live an hour and tests move the clock by more.</summary>
    public Task<HttpClient> AsAsync(string username = Officer) => factory.ClientAsAsync(username, "en");

    public static string At(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A surname no other test uses, so that searches and duplicate warnings see only this test's people.</summary>
    public static string UniqueSurname(string stem = "Тестовенко")
    {
        const string letters = "абвгдежзиклмнопрстуфхцчшщюя";
        var n = Interlocked.Increment(ref _names) * 7919 + Environment.ProcessId;
        var suffix = new char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = letters[n % letters.Length];
            n /= letters.Length;
        }

        return $"{stem}-{char.ToUpperInvariant(suffix[0])}{new string(suffix, 1, 4)}";
    }

    /// <summary>A valid booking-in body: detained <paramref name="detainedAgo"/> ago, arrived <paramref name="arrivedAgo"/> ago.</summary>
    public Dictionary<string, object?> BookIn(
        TimeSpan? detainedAgo = null,
        TimeSpan? arrivedAgo = null,
        string? surname = null,
        string givenName = "Петро",
        string sex = "male",
        string? dateOfBirth = "1990-05-17",
        string legalBasis = "cpc-208",
        string? proceedingsNumber = null,
        Guid? facilityId = null) => new()
    {
        ["facilityId"] = facilityId ?? DemoData.DetentionFacility1,
        ["person"] = new Dictionary<string, object?>
        {
            ["surname"] = surname ?? UniqueSurname(),
            ["givenName"] = givenName,
            ["patronymic"] = "Іванович",
            ["dateOfBirth"] = dateOfBirth,
            ["sex"] = sex,
            ["citizenship"] = "Україна",
            ["preferredLanguage"] = "українська",
            ["interpreterNeeded"] = false,
        },
        ["legalBasis"] = legalBasis,
        ["detainedAt"] = At(Now - (detainedAgo ?? TimeSpan.FromMinutes(40))),
        ["detentionPlace"] = "м. Київ, вул. Вигадана, 7",
        ["arrivedAt"] = At(Now - (arrivedAgo ?? TimeSpan.FromMinutes(30))),
        ["detainingOfficer"] = "ст. лейтенант Вигаданий В. В.",
        ["proceedingsNumber"] = proceedingsNumber,
    };

    public static Dictionary<string, object?> Person(Dictionary<string, object?> bookIn) => (Dictionary<string, object?>)bookIn["person"]!;

    /// <summary>Books in and answers the created record (asserting 201).</summary>
    public async Task<RecordDto> BookInAsync(Dictionary<string, object?>? body = null, HttpClient? client = null)
    {
        using var own = client is null ? await AsAsync() : null;
        var response = await (client ?? own!).PostAsJsonAsync($"{Base}/records", body ?? BookIn());
        return await CreatedAsync<RecordDto>(response);
    }

    public static Dictionary<string, object?> Entry(string type, DateTimeOffset occurredAt, object? fields = null)
    {
        var body = new Dictionary<string, object?> { ["type"] = type, ["occurredAt"] = At(occurredAt) };
        if (fields is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToElement(fields, Json).EnumerateObject().Select(p => (p.Name, p.Value)))
            {
                body[name] = value;
            }
        }

        return body;
    }

    public static Task<HttpResponseMessage> AppendAsync(HttpClient client, Guid recordId, object body) =>
        client.PostAsJsonAsync($"{Base}/records/{recordId}/entries", body);

    /// <summary>Appends and answers the stored entry (asserting 201).</summary>
    public static async Task<EntryDto> AppendOkAsync(HttpClient client, Guid recordId, object body) =>
        await CreatedAsync<EntryDto>(await AppendAsync(client, recordId, body));

    public static async Task<RecordDto> RecordAsync(HttpClient client, Guid recordId)
    {
        var response = await client.GetAsync($"{Base}/records/{recordId}");
        return await OkAsync<RecordDto>(response);
    }

    public static async Task<BoardDto> BoardAsync(HttpClient client, Guid? facilityId = null) =>
        await OkAsync<BoardDto>(await client.GetAsync($"{Base}/board?facilityId={facilityId ?? DemoData.DetentionFacility1}"));

    public static async Task<List<AlertDto>> AlertsAsync(HttpClient client, Guid? facilityId = null) =>
        await OkAsync<List<AlertDto>>(await client.GetAsync($"{Base}/alerts?facilityId={facilityId ?? DemoData.DetentionFacility1}"));

    public static async Task<CellDto> CellAsync(HttpClient client, Guid cellId) =>
        (await OkAsync<List<FacilityDto>>(await client.GetAsync($"{Base}/facilities"))).SelectMany(f => f.Cells).Single(c => c.Id == cellId);

    /// <summary>An administrator adds a cell to ІТТ №1 (or another facility) and answers it.</summary>
    public async Task<CellDto> NewCellAsync(int capacity, decimal floorArea, bool inService = true, Guid? facilityId = null)
    {
        using var admin = await AsAsync("admin");
        var number = "T" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync($"{Base}/facilities/{facilityId ?? DemoData.DetentionFacility1}/cells",
            new { number, capacity, floorArea, hasWindow = true, hasVentilation = true, hasToilet = true, hasCallButton = true, inService });
        return await CreatedAsync<CellDto>(response);
    }

    public static Dictionary<string, object?> Placement(DateTimeOffset at, Guid cellId, string? overrideReason = null) =>
        Entry("cell-placement", at, overrideReason is null ? new { cellId } : new { cellId, overrideReason });

    /// <summary>A user created through the admin API, like an administrator would (custody officers need no second factor).</summary>
    public Task<string> CreateUserAsync(string role, Guid scopeId) => CreateUserAsync([(role, scopeId)]);

    /// <summary>A user holding several roles, each over its scope (a unit head who is also a custody officer).</summary>
    public async Task<string> CreateUserAsync((string Role, Guid ScopeId)[] assignments)
    {
        using var admin = await AsAsync("admin");
        var username = "user." + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Тестовий Черговий", password = DemoData.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles",
            new { assignments = assignments.Select(a => new { role = a.Role, scopeId = a.ScopeId }).ToArray(), reason = "test" });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        return username;
    }

    /// <summary>
    /// Moves the clock and waits until the background alert service has scanned at the new time. A scan
    /// already running when the clock moved may have read the old time, so this waits for one that started
    /// after; each wait moves the clock one more minute to tick the scan timer.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        factory.Clock.Advance(by);
        var service = factory.Services.GetRequiredService<AlertService>();
        for (var i = 0; i < 2; i++)
        {
            var scanned = service.NextScanAsync();
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await scanned.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts a 400 validation problem whose <c>rules</c> extension names the rule for the field.</summary>
    public static async Task<JsonElement> InvalidAsync(HttpResponseMessage response, string field, string rule)
    {
        var body = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("rules", out var rules), "No rules extension: " + body);
        Assert.True(rules.TryGetProperty(field, out var broken), $"No rule for {field}: {rules}");
        Assert.Contains(rule, broken.EnumerateArray().Select(r => r.GetString()));
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0);
        return body;
    }

    /// <summary>Asserts a 409 problem whose detail names the rule.</summary>
    public static async Task ConflictAsync(HttpResponseMessage response, string ruleInDetail)
    {
        var body = await Problem.AssertAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(ruleInDetail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
