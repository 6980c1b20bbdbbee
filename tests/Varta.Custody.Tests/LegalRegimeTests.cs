using Microsoft.AspNetCore.Hosting;
using Varta.Testing;

namespace Varta.Custody.Tests;

/// <summary>A deployment where martial law ended 12 hours before the test clock starts.</summary>
public sealed class EndedMartialLawFactory : VartaFactory
{
    public static readonly DateTimeOffset MartialLawEnded = Start.AddHours(-12);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Custody:LegalRegimes:0:Code", "martial-law");
        builder.UseSetting("Custody:LegalRegimes:0:From", "2022-02-24T03:30:00Z");
        builder.UseSetting("Custody:LegalRegimes:0:To", MartialLawEnded.ToString("O"));
        builder.UseSetting("Custody:LegalRegimes:0:CourtHours", "60");
        builder.UseSetting("Custody:LegalRegimes:0:MaxHours", "216");
    }
}

public sealed class LegalRegimeTests(EndedMartialLawFactory factory) : IClassFixture<EndedMartialLawFactory>
{
    private readonly CustodyApi _api = new(factory);

    [Fact]
    public async Task A_detention_before_martial_law_ended_keeps_216_hours_and_one_after_gets_72()
    {
        // Detained an hour before the end, booked in now: judged by the regime at the detention.
        var before = _api.Now - EndedMartialLawFactory.MartialLawEnded + TimeSpan.FromHours(1);
        var during = await _api.BookInAsync(_api.BookIn(detainedAgo: before, arrivedAgo: TimeSpan.FromMinutes(10)));
        var after = await _api.BookInAsync(_api.BookIn(detainedAgo: TimeSpan.FromHours(1), arrivedAgo: TimeSpan.FromMinutes(10)));

        Assert.Equal("martial-law", during.Clocks.LegalRegime);
        Assert.Equal(during.Clocks.DetainedAt.AddHours(216), during.Clocks.MaxDeadline);
        Assert.Equal("ordinary", after.Clocks.LegalRegime);
        Assert.Equal(after.Clocks.DetainedAt.AddHours(72), after.Clocks.MaxDeadline);
        Assert.Equal(after.Clocks.DetainedAt.AddHours(60), after.Clocks.CourtDeadline);
    }
}
