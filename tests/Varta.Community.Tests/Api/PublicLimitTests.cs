using System.Net;
using System.Net.Http.Json;
using Varta.Testing;

namespace Varta.Community.Tests.Api;

/// <summary>The host with a small allowance for anonymous public writes, so that a test reaches it in a few calls.</summary>
public sealed class SmallPublicWritesFactory : VartaFactory
{
    public const int Writes = 2;

    public SmallPublicWritesFactory() => Settings["PublicLimits:WritesPerMinutePerAddress"] = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A survey's public link takes answers without an account, so it is rate limited per address: past the allowance a
/// send is answered 429 with Retry-After and reaches nothing; reading the form is counted apart from sending.
/// </summary>
public sealed class PublicLimitTests(SmallPublicWritesFactory factory) : IClassFixture<SmallPublicWritesFactory>
{
    [Fact]
    public async Task Past_the_allowance_a_public_send_is_refused_with_429_and_reading_still_works()
    {
        using var client = factory.Anonymous("uk");
        const string token = "no-such-link-0000000000000000000";
        object Body() => new { clientId = Guid.NewGuid(), territory = "UA80000000000093317", answers = new Dictionary<string, string>() };

        for (var i = 0; i < SmallPublicWritesFactory.Writes; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/community/public/{token}/responses", Body())).StatusCode);
        }

        // The window is a real minute: should it roll over during the test, a few more sends still reach the limit.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2 * SmallPublicWritesFactory.Writes && refused is null; i++)
        {
            var answer = await client.PostAsJsonAsync($"/api/v1/community/public/{token}/responses", Body());
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is given");
        Assert.Contains("Забагато", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reads have their own allowance (300 a minute by default).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/community/public/{token}")).StatusCode);
    }
}
