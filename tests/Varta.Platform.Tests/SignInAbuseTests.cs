using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>The host with a password hasher that counts how many hashes each sign-in costs.</summary>
public sealed class CountingHasherFactory : VartaFactory
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<VartaUser>>(_ => new Counting(this))));
    }

    private sealed class Counting(CountingHasherFactory owner) : IPasswordHasher<VartaUser>
    {
        private readonly PasswordHasher<VartaUser> _inner = new();

        public string HashPassword(VartaUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(VartaUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref owner._verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// Lockout as a weapon, and abuse of sign-in: the lock is bound to the source as well as the account and grows
/// with each failure; every refusal costs the same work; too many attempts are answered 429 with Retry-After.
/// </summary>
public sealed class SignInAbuseTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    [Fact]
    public async Task A_stranger_cannot_lock_a_dispatcher_out_from_their_own_desk()
    {
        var (_, username) = await factory.CreateUserAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(username, "wrong-guess-" + i, "198.51.100.7")).StatusCode);
        }

        // The stranger's address is locked out of this username, even with the right password...
        var locked = await TokenAsync(username, DemoData.Password, "198.51.100.7");
        await Problem.AssertAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // ...while the dispatcher at their own desk signs in.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(username, DemoData.Password, "203.0.113.20")).StatusCode);
    }

    [Fact]
    public async Task The_lock_of_an_address_grows_with_each_further_failure()
    {
        var (_, username) = await factory.CreateUserAsync(Roles.CourtStaff, DemoData.ShevchenkivskyiCourt);
        const string source = "198.51.100.8";
        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(username, "wrong-guess-" + i, source);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(username, DemoData.Password, source)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(61)); // the first lock is one minute
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(username, "one-more-guess", source)).StatusCode);

        // One failure after a lock locks again, twice as long.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TokenAsync(username, DemoData.Password, source)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(username, DemoData.Password, source)).StatusCode);
    }

    [Fact]
    public async Task Every_refusal_costs_exactly_one_password_hash_whether_the_name_exists_or_not()
    {
        var (id, username) = await factory.CreateUserAsync(Roles.CourtStaff, DemoData.ShevchenkivskyiCourt);
        var (inactiveId, inactive) = await factory.CreateUserAsync(Roles.CourtStaff, DemoData.ShevchenkivskyiCourt);
        using (var admin = await factory.ClientAsAsync("admin"))
        {
            (await admin.PostAsync($"/api/v1/admin/users/{inactiveId}/deactivate", null)).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(username, "wrong-guess-" + i, "198.51.100.9"); // locks that address
        }

        var cases = new (string Name, string Username, string Source)[]
        {
            ("unknown name", "nobody." + id.ToString("N")[..6], "198.51.100.10"),
            ("wrong password", username, "198.51.100.10"),
            ("locked address", username, "198.51.100.9"),
            ("deactivated", inactive, "198.51.100.10"),
        };
        foreach (var (name, user, source) in cases)
        {
            var before = factory.Verifications;
            var response = await TokenAsync(user, "wrong-guess-x", source);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{name}: {(int)response.StatusCode}");
            Assert.True(factory.Verifications - before == 1, $"{name}: {factory.Verifications - before} hash verifications");
        }
    }

    private async Task<HttpResponseMessage> TokenAsync(string username, string password, string source)
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", source);
        return await client.SendAsync(request);
    }
}

/// <summary>A host whose sign-in allowances are small enough to reach in a test.</summary>
public sealed class LowLimitsFactory : VartaFactory
{
    public LowLimitsFactory()
    {
        Settings["SignIn:AttemptsPerMinutePerAddress"] = "4";
        Settings["SignIn:FailuresPerMinutePerUsername"] = "3";
    }
}

public sealed class SignInRateLimitTests(LowLimitsFactory factory) : IClassFixture<LowLimitsFactory>
{
    [Fact]
    public async Task One_address_gets_429_with_Retry_After_past_its_attempts_per_minute()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await TokenAsync("visitor." + i, "wrong-guess-" + i, "198.51.100.30")); // a new name each time: only the address is over
        }

        Assert.All(answers.Take(4), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var limited = await Problem.AssertAsync(answers[4], HttpStatusCode.TooManyRequests);
        Assert.True(answers[4].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Повторіть через", limited.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_username_gets_429_past_its_failures_per_minute_from_all_addresses_together()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await TokenAsync("threat.analyst", "wrong-guess-" + i, $"198.51.100.{40 + i}")).StatusCode); // a new address each time
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
    }

    private async Task<HttpResponseMessage> TokenAsync(string username, string password, string source)
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", source);
        return await client.SendAsync(request);
    }
}
