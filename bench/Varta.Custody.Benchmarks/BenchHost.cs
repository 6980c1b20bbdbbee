using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;

namespace Varta.Custody.Benchmarks;

/// <summary>
/// The real Varta host (Program: platform, custody and alarms modules, every middleware, hosted services and
/// the real clock) in this process behind the in-memory TestServer, on the benchmark's database. Demo data is
/// seeded on the first start so that an administrator exists to create the benchmark's users.
/// </summary>
internal sealed class BenchHost(string provider, string connectionString, string folder, SqlProfiler profiler) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(HostContentRoot());
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("SignIn:AttemptsPerMinutePerAddress", "100000"); // the benchmark signs in from one address: a load, not an attack
        builder.UseSetting("Audit:CheckpointKeyPath", Path.Combine(folder, "keys", "checkpoint.pem"));
        builder.UseSetting("Audit:CheckpointFolder", Path.Combine(folder, "audit-checkpoints"));
        builder.UseSetting("Auth:SigningKeyPath", Path.Combine(folder, "keys", "token.key"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<VartaDbContext>(o => o.AddInterceptors(profiler)));
    }

    /// <summary>src/Varta.Host, found upwards from the build output (the factory's own guess depends on the working folder).</summary>
    private static string HostContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Varta.Host");
            if (File.Exists(Path.Combine(candidate, "Varta.Host.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Varta.Host not found above " + AppContext.BaseDirectory);
    }

    public async Task<HttpClient> ClientForAsync(string username, string password)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username, password));
        return client;
    }

    public async Task<string> TokenAsync(string username, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token for {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates a user through the admin API (as an administrator would) unless it exists, with one role over one unit.</summary>
    public async Task EnsureUserAsync(string username, string role, Guid scope)
    {
        using var admin = await ClientForAsync("admin", DemoData.Password);
        var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/users")).RootElement;
        var existing = list.EnumerateArray().FirstOrDefault(u => u.GetProperty("username").GetString() == username);
        Guid id;
        if (existing.ValueKind == JsonValueKind.Object)
        {
            id = existing.GetProperty("id").GetGuid();
        }
        else
        {
            var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Bench " + username, password = DemoData.Password });
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"create {username}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }

            id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }

        var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles",
            new { assignments = new[] { new { role, scopeId = scope } }, reason = "custody benchmark" });
        if (!roles.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"roles of {username}: {(int)roles.StatusCode} {await roles.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Rows in the audit chain (every measured read and write appends one).</summary>
    public async Task<long> AuditRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM platform_audit_entries";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
