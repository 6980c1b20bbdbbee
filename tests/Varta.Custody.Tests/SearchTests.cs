using System.Net;
using System.Net.Http.Json;
using Varta.Custody.SearchRecords;
using Varta.Testing;

namespace Varta.Custody.Tests;

public sealed class SearchTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task A_surname_prefix_finds_the_person_whatever_the_letter_case()
    {
        using var officer = await _api.AsAsync();
        var surname = CustodyApi.UniqueSurname("Шевчук");
        var record = await _api.BookInAsync(_api.BookIn(surname: surname), officer);
        var other = await _api.BookInAsync(_api.BookIn(surname: CustodyApi.UniqueSurname("Шевчишин")), officer);

        var exact = await SearchAsync(officer, $"query={Uri.EscapeDataString(surname[..^2])}");
        Assert.Equal(record.Id, Assert.Single(exact).RecordId);
        var lower = await SearchAsync(officer, $"query={Uri.EscapeDataString(surname[..^2].ToLowerInvariant())}");
        Assert.Equal(record.Id, Assert.Single(lower).RecordId);

        var both = await SearchAsync(officer, $"query={Uri.EscapeDataString("шевч")}");
        Assert.Contains(both, h => h.RecordId == record.Id);
        Assert.Contains(both, h => h.RecordId == other.Id);
        var hit = Assert.Single(both, h => h.RecordId == record.Id);
        Assert.Equal(record.Number, hit.Number);
        Assert.Equal("in-custody", hit.Status);
        Assert.Equal("Temporary detention facility No. 1", hit.FacilityName);
    }

    [Fact]
    public async Task A_date_of_birth_a_record_number_or_a_proceedings_number_finds_the_record()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(dateOfBirth: "1977-07-07", proceedingsNumber: "42026000000004242"), officer);

        Assert.Contains(await SearchAsync(officer, "dateOfBirth=1977-07-07"), h => h.RecordId == record.Id);
        Assert.DoesNotContain(await SearchAsync(officer, "dateOfBirth=1977-07-08"), h => h.RecordId == record.Id);
        Assert.Equal(record.Id, Assert.Single(await SearchAsync(officer, $"query={Uri.EscapeDataString(record.Number)}")).RecordId);
        var byProceedings = Assert.Single(await SearchAsync(officer, "query=42026000000004242"));
        Assert.Equal(record.Id, byProceedings.RecordId);
        Assert.Equal("42026000000004242", byProceedings.ProceedingsNumber);
        Assert.Empty(await SearchAsync(officer, $"query={Uri.EscapeDataString(CustodyApi.UniqueSurname("Нікого"))}"));
    }

    [Fact]
    public async Task A_search_without_criteria_or_with_a_bad_date_is_refused()
    {
        using var officer = await _api.AsAsync();
        await CustodyApi.InvalidAsync(await officer.GetAsync($"{CustodyApi.Base}/records"), "q", "required");
        await CustodyApi.InvalidAsync(await officer.GetAsync($"{CustodyApi.Base}/records?query=%D0%90"), "q", "min-length");
        await CustodyApi.InvalidAsync(await officer.GetAsync($"{CustodyApi.Base}/records?dateOfBirth=07.07.1977"), "dateOfBirth", "date-required");
    }

    [Fact]
    public async Task A_persons_earlier_records_appear_in_the_record_and_in_a_search_by_person()
    {
        using var officer = await _api.AsAsync();
        var first = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(5), arrivedAgo: TimeSpan.FromHours(4)), officer);
        var release = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{first.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now.AddHours(-3)), grounds = "no-grounds", propertyReturned = true });
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);

        var again = _api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10));
        again.Remove("person");
        again["personId"] = first.Person.Id;
        var second = await _api.BookInAsync(again, officer);

        var view = await CustodyApi.RecordAsync(officer, second.Id);
        var earlier = Assert.Single(view.EarlierRecords);
        Assert.Equal(first.Id, earlier.Id);
        Assert.Equal(first.Number, earlier.Number);
        Assert.Equal("released", earlier.Status);
        Assert.Equal(_api.Now.AddHours(-3), earlier.ClosedAt);
        Assert.Equal(second.Id, Assert.Single((await CustodyApi.RecordAsync(officer, first.Id)).EarlierRecords).Id);

        var hits = await SearchAsync(officer, $"personId={first.Person.Id}");
        Assert.Equal(new[] { second.Id, first.Id }, hits.Select(h => h.RecordId));
    }

    private static async Task<List<SearchHitDto>> SearchAsync(HttpClient client, string query) =>
        await CustodyApi.OkAsync<List<SearchHitDto>>(await client.GetAsync($"{CustodyApi.Base}/records?{query}"));
}
