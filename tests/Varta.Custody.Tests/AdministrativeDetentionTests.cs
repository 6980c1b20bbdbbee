using Varta.Custody.Records;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// Administrative detention (КУпАП art. 263, 3 h): "due soon" is proportional to the limit — its last hour, not six
/// hours that would cover the whole detention — and a booking already past its limit is said at once and raised at once.
/// </summary>
public sealed class AdministrativeDetentionTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task Due_soon_is_the_last_hour_of_three_not_the_whole_detention()
    {
        RecordDto record;
        using (var officer = await _api.AsAsync())
        {
            record = await _api.BookInAsync(_api.BookIn(legalBasis: "coao-262", detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(20)), officer);
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(80)); // 1 h 50 min after detention
        using (var officer = await _api.AsAsync()) // a fresh token: the clock has moved past the first one's hour
        {
            Assert.DoesNotContain(await CustodyApi.AlertsAsync(officer), a => a.RecordId == record.Id && a.Kind == "max-deadline-soon");
        }

        await _api.AdvanceAsync(TimeSpan.FromMinutes(15)); // 2 h 05 min: the last hour
        using (var officer = await _api.AsAsync())
        {
            Assert.Contains(await CustodyApi.AlertsAsync(officer), a => a.RecordId == record.Id && a.Kind == "max-deadline-soon");
        }
    }

    [Fact]
    public async Task A_booking_already_past_its_limit_is_warned_and_raised_at_once()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(legalBasis: "coao-262", detainedAgo: TimeSpan.FromHours(3) + TimeSpan.FromMinutes(20), arrivedAgo: TimeSpan.FromHours(1)), officer);
        Assert.Contains("past-limit", record.Warnings);

        // No scan has run: the alert came with the booking.
        Assert.Contains(await CustodyApi.AlertsAsync(officer), a => a.RecordId == record.Id && a.Kind == "max-deadline-passed");
    }
}
