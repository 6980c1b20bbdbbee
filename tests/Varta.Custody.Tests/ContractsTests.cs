using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.Contracts;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>What another module (the coming Oversight review queue) reads of custody through <see cref="ICustodyRecords"/>.</summary>
public sealed class ContractsTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task Another_module_finds_a_booked_record_and_the_alerts_standing_on_it()
    {
        var booked = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromMinutes(40), arrivedAgo: TimeSpan.FromMinutes(30)));
        // Nobody checks on the person: an hour after arrival the check is overdue.
        await _api.AdvanceAsync(TimeSpan.FromMinutes(40));

        await using var scope = factory.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<ICustodyRecords>();
        var summary = await records.FindAsync(booked.Id, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.Equal(booked.Number, summary.Number);
        Assert.Equal(DemoData.DetentionFacility1, summary.FacilityId);
        Assert.Equal("in-custody", summary.Status);
        Assert.Equal(booked.Clocks.MaxDeadline, summary.MaxDeadline);

        var alerts = await records.OpenAlertsAsync(DemoData.DetentionFacility1, CancellationToken.None);
        Assert.Contains(alerts, a => a.RecordId == booked.Id && a.Kind == "check-overdue");
        Assert.Null(await records.FindAsync(Guid.NewGuid(), CancellationToken.None));
    }
}
