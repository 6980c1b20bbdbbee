using System.Net;
using System.Net.Http.Json;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>Release and transfer close the record: not before its last entry, and a release past the maximum is marked on the record.</summary>
public sealed class ReleaseRulesTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Theory]
    [InlineData("release")]
    [InlineData("transfer")]
    public async Task Closing_a_record_before_its_last_entry_is_refused_beside_the_time(string action)
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("note", _api.Now, new { text = "Спить" }));

        object body = action == "release"
            ? new { occurredAt = CustodyApi.At(_api.Now.AddMinutes(-10)), grounds = "no-grounds", propertyReturned = true }
            : new { occurredAt = CustodyApi.At(_api.Now.AddMinutes(-10)), destination = "hospital", destinationName = "Лікарня", propertyReturned = true };
        var problem = await Problem.AssertAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/{action}", body), HttpStatusCode.BadRequest);
        Assert.Equal("not-before-last-entry", problem.GetProperty("rules").GetProperty("occurredAt")[0].GetString());
        Assert.Equal("in-custody", (await CustodyApi.RecordAsync(officer, record.Id)).Status);
    }

    [Fact]
    public async Task A_release_after_the_maximum_deadline_is_marked_on_the_record()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(legalBasis: "coao-262", detainedAgo: TimeSpan.FromHours(4), arrivedAgo: TimeSpan.FromHours(3)), officer);
        var released = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{record.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Contains("closed-after-deadline", (await CustodyApi.RecordAsync(officer, record.Id)).Flags);

        var timely = await _api.BookInAsync(client: officer);
        await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{timely.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true });
        Assert.DoesNotContain("closed-after-deadline", (await CustodyApi.RecordAsync(officer, timely.Id)).Flags);
    }
}
