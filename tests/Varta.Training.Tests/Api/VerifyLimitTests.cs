using System.Net;
using Varta.Testing;

namespace Varta.Training.Tests.Api;

/// <summary>The host with a small allowance for anonymous public requests, so that a test reaches it in a few calls.</summary>
public sealed class SmallPublicLimitFactory : VartaFactory
{
    public const int Reads = 3;

    public SmallPublicLimitFactory() => Settings["PublicLimits:ReadsPerMinutePerAddress"] = Reads.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Checking certificate codes anonymously is rate limited per address (a code is 12 characters; guessing them is a
/// script's work): past the allowance, the API and the page answer 429 with Retry-After, in the caller's language.
/// </summary>
public sealed class VerifyLimitTests(SmallPublicLimitFactory factory) : IClassFixture<SmallPublicLimitFactory>
{
    [Fact]
    public async Task Past_the_allowance_the_verify_api_and_page_answer_429_with_retry_after()
    {
        using var client = factory.Anonymous("en");
        for (var i = 0; i < SmallPublicLimitFactory.Reads - 1; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/training/verify/ABCDEFGHJKMN")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verify/ABCDEFGHJKMN")).StatusCode);

        // The window is a real minute: should it roll over during the test, a few more calls still reach the limit.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2 * SmallPublicLimitFactory.Reads && refused is null; i++)
        {
            var answer = await client.GetAsync(i % 2 == 0 ? "/api/v1/training/verify/ABCDEFGHJKMN" : "/verify/ABCDEFGHJKMN");
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is given");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The page shares the allowance with the API.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/verify/ABCDEFGHJKMN")).StatusCode);
    }
}
