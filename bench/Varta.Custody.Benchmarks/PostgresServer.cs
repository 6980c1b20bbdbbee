using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Varta.Custody.Benchmarks;

/// <summary>
/// A PostgreSQL server for the benchmark: the one in VARTA_BENCH_POSTGRES, or a throwaway cluster started like
/// .ci/run does (initdb and pg_ctl from /usr/lib/postgresql/*/bin, as the postgres user when we are root,
/// loopback only, a free port). Durability is left at PostgreSQL's defaults (fsync, synchronous_commit on), so
/// that write latencies compare fairly with SQLite's synchronous=FULL.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private const string PasswordFile = "bench-password";
    private readonly string? _dataDir;
    private readonly string? _binDir;
    private bool _started;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir, string description)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
        Description = description;
    }

    /// <summary>A connection string to the "postgres" database, for CREATE/DROP DATABASE.</summary>
    public string AdminConnectionString { get; }

    public string Description { get; }

    public string Version { get; private set; } = "";

    public bool External => _dataDir is null;

    public static async Task<PostgresServer> StartAsync(string workDir)
    {
        if (Environment.GetEnvironmentVariable("VARTA_BENCH_POSTGRES") is { Length: > 0 } external)
        {
            var server = new PostgresServer(external, null, null, "external server from VARTA_BENCH_POSTGRES");
            await server.ReadVersionAsync();
            return server;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql/*/bin (apt-get install postgresql) and VARTA_BENCH_POSTGRES is not set.");
        }

        var root = Path.Combine(workDir, "pg");
        var data = Path.Combine(root, "data");
        var passwordPath = Path.Combine(root, PasswordFile);
        var fresh = !File.Exists(Path.Combine(data, "PG_VERSION"));
        string password;
        if (fresh)
        {
            Directory.CreateDirectory(root);
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await File.WriteAllTextAsync(passwordPath, password + "\n");
            var pwfile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(pwfile, password + "\n");
            if (IsRoot)
            {
                // The postgres user must reach the folder; the cluster itself stays private to it.
                Chmod(workDir, "755");
                await RunAsync("chown", ["-R", "postgres:postgres", root]);
            }

            Chmod(root, "700");
            await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "--username=postgres", $"--pwfile={pwfile}",
                "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"]);
            File.Delete(pwfile);
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), $"""

                # --- Varta custody benchmark: throwaway cluster, loopback only. Durability at the defaults. ---
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{root}'
                max_connections = 200
                shared_buffers = 2GB
                effective_cache_size = 12GB
                maintenance_work_mem = 512MB
                work_mem = 16MB
                max_wal_size = 8GB
                checkpoint_timeout = 30min
                timezone = 'UTC'
                log_min_messages = warning
                log_min_error_statement = error

                """);
        }
        else
        {
            password = (await File.ReadAllTextAsync(passwordPath)).Trim();
        }

        var port = FreePort();
        var log = Path.Combine(root, "postgres.log");
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["start", "-D", data, "-l", log, "-w", "-t", "120", "-o", $"-p {port}"]);
        var cs = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Password = password, Database = "postgres",
        }.ConnectionString;
        var started = new PostgresServer(cs, data, bin, $"throwaway cluster in {data}, 127.0.0.1:{port}") { _started = true };
        await started.ReadVersionAsync();
        return started;
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 100 }.ConnectionString;

    public async Task<bool> DatabaseExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    public async Task ExecuteAdminAsync(string sql)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task ReadVersionAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        Version = (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started && _dataDir is not null && _binDir is not null)
        {
            _started = false;
            try
            {
                await RunAsPostgresAsync(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", _dataDir, "-m", "fast", "-w", "-t", "60"]);
            }
            catch (InvalidOperationException)
            {
                await RunAsPostgresAsync(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", _dataDir, "-m", "immediate", "-w", "-t", "30"]);
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Chmod(string path, string mode)
    {
        using var p = Process.Start(new ProcessStartInfo("chmod", [mode, path]) { UseShellExecute = false })!;
        p.WaitForExit();
    }

    private static Task RunAsPostgresAsync(string program, IEnumerable<string> args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program, args)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }
}
