using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Varta.Platform.Demo;
using Xunit;

namespace Varta.Testing;

/// <summary>
/// The real host over HTTP with a private database, demo data, and a fake clock that tests move. One per
/// test class (IClassFixture).
/// </summary>
public class VartaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public TestDatabase Database { get; private set; } = default!;

    /// <summary>Set to run a second host on the same database (scale-out tests); the first host owns it.</summary>
    public TestDatabase? SharedDatabase { get; init; }

    /// <summary>Extra settings for this host, e.g. the Redis backplane.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Database = SharedDatabase ?? await TestDatabase.CreateAsync();
        StartServer(); // start the host now (in memory or on Kestrel): migrations and demo data are in place before the first test.
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Audit:CheckpointKeyPath", Path.Combine(Database.Folder, "keys", "checkpoint.pem"));
        builder.UseSetting("Audit:CheckpointFolder", Path.Combine(Database.Folder, "audit-checkpoints"));
        builder.UseSetting("Auth:SigningKeyPath", Path.Combine(Database.Folder, "keys", "token.key"));
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Database.Folder, "keys", "data-protection"));
        // Pushes are paced on the injected clock, which tests move by hand: unpaced unless a test asks for it.
        builder.UseSetting("Alarms:PushInterval", "00:00:00");
        // Every test signs in many times from one address within a real minute: the per-address and per-username
        // allowances are the subject of their own tests (which set them low), not of every test.
        builder.UseSetting("SignIn:AttemptsPerMinutePerAddress", "100000");
        builder.UseSetting("SignIn:FailuresPerMinutePerUsername", "100000");
        builder.UseSetting("Alarms:FailedAuthPerMinutePerAddress", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Clock);
        });
    }

    /// <summary>A client holding a bearer token of the demo user.</summary>
    public async Task<HttpClient> ClientAsAsync(string username, string? language = null)
    {
        var client = CreateClient();
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));
        return client;
    }

    public async Task<string> TokenAsync(string username, string password = DemoData.Password, string? totp = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password, totp });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (SharedDatabase is null)
        {
            await Database.DisposeAsync();
        }
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
