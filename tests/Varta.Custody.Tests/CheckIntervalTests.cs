using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>When the next welfare check is due, by observation level, and what a check or a timely notice must say.</summary>
public sealed class CheckIntervalTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 30)]
    [InlineData(3, 15)]
    [InlineData(4, 15)]
    public async Task The_next_check_is_due_by_the_observation_level(int level, int minutes)
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(20)), officer);
        await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("risk-assessment", _api.Now.AddMinutes(-15), new { riskLevel = level > 2 ? "high" : "low", observationLevel = level }));
        var checkedAt = _api.Now.AddMinutes(-1);
        await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("welfare-check", checkedAt, new { condition = "awake-well", roused = false, checkedBy = "сержант Вигаданий" }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(level, after.ObservationLevel);
        Assert.Equal(checkedAt.AddMinutes(minutes), after.Clocks.NextCheckDue);
        Assert.Equal(minutes - 1, after.Clocks.CheckMinutesLeft);
    }

    [Fact]
    public async Task At_level_one_a_check_is_due_an_hour_after_arrival_and_an_hour_after_each_check()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10)), officer);
        var arrived = _api.Now.AddMinutes(-10);
        Assert.Equal(1, record.ObservationLevel);
        Assert.Equal(arrived.AddMinutes(60), record.Clocks.NextCheckDue);
        Assert.Equal(50, record.Clocks.CheckMinutesLeft);

        var checkedAt = _api.Now.AddMinutes(-2);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("welfare-check", checkedAt, new { condition = "awake-well" }));

        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(checkedAt, after.Clocks.LastCheckAt);
        Assert.Equal(checkedAt.AddMinutes(60), after.Clocks.NextCheckDue);
    }

    [Fact]
    public async Task At_level_two_a_check_is_due_every_30_minutes_and_must_say_whether_the_person_was_roused()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(30), arrivedAgo: TimeSpan.FromMinutes(10)), officer);
        await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("risk-assessment", _api.Now.AddMinutes(-5), new { riskLevel = "medium", observationLevel = 2 }));
        var assessed = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(2, assessed.ObservationLevel);
        Assert.Equal(_api.Now.AddMinutes(-10).AddMinutes(30), assessed.Clocks.NextCheckDue);

        await CustodyApi.InvalidAsync(await CustodyApi.AppendAsync(officer, record.Id,
            CustodyApi.Entry("welfare-check", _api.Now, new { condition = "asleep-breathing" })), "roused", "rousing-required");
        Assert.Null((await CustodyApi.RecordAsync(officer, record.Id)).Clocks.LastCheckAt);

        await CustodyApi.AppendOkAsync(officer, record.Id,
            CustodyApi.Entry("welfare-check", _api.Now, new { condition = "roused-responsive", roused = true }));
        var after = await CustodyApi.RecordAsync(officer, record.Id);
        Assert.Equal(_api.Now.AddMinutes(30), after.Clocks.NextCheckDue);
        Assert.Equal(30, after.Clocks.CheckMinutesLeft);
    }

    [Fact]
    public async Task A_notification_within_the_hour_needs_no_reason()
    {
        using var officer = await _api.AsAsync();
        var record = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(50), arrivedAgo: TimeSpan.FromMinutes(20)), officer);
        await CustodyApi.AppendOkAsync(officer, record.Id, CustodyApi.Entry("relatives-notified", _api.Now,
            new { contactName = "Вигаданий Іван", relationship = "батько", method = "phone" }));
        Assert.Equal(50, (await CustodyApi.RecordAsync(officer, record.Id)).Clocks.RelativesDelayMinutes);
    }
}
