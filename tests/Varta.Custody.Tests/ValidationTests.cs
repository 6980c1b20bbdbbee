using System.Net;
using System.Net.Http.Json;
using System.Text;
using Varta.Custody.SearchRecords;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>Bad input answers 400 naming the field and the rule broken, and stores nothing.</summary>
public sealed class ValidationTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    /// <summary>Each case breaks one rule of a valid booking-in: (field, rule).</summary>
    private static readonly Dictionary<string, (Action<Dictionary<string, object?>, DateTimeOffset> Break, string Field, string Rule)> BookInCases = new()
    {
        ["detained in the future"] = ((b, now) => b["detainedAt"] = CustodyApi.At(now.AddMinutes(30)), "detainedAt", "not-in-future"),
        ["arrived before detention"] = ((b, now) => b["arrivedAt"] = CustodyApi.At(now.AddHours(-2)), "arrivedAt", "not-before-detention"),
        ["instant without offset"] = ((b, now) => b["detainedAt"] = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss"), "detainedAt", "instant-required"),
        ["other basis without detail"] = ((b, _) => b["legalBasis"] = "other", "legalBasisDetail", "required"),
        ["court order without proceedings"] = ((b, _) => b["legalBasis"] = "court-order", "proceedingsNumber", "required-for-court-order"),
        ["proceedings not 17 digits"] = ((b, _) => b["proceedingsNumber"] = "1202610000000012", "proceedingsNumber", "proceedings-format"),
        ["proceedings with letters"] = ((b, _) => b["proceedingsNumber"] = "1202610000000012A", "proceedingsNumber", "proceedings-format"),
        ["surname over 100"] = ((b, _) => CustodyApi.Person(b)["surname"] = new string('Ш', 101), "person.surname", "max-length"),
        ["unknown legal basis"] = ((b, _) => b["legalBasis"] = "because", "legalBasis", "one-of"),
        ["no sex"] = ((b, _) => CustodyApi.Person(b)["sex"] = null, "person.sex", "required"),
        ["under fourteen"] = ((b, now) => CustodyApi.Person(b)["dateOfBirth"] = now.AddYears(-13).ToString("yyyy-MM-dd"), "person.dateOfBirth", "too-young"),
        ["date of birth not a date"] = ((b, _) => CustodyApi.Person(b)["dateOfBirth"] = "17.05.1990", "person.dateOfBirth", "date-required"),
    };

    public static TheoryData<string> BookInCaseNames => new(BookInCases.Keys);

    [Theory]
    [MemberData(nameof(BookInCaseNames))]
    public async Task A_booking_in_breaking_a_rule_is_refused_naming_field_and_rule_and_nothing_is_stored(string name)
    {
        using var officer = await _api.AsAsync();
        var boardBefore = (await CustodyApi.BoardAsync(officer)).InCustody;
        var body = _api.BookIn(detainedAgo: TimeSpan.FromHours(1), arrivedAgo: TimeSpan.FromMinutes(30));
        var surname = (string)CustodyApi.Person(body)["surname"]!;
        var (breakIt, field, rule) = BookInCases[name];
        breakIt(body, _api.Now);

        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", body), field, rule);

        Assert.Equal(boardBefore, (await CustodyApi.BoardAsync(officer)).InCustody);
        Assert.Empty(await SearchAsync(officer, surname));
    }

    [Fact]
    public async Task The_same_booking_without_the_broken_rule_is_accepted()
    {
        // The control for the theory above: the valid body it starts from is stored and found.
        using var officer = await _api.AsAsync();
        var body = _api.BookIn(detainedAgo: TimeSpan.FromHours(1), arrivedAgo: TimeSpan.FromMinutes(30));
        var record = await _api.BookInAsync(body, officer);
        Assert.Contains(await SearchAsync(officer, (string)CustodyApi.Person(body)["surname"]!), h => h.RecordId == record.Id);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_and_stores_nothing()
    {
        using var officer = await _api.AsAsync();
        var before = (await CustodyApi.BoardAsync(officer)).InCustody;
        using var content = new StringContent("{\"facilityId\": \"" + Varta.Platform.Demo.DemoData.DetentionFacility1 + "\", \"person\": {", Encoding.UTF8, "application/json");
        var body = await Problem.AssertAsync(await officer.PostAsync($"{CustodyApi.Base}/records", content), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await CustodyApi.BoardAsync(officer)).InCustody);

        var record = await _api.BookInAsync(client: officer);
        using var entry = new StringContent("{\"type\": \"note\", \"text\": ", Encoding.UTF8, "application/json");
        await Problem.AssertAsync(await officer.PostAsync($"{CustodyApi.Base}/records/{record.Id}/entries", entry), HttpStatusCode.BadRequest);
        Assert.Single((await CustodyApi.RecordAsync(officer, record.Id)).Timeline);
    }

    [Fact]
    public async Task Entries_breaking_a_rule_are_refused_and_the_timeline_is_unchanged()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(1), arrivedAgo: TimeSpan.FromMinutes(30)), officer);
        var now = _api.Now;

        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Entry("teleport", now)), "type", "one-of");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Entry("booking-in", now)), "type", "one-of");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("note", now, new { text = "Просить води", colour = "red" })), "colour", "unknown-field");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("note", now.AddMinutes(10), new { text = "Ще не сталося" })), "occurredAt", "not-in-future");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("note", now.AddHours(-2), new { text = "До затримання" })), "occurredAt", "not-before-detention");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            new { type = "note", occurredAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss"), text = "Без зміщення" }), "occurredAt", "instant-required");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, new { type = "note", text = "Коли?" }), "occurredAt", "required");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Entry("note", now)), "text", "required");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("meal", now, new { kind = "dessert", outcome = "accepted" })), "kind", "one-of");
        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("medical-examination", now, new { examiner = "Лікар Вигаданий", injuriesFound = true, fitForDetention = true })),
            "injuriesDescription", "required-when-injuries");

        var stored = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Single(stored.Timeline);
        Assert.DoesNotContain("injuries-on-arrival", stored.Flags);
    }

    [Fact]
    public async Task Releasing_a_released_record_is_a_409_and_a_bad_release_a_400()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        var url = $"{CustodyApi.Base}/records/{record.Id}/release";

        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { occurredAt = CustodyApi.At(_api.Now), grounds = "other", propertyReturned = true }),
            "groundsDetail", "required");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = false }),
            "propertyDiscrepancy", "required-when-property-not-returned");
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync(url, new { occurredAt = CustodyApi.At(_api.Now.AddHours(-1)), grounds = "no-grounds", propertyReturned = true }),
            "occurredAt", "not-before-arrival");
        Assert.Equal("in-custody", (await CustodyApi.RecordAsync(officer, record.Id)).Status);

        var release = new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true };
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync(url, release)).StatusCode);
        await CustodyApi.ConflictAsync(await officer.PostAsJsonAsync(url, release), "already closed");
        await CustodyApi.ConflictAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/transfer",
            new { occurredAt = CustodyApi.At(_api.Now), destination = "hospital", destinationName = "Лікарня №1", propertyReturned = true }), "already closed");
        await CustodyApi.ConflictAsync(await CustodyApi.AppendAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Після звільнення" })),
            "already closed");

        var closed = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(2, closed.Timeline.Count);
        Assert.Equal("released", closed.Status);
    }

    private static async Task<List<SearchHitDto>> SearchAsync(HttpClient client, string surname) =>
        await CustodyApi.OkAsync<List<SearchHitDto>>(await client.GetAsync($"{CustodyApi.Base}/records?query={Uri.EscapeDataString(surname)}"));
}
