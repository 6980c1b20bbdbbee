using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Varta.Custody.Records;
using Varta.Testing;

namespace Varta.Custody.Tests;

public sealed partial class BookingInTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task Booking_in_answers_201_with_a_facility_number_and_the_person_in_custody()
    {
        using var officer = await _api.AsAsync();
        var body = _api.BookIn();
        var response = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", body);
        var record = await CustodyApi.CreatedAsync<RecordDto>(response);

        Assert.Equal($"/api/v1/custody/records/{record.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches(NumberFormat(), record.Number);
        Assert.Equal("in-custody", record.Status);
        Assert.Equal(CustodyApi.Person(body)["surname"], record.Person.Surname);
        var booking = Assert.Single(record.Timeline);
        Assert.Equal("booking-in", booking.Type);
        Assert.Equal(record.Number, (await CustodyApi.RecordAsync(officer, record.Id)).Number);
    }

    [Fact]
    public async Task Record_numbers_are_unique_and_increase_even_when_officers_book_in_at_the_same_moment()
    {
        using var officer = await _api.AsAsync();
        var first = await _api.BookInAsync(client: officer);
        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => officer.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn())));
        var concurrent = new List<RecordDto>();
        foreach (var response in together)
        {
            concurrent.Add(await CustodyApi.CreatedAsync<RecordDto>(response));
        }

        var last = await _api.BookInAsync(client: officer);
        var numbers = concurrent.Select(r => r.Number).Append(first.Number).Append(last.Number).ToList();
        Assert.All(numbers, n => Assert.Matches(NumberFormat(), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(concurrent, r => Assert.True(Sequence(r.Number) > Sequence(first.Number), $"{r.Number} is not after {first.Number}"));
        Assert.All(concurrent, r => Assert.True(Sequence(r.Number) < Sequence(last.Number), $"{r.Number} is not before {last.Number}"));
    }

    [Fact]
    public async Task Clocks_run_from_the_actual_detention_not_from_arrival_under_martial_law()
    {
        // Detained 3 h ago, brought in an hour ago: the 60 h and 216 h run from the detention.
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(3), arrivedAgo: TimeSpan.FromHours(1)));
        var detainedAt = _api.Now.AddHours(-3);

        Assert.Equal("martial-law", record.Clocks.LegalRegime);
        Assert.Equal(detainedAt, record.Clocks.DetainedAt);
        Assert.Equal(detainedAt.AddHours(60), record.Clocks.CourtDeadline);
        Assert.Equal(detainedAt.AddHours(216), record.Clocks.MaxDeadline);
        Assert.Equal(57 * 60, record.Clocks.CourtMinutesLeft);
        Assert.Equal(213 * 60, record.Clocks.MaxMinutesLeft);
    }

    [Fact]
    public async Task Administrative_detention_lasts_at_most_three_hours_from_the_detention()
    {
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(20), legalBasis: "coao-262"));

        Assert.Equal(_api.Now.AddMinutes(-50).AddHours(3), record.Clocks.MaxDeadline);
        Assert.Null(record.Clocks.CourtDeadline);
        Assert.Equal(130, record.Clocks.MaxMinutesLeft);
    }

    [Fact]
    public async Task Administrative_detention_for_a_border_offence_lasts_up_to_72_hours()
    {
        var body = _api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(20), legalBasis: "coao-262");
        body["administrativeException"] = "border";
        var record = await _api.BookInAsync(body);

        Assert.Equal("border", record.AdministrativeException);
        Assert.Equal(_api.Now.AddMinutes(-50).AddHours(72), record.Clocks.MaxDeadline);
    }

    [Fact]
    public async Task An_unknown_administrative_exception_is_rejected()
    {
        using var officer = await _api.AsAsync();
        var body = _api.BookIn(legalBasis: "coao-262");
        body["administrativeException"] = "jaywalking";
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", body), "administrativeException", "one-of");
    }

    [Fact]
    public async Task A_court_order_detainee_is_brought_before_the_court_within_36_hours_of_delivery()
    {
        var body = _api.BookIn(detainedAgo: TimeSpan.FromHours(5), arrivedAgo: TimeSpan.FromHours(2), legalBasis: "court-order",
            proceedingsNumber: "12026100000000123");
        var record = await _api.BookInAsync(body);

        Assert.Equal(_api.Now.AddHours(-2).AddHours(36), record.Clocks.CourtDeadline);
        Assert.Equal(_api.Now.AddHours(-5).AddHours(216), record.Clocks.MaxDeadline);
        Assert.Equal("12026100000000123", record.ProceedingsNumber);
    }

    [Fact]
    public async Task A_sixteen_year_old_is_flagged_as_a_minor_and_an_adult_is_not()
    {
        var born = DateOnly.FromDateTime(_api.Now.UtcDateTime).AddYears(-16).AddMonths(-2);
        var minor = await _api.BookInAsync(_api.BookIn(dateOfBirth: born.ToString("yyyy-MM-dd")));
        var adult = await _api.BookInAsync(_api.BookIn(dateOfBirth: born.AddYears(-3).ToString("yyyy-MM-dd")));

        Assert.True(minor.IsMinor);
        Assert.Contains("minor", minor.Flags);
        Assert.False(adult.IsMinor);
        Assert.DoesNotContain("minor", adult.Flags);
    }

    [Fact]
    public async Task Someone_who_turned_18_after_the_detention_is_a_minor_for_this_record()
    {
        // Born 18 years before today (Kyiv), detained yesterday: 17 at the moment of detention.
        var today = DateOnly.FromDateTime(Varta.Platform.Localization.KyivTime.ToKyiv(_api.Now).DateTime);
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(25), arrivedAgo: TimeSpan.FromHours(24),
            dateOfBirth: today.AddYears(-18).ToString("yyyy-MM-dd")));
        Assert.True(record.IsMinor);
    }

    [Fact]
    public async Task Booking_into_a_site_that_is_not_a_detention_facility_is_404()
    {
        using var officer = await _api.AsAsync();
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records",
            _api.BookIn(facilityId: Varta.Platform.Demo.DemoData.ShevchenkivskyiCourt)), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", _api.BookIn(facilityId: Guid.NewGuid())), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Booking_the_same_name_and_date_of_birth_again_warns_of_a_possible_duplicate()
    {
        var surname = CustodyApi.UniqueSurname("Дублікатенко");
        var first = await _api.BookInAsync(_api.BookIn(surname: surname, givenName: "Олег", dateOfBirth: "1985-02-03"));
        Assert.Empty(first.Warnings);

        // Typed differently (case, spaces), still the same name.
        var again = await _api.BookInAsync(_api.BookIn(surname: "  " + surname.ToLowerInvariant() + " ", givenName: "ОЛЕГ", dateOfBirth: "1985-02-03"));

        Assert.Contains("possible-duplicate", again.Warnings);
        var candidate = Assert.Single(again.DuplicateCandidates);
        Assert.Equal(first.Person.Id, candidate.PersonId);
        Assert.Equal(first.Number, candidate.LastRecordNumber);
        Assert.NotEqual(first.Person.Id, again.Person.Id);

        var otherBirthday = await _api.BookInAsync(_api.BookIn(surname: surname, givenName: "Олег", dateOfBirth: "1985-02-04"));
        Assert.Empty(otherBirthday.Warnings);
    }

    [Fact]
    public async Task A_known_person_is_booked_in_again_by_id_but_not_while_still_in_custody()
    {
        using var officer = await _api.AsAsync();
        var first = await _api.BookInAsync(client: officer);
        var byId = _api.BookIn();
        byId.Remove("person");
        byId["personId"] = first.Person.Id;

        var body = await Problem.AssertAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", byId), HttpStatusCode.Conflict);
        Assert.Contains("already in custody", body.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var released = await officer.PostAsJsonAsync($"{CustodyApi.Base}/records/{first.Id}/release",
            new { occurredAt = CustodyApi.At(_api.Now), grounds = "no-grounds", propertyReturned = true });
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);

        var second = await _api.BookInAsync(byId, officer);
        Assert.Equal(first.Person.Id, second.Person.Id);
        Assert.Equal(first.Person.Surname, second.Person.Surname);
        Assert.Empty(second.Warnings);
        Assert.Contains(second.EarlierRecords, e => e.Id == first.Id && e.Status == "released");
    }

    [Fact]
    public async Task An_unknown_person_id_is_rejected()
    {
        using var officer = await _api.AsAsync();
        var body = _api.BookIn();
        body.Remove("person");
        body["personId"] = Guid.NewGuid();
        await CustodyApi.InvalidAsync(await officer.PostAsJsonAsync($"{CustodyApi.Base}/records", body), "personId", "unknown-person");
    }

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^ITT-KYIV-1/2026/\d{5}$")]
    private static partial Regex NumberFormat();
}
