using System.Security.Cryptography;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1, set up the way .ci/run does it (initdb as the postgres user in a
/// private temporary folder, password auth over TCP), stopped and removed on dispose. Durable by default (fsync on,
/// synchronous_commit on): an alarm is acknowledged only once stored, so the benchmark pays for it like production.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private bool _started;

    private PostgresCluster(string bin, string dir)
    {
        _bin = bin;
        _dir = dir;
    }

    public string ServerConnectionString { get; private set; } = "";

    public string Version { get; private set; } = "";

    public string Settings { get; private set; } = "";

    public static async Task<PostgresCluster> StartAsync(bool fast, CancellationToken ct)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("no PostgreSQL under /usr/lib/postgresql/*/bin: `apt-get install -y postgresql`, or pass --pg CONNSTRING");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("a throwaway cluster needs root (initdb runs as the postgres user); pass --pg CONNSTRING instead");
        }

        var dir = Directory.CreateTempSubdirectory("varta-load-pg.").FullName;
        var cluster = new PostgresCluster(bin, dir);
        try
        {
            await cluster.InitAsync(fast, ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task InitAsync(bool fast, CancellationToken ct)
    {
        await MustAsync("chown", ["postgres:postgres", _dir]);
        await MustAsync("chmod", ["700", _dir]);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var pwfile = Path.Combine(_dir, "pwfile");
        await File.WriteAllTextAsync(pwfile, password + "\n", ct);
        await MustAsync("chown", ["postgres:postgres", pwfile]);
        await MustAsync("chmod", ["600", pwfile]);
        await AsPostgresAsync(Path.Combine(_bin, "initdb"), ["-D", Path.Combine(_dir, "data"), "--username=postgres", $"--pwfile={pwfile}",
            "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"], TimeSpan.FromMinutes(3));
        File.Delete(pwfile);

        Settings = fast
            ? "fsync=off, synchronous_commit=off, full_page_writes=off (like CI)"
            : "fsync=on, synchronous_commit=on (defaults: durable)";
        var conf = $"""

            # --- Varta alarm load tool: throwaway cluster, loopback only ---
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_dir}'
            max_connections = 300
            timezone = 'UTC'
            log_min_messages = warning
            {(fast ? "fsync = off\nsynchronous_commit = off\nfull_page_writes = off" : "")}
            """;
        await File.AppendAllTextAsync(Path.Combine(_dir, "data", "postgresql.conf"), conf, ct);

        Exception? last = null;
        for (var attempt = 0; attempt < 5 && !_started; attempt++)
        {
            var port = ChildProcess.FreePort();
            try
            {
                await AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["start", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "postgres.log"),
                    "-w", "-t", "60", "-o", $"-p {port}"], TimeSpan.FromSeconds(90));
                _started = true;
                ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres";
            }
            catch (InvalidOperationException e)
            {
                last = e;
            }
        }

        if (!_started)
        {
            throw new InvalidOperationException("PostgreSQL did not start", last);
        }

        var (_, version) = await ChildProcess.RunAsync(Path.Combine(_bin, "postgres"), ["--version"], TimeSpan.FromSeconds(30));
        Version = version.Trim();
    }

    private static async Task MustAsync(string file, string[] args)
    {
        var (code, output) = await ChildProcess.RunAsync(file, args, TimeSpan.FromSeconds(30));
        if (code != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {output}");
        }
    }

    private static async Task AsPostgresAsync(string file, string[] args, TimeSpan timeout)
    {
        var (code, output) = await ChildProcess.RunAsync("runuser", ["-u", "postgres", "--", file, .. args], timeout);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({code}): {output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            try
            {
                await AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "-t", "60"], TimeSpan.FromSeconds(90));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                await AsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "-t", "30"], TimeSpan.FromSeconds(60));
            }

            _started = false;
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
