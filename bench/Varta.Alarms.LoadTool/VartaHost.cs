using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// The Varta host as its own process on 127.0.0.1 (the way tests/Varta.Alarms.Tests/CrashTests.cs runs it): Testing
/// environment, demo seed, keys in a temporary folder, the per-device rate limit out of the way.
/// </summary>
internal sealed class VartaHost : IAsyncDisposable
{
    public const string Password = "Varta-Demo-2026!";
    public const string DemoCourt = "00000000-0000-4000-8000-000000000014";

    private readonly ChildProcess _process;

    private VartaHost(ChildProcess process, Uri baseUri, HttpClient http, ProcessSampler sampler)
    {
        _process = process;
        BaseUri = baseUri;
        Http = http;
        Sampler = sampler;
    }

    public Uri BaseUri { get; }

    /// <summary>For set-up calls (tokens, devices); the sender has its own client.</summary>
    public HttpClient Http { get; }

    public ProcessSampler Sampler { get; }

    public int Pid => _process.Pid;

    public bool HasExited => _process.HasExited;

    public string Tail => _process.Tail;

    public static string FindHostDll(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"no host at {given}");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Varta.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Varta.Host", "bin", "Release", "net10.0", "Varta.Host.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: run `dotnet build -c Release src/Varta.Host` first");
            }
        }

        throw new FileNotFoundException("cannot find the repository (Varta.slnx) above the tool; pass --host-dll");
    }

    public static async Task<VartaHost> StartAsync(string hostDll, string provider, string connectionString, string folder, IEnumerable<string> extraEnv, CancellationToken ct)
    {
        var port = ChildProcess.FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        info.ArgumentList.Add(hostDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Urls"] = baseUri.ToString().TrimEnd('/');
        info.Environment["Database__Provider"] = provider;
        info.Environment["Database__ConnectionString"] = connectionString;
        info.Environment["Demo__Seed"] = "true";
        info.Environment["Audit__CheckpointKeyPath"] = Path.Combine(folder, "keys", "checkpoint.pem");
        info.Environment["Audit__CheckpointFolder"] = Path.Combine(folder, "audit-checkpoints");
        info.Environment["Auth__SigningKeyPath"] = Path.Combine(folder, "keys", "token.key");
        info.Environment["Alarms__SignalsPerSecondPerDevice"] = "100000";
        info.Environment["SignIn__AttemptsPerMinutePerAddress"] = "100000"; // one address signs in every console: a load, not an attack
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var kv in extraEnv)
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            info.Environment[kv[..eq]] = kv[(eq + 1)..];
        }

        var process = ChildProcess.Start("varta-host", info);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the host exited while starting:\n{process.Tail}");
                }

                try
                {
                    using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token);
                    if (ready.IsSuccessStatusCode)
                    {
                        return new VartaHost(process, baseUri, http, new ProcessSampler(process.Pid));
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(250, deadline.Token);
            }
        }
        catch
        {
            http.Dispose();
            await process.DisposeAsync();
            throw;
        }
    }

    public async Task<string> TokenAsync(string username, CancellationToken ct)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { username, password = Password }, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return response.IsSuccessStatusCode ? body.GetProperty("accessToken").GetString()! : throw new InvalidOperationException($"token for {username}: {(int)response.StatusCode} {body}");
    }

    /// <summary>A fixed duress button in the demo court (which the demo dispatcher's consoles watch); returns its secret.</summary>
    public async Task<string> CreateDeviceAsync(string adminToken, string name, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/alarms/devices", UriKind.Relative))
        {
            Content = JsonContent.Create(new { siteId = DemoCourt, kind = "fixed-button", name, heartbeatSeconds = 86_400 }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await Http.SendAsync(request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return response.IsSuccessStatusCode ? body.GetProperty("secret").GetString()! : throw new InvalidOperationException($"create device: {(int)response.StatusCode} {body}");
    }

    public async ValueTask DisposeAsync()
    {
        await Sampler.DisposeAsync();
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
