using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>
/// CPC art. 210: a person is delivered and registered at once. A delivery long after the actual detention (over 3 h by
/// default) is said at booking, flagged on the record and the board, and raised as an alert for the inspector.
/// </summary>
public sealed class LateDeliveryTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task A_delivery_four_hours_after_detention_is_warned_flagged_and_raised()
    {
        using var officer = await _api.AsAsync();
        var late = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(4) + TimeSpan.FromMinutes(10), arrivedAgo: TimeSpan.FromMinutes(5)), officer);
        Assert.Contains("late-delivery", late.Warnings);
        Assert.Contains("late-delivery", (await CustodyApi.RecordAsync(officer, late.Id)).Flags);
        Assert.Contains("late-delivery", Assert.Single((await CustodyApi.BoardAsync(officer)).Rows, r => r.RecordId == late.Id).Flags);

        await _api.AdvanceAsync(TimeSpan.Zero);
        Assert.Contains(await CustodyApi.AlertsAsync(officer), a => a.RecordId == late.Id && a.Kind == "late-delivery");
    }

    [Fact]
    public async Task A_delivery_within_three_hours_is_not_late()
    {
        using var officer = await _api.AsAsync();
        var timely = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(2) + TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(5)), officer);
        Assert.DoesNotContain("late-delivery", timely.Warnings);
        Assert.DoesNotContain("late-delivery", timely.Flags);
        await _api.AdvanceAsync(TimeSpan.Zero);
        Assert.DoesNotContain(await CustodyApi.AlertsAsync(officer), a => a.RecordId == timely.Id && a.Kind == "late-delivery");
    }
}
