using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>
/// The host is killed with SIGKILL in the middle of a burst of 10,000 signals. After a restart, every signal
/// that was answered 202 is stored exactly once, a retry of the rest makes each exactly once, and the audit
/// chain verifies. The host runs as a real process on 127.0.0.1.
/// </summary>
public sealed class CrashTests
{
    private const int Signals = 10_000;
    private const string Password = "Varta-Demo-2026!";

    [Fact]
    public async Task Every_acknowledged_signal_survives_a_SIGKILL_exactly_once_and_the_audit_chain_verifies()
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

        var host = await StartHostAsync(database, port, http);
        var admin = await TokenAsync(http, "admin");
        var device = await CreateDeviceAsync(http, admin);

        var answered = new ConcurrentDictionary<string, Guid>();
        var next = -1;
        var killAfter = Signals / 3;
        var killed = 0;
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Signals)
            {
                var key = $"crash-{i}";
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms/signals")
                    {
                        Content = JsonContent.Create(new { kind = "panic", idempotencyKey = key }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device);
                    using var response = await http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        answered[key] = body.GetProperty("alarmId").GetGuid();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The host is gone: this signal was never acknowledged.
                }

                if (answered.Count >= killAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    host.Kill(); // SIGKILL on Linux: no shutdown hooks, no flushing
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        await host.WaitForExitAsync();
        Assert.Equal(1, killed);
        Assert.InRange(answered.Count, killAfter, Signals - 1);

        host = await StartHostAsync(database, port, http);
        try
        {
            var stored = await StoredKeysAsync(database);
            var missing = answered.Keys.Where(k => !stored.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged signals were lost, e.g. {string.Join(", ", missing.Take(5))}");
            Assert.All(answered, a => Assert.Equal(a.Value, stored[a.Key]));

            // The device retries everything it never heard back about: each signal ends up stored exactly once.
            var retry = Enumerable.Range(0, Signals).Select(i => $"crash-{i}").Where(k => !answered.ContainsKey(k)).ToList();
            await Parallel.ForEachAsync(retry, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms/signals") { Content = JsonContent.Create(new { kind = "panic", idempotencyKey = key }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device);
                using var response = await http.SendAsync(request, ct);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            });
            stored = await StoredKeysAsync(database);
            Assert.Equal(Signals, stored.Count);

            admin = await TokenAsync(http, "admin");
            using var verify = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/verify");
            verify.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            var result = await (await http.SendAsync(verify)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        }
        finally
        {
            host.Kill();
            await host.WaitForExitAsync();
            host.Dispose();
        }
    }

    private static async Task<Process> StartHostAsync(TestDatabase database, int port, HttpClient http)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", $"\"{hostDll}\"")
        {
            WorkingDirectory = database.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["Database__ConnectionString"] = database.ConnectionString;
        info.Environment["Demo__Seed"] = "true";
        info.Environment["Audit__CheckpointKeyPath"] = Path.Combine(database.Folder, "keys", "checkpoint.pem");
        info.Environment["Auth__SigningKeyPath"] = Path.Combine(database.Folder, "keys", "token.key");
        info.Environment["Alarms__SignalsPerSecondPerDevice"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            Assert.False(process.HasExited, "the host exited while starting");
            try
            {
                using var ready = await http.GetAsync("/health/ready", deadline.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string username)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> CreateDeviceAsync(HttpClient http, string adminToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms/devices")
        {
            Content = JsonContent.Create(new { siteId = Platform.Demo.DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка збій", heartbeatSeconds = 86_400 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("secret").GetString()!;
    }

    /// <summary>Straight from the database: idempotency key → alarm id, failing on any key stored twice.</summary>
    private static async Task<Dictionary<string, Guid>> StoredKeysAsync(TestDatabase database)
    {
        await using DbConnection connection = database.IsPostgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"IdempotencyKey\", \"Id\" FROM alarms_alarms WHERE \"IdempotencyKey\" LIKE 'crash-%'";
        var result = new Dictionary<string, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0);
            var id = reader.GetFieldValue<object>(1) is Guid g ? g : Guid.Parse(reader.GetString(1));
            Assert.True(result.TryAdd(key, id), $"{key} is stored twice");
        }

        return result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
