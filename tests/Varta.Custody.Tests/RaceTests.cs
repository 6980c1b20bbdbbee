using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// Officers pressing the same button at the same moment: the database decides who wins (one open record per person,
/// record numbers that cannot collide, one close of a record), the others are told 409 with problem details, never 500.
/// </summary>
public sealed class RaceTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task Six_bookings_of_the_same_person_at_once_open_one_record_and_the_others_are_told_409()
    {
        using var officer = await _api.AsAsync();
        var first = await _api.BookInAsync(client: officer);
        await ReleaseOkAsync(officer, first.Id);
        var personId = first.Person.Id;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => officer.PostAsJsonAsync($"{CustodyApi.Base}/records", Again(personId))));

        AssertStatuses(answers, HttpStatusCode.Created, 1);
        foreach (var refused in answers.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await CustodyApi.ConflictAsync(refused, "already in custody");
        }

        var records = await StoredAsync(db => db.Set<CustodyRecord>().Where(r => r.PersonId == personId).ToListAsync());
        Assert.Equal(2, records.Count);
        Assert.Single(records, r => r.Status == RecordStatus.InCustody);
    }

    [Fact]
    public async Task Twelve_bookings_of_different_people_at_once_all_succeed_with_consecutive_numbers()
    {
        using var officer = await _api.AsAsync();
        var before = await _api.BookInAsync(client: officer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => officer.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn())));

        AssertStatuses(answers, HttpStatusCode.Created, answers.Length);
        var records = new List<RecordDto>();
        foreach (var answer in answers)
        {
            records.Add(await CustodyApi.CreatedAsync<RecordDto>(answer));
        }

        var sequences = records.Select(r => Sequence(r.Number)).Order().ToList();
        Assert.Equal(Enumerable.Range(Sequence(before.Number) + 1, answers.Length), sequences);
        var stored = await StoredAsync(db => db.Set<CustodyRecord>().Where(r => records.Select(x => x.Id).Contains(r.Id)).ToListAsync());
        Assert.All(stored, r => Assert.Equal(Sequence(r.Number), r.Sequence));
        Assert.Equal(answers.Length, stored.Select(r => r.Number).Distinct().Count());
    }

    [Theory]
    [InlineData("release")]
    [InlineData("transfer")]
    [InlineData("both")]
    public async Task Six_closes_of_one_record_at_once_close_it_once_and_the_others_are_told_409(string action)
    {
        using var officer = await _api.AsAsync();
        var cell = await _api.NewCellAsync(capacity: 2, floorArea: 9);
        var record = await _api.BookInAsync(client: officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Placement(_api.Now, cell.Id));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Close(officer, record.Id, action == "both" ? (i % 2 == 0 ? "release" : "transfer") : action)));

        AssertStatuses(answers, HttpStatusCode.OK, 1);
        foreach (var refused in answers.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await Problem.AssertAsync(refused, HttpStatusCode.Conflict);
        }

        var closes = await StoredAsync(db => db.Set<CustodyEntry>()
            .Where(e => e.RecordId == record.Id && (e.Type == "release" || e.Type == "transfer")).ToListAsync());
        Assert.Single(closes);
        var closed = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.NotEqual("in-custody", closed.Status);
        Assert.Null(closed.Cell);
        Assert.Equal(0, (await CustodyApi.CellAsync(officer, cell.Id)).Occupants);
    }

    [Fact]
    public async Task Booking_and_releasing_race_on_a_second_host_sharing_the_database()
    {
        var other = new VartaFactory { SharedDatabase = factory.Database };
        await other.InitializeAsync();
        try
        {
            var there = new CustodyApi(other);
            using var here = await _api.AsAsync();
            using var elsewhere = await there.AsAsync();
            var before = await _api.BookInAsync(client: here);

            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                (i % 2 == 0 ? here : elsewhere).PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn())));

            AssertStatuses(answers, HttpStatusCode.Created, answers.Length);
            var numbers = new List<int>();
            foreach (var answer in answers)
            {
                numbers.Add(Sequence((await CustodyApi.CreatedAsync<RecordDto>(answer)).Number));
            }

            Assert.Equal(Enumerable.Range(Sequence(before.Number) + 1, answers.Length), numbers.Order());

            var releases = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Close(i % 2 == 0 ? here : elsewhere, before.Id, "release")));
            AssertStatuses(releases, HttpStatusCode.OK, 1);
            foreach (var refused in releases.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await Problem.AssertAsync(refused, HttpStatusCode.Conflict);
            }

            var again = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
                (i % 2 == 0 ? here : elsewhere).PostAsJsonAsync($"{CustodyApi.Base}/records", Again(before.Person.Id))));
            AssertStatuses(again, HttpStatusCode.Created, 1);
            Assert.All(again.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }
        finally
        {
            await ((IAsyncLifetime)other).DisposeAsync();
        }
    }

    private Dictionary<string, object?> Again(Guid personId)
    {
        var body = _api.BookIn();
        body.Remove("person");
        body["personId"] = personId;
        return body;
    }

    private Task<HttpResponseMessage> Close(HttpClient officer, Guid recordId, string action) => officer.PostAsJsonAsync<object>(
        $"{CustodyApi.Base}/records/{recordId}/{action}",
        action == "release"
            ? new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true }
            : new { occurredAt = CustodyApi.At(_api.Now), destination = "hospital", destinationName = "Лікарня", propertyReturned = true });

    private async Task ReleaseOkAsync(HttpClient officer, Guid recordId) =>
        await CustodyApi.OkAsync<RecordDto>(await Close(officer, recordId, "release"));

    private static void AssertStatuses(HttpResponseMessage[] answers, HttpStatusCode winner, int winners)
    {
        var statuses = answers.Select(r => (int)r.StatusCode).Order().ToList();
        var expected = Enumerable.Repeat((int)winner, winners).Concat(Enumerable.Repeat(409, answers.Length - winners)).Order().ToList();
        Assert.True(expected.SequenceEqual(statuses), $"Expected {string.Join(", ", expected)}, got {string.Join(", ", statuses)}");
    }

    private async Task<T> StoredAsync<T>(Func<VartaDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<VartaDbContext>());
    }

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
