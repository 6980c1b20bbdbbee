using System.Net.Http.Json;
using Varta.Custody.Records;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// Need to know at book-in: an officer in Kyiv booking a name that exists in Lviv learns only that a person with these
/// details has records elsewhere — never the record numbers, the person, their document or their earlier records —
/// and the lookup is audited.
/// </summary>
public sealed class LookupScopeTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task A_match_in_another_region_says_only_that_records_exist_elsewhere_and_is_audited()
    {
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.LvivFacility);
        var surname = "Межовий" + Random.Shared.Next(1000, 9999);
        var lvivBody = _api.BookIn(surname: surname, facilityId: DemoData.LvivFacility);
        CustodyApi.Person(lvivBody)["identityDocument"] = "паспорт КС 987654";
        var inLviv = await _api.BookInAsync(lvivBody, lviv);
        (await lviv.PostAsJsonAsync($"{CustodyApi.Base}/records/{inLviv.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true })).EnsureSuccessStatusCode();

        using var kyiv = await _api.AsAsync();
        var response = await kyiv.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn(surname: surname));
        var raw = await response.Content.ReadAsStringAsync();
        var booked = await CustodyApi.CreatedAsync<RecordDto>(response);

        var match = Assert.Single(booked.DuplicateCandidates);
        Assert.True(match.Elsewhere);
        Assert.Null(match.PersonId);
        Assert.Null(match.LastRecordNumber);
        Assert.DoesNotContain(inLviv.Number, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(inLviv.Person.Id.ToString(), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", raw, StringComparison.Ordinal);

        using var admin = await factory.ClientAsAsync("admin");
        var audit = await admin.GetStringAsync($"/api/v1/audit/entries?resourceId={inLviv.Person.Id}&limit=20");
        Assert.Contains("custody.person.matched-elsewhere", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Earlier_records_of_the_person_in_another_region_are_counted_not_shown()
    {
        var (_, lviv) = await factory.CreateUserClientAsync(Roles.CustodyOfficer, DemoData.LvivFacility);
        var first = await _api.BookInAsync(_api.BookIn(facilityId: DemoData.LvivFacility), lviv);
        (await lviv.PostAsJsonAsync($"{CustodyApi.Base}/records/{first.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true })).EnsureSuccessStatusCode();

        // Later the person is detained in Kyiv and linked to their existing identity.
        var body = _api.BookIn();
        body["personId"] = first.Person.Id;
        using var kyiv = await _api.AsAsync();
        var second = await _api.BookInAsync(body, kyiv);

        var seen = await CustodyApi.RecordAsync(kyiv, second.Id);
        Assert.Empty(seen.EarlierRecords);
        Assert.Equal(1, seen.EarlierRecordsElsewhere);
        Assert.Contains(first.Number, (await CustodyApi.RecordAsync(lviv, first.Id)).Number, StringComparison.Ordinal);
    }
}
