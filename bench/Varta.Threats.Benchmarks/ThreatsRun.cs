using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Varta.Custody.Benchmarks;
using Varta.Platform.Demo;
using Varta.Platform.Identity;

namespace Varta.Threats.Benchmarks;

internal sealed record ThreatsCounts(long Courts, long Cases, long OpenCases, long OverdueNow, long Events, long Reports, long Persons, long Assessments,
    long PendingReviews, long Measures, long Sources, long UnitCourts, long UnitCases, long UnitOpen, long UnitOverdue, long MineOpen, string Size);

internal sealed record ThreatsProfile(string Operation, int Requests, double CommandsPerRequest, double DbMsPerRequest, IReadOnlyList<(string Sql, double PerRequest, double MeanMs, double MaxMs)> Top);

internal sealed record ThreatsPlan(string Operation, string Sql, int Calls, double MeanMs, string Plan);

internal sealed record ThreatsResult(string Database, string Server, ThreatsGeneration? Generation, TimeSpan FirstStart, TimeSpan HostStart, ThreatsCounts Counts,
    IReadOnlyList<OperationResult> Operations, IReadOnlyList<ThreatsProfile> Profile, IReadOnlyList<ThreatsPlan> Plans, double IdleCpuPercent, TimeSpan Took);

/// <summary>One database: start it, migrate and seed through the host, generate, restart the host, measure, profile, explain.</summary>
internal sealed class ThreatsRun(ThreatsBenchOptions options, string workDir, Action<string> log)
{
    private const string DatabaseName = "varta_threats_bench";
    private const string Analyst = "bench.analyst";
    private const double TargetMs = 50;
    private static readonly string[] PriorityValues = ["imminent", "expedited", "standard"];
    private static readonly string[] RiskValues = ["low", "moderate", "high", "imminent"];
    private readonly Random _pick = new(options.Seed + 1);

    public async Task<ThreatsResult> RunAsync(string database)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.Combine(workDir, database);
        Directory.CreateDirectory(folder);
        PostgresServer? pg = null;
        try
        {
            string provider, cs, server;
            bool exists;
            if (database == "sqlite")
            {
                var path = Path.Combine(folder, "varta.db");
                exists = File.Exists(path);
                provider = "Sqlite";
                cs = $"Data Source={path}";
                server = $"SQLite {Scalar(new SqliteConnection("Data Source=:memory:"), "select sqlite_version()")} (Microsoft.Data.Sqlite), file {path}, WAL, synchronous=FULL (the platform's pragmas)";
            }
            else
            {
                pg = await PostgresServer.StartAsync(workDir);
                exists = await pg.DatabaseExistsAsync(DatabaseName);
                if (!exists)
                {
                    await pg.ExecuteAdminAsync($"CREATE DATABASE \"{DatabaseName}\"");
                }

                provider = "Postgres";
                cs = pg.ConnectionStringFor(DatabaseName);
                server = $"PostgreSQL {pg.Version}, {pg.Description}";
            }

            log($"[{database}] {server}");
            var profiler = new SqlProfiler();
            var firstStart = TimeSpan.Zero;
            ThreatsGeneration? generation = null;
            if (!exists || !await HasDatasetAsync(provider, cs))
            {
                if (exists)
                {
                    log($"[{database}] no complete dataset there; starting from an empty database");
                    ClearPools();
                    if (pg is not null)
                    {
                        await pg.ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
                        await pg.ExecuteAdminAsync($"CREATE DATABASE \"{DatabaseName}\"");
                    }
                    else
                    {
                        foreach (var file in Directory.GetFiles(folder, "varta.db*"))
                        {
                            File.Delete(file);
                        }
                    }
                }

                var sw = Stopwatch.StartNew();
                await using (var first = new BenchHost(provider, cs, folder, profiler))
                {
                    first.StartServer();
                }

                ClearPools();
                firstStart = sw.Elapsed;
                log($"[{database}] migrations and demo seed through the host: {firstStart.TotalSeconds:F1}s");
                var used = (await QueryAsync(provider, cs, "SELECT \"Year\", MAX(\"Sequence\") FROM threats_cases GROUP BY \"Year\"",
                    r => (Year: Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Max: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture))))
                    .ToDictionary(x => x.Year, x => x.Max);
                await using (IBulkTarget target = provider == "Sqlite"
                    ? await SqliteTarget.OpenAsync(new SqliteConnectionStringBuilder(cs).DataSource)
                    : await PostgresTarget.OpenAsync(cs))
                {
                    generation = await new ThreatsDataset(options, log).GenerateAsync(target, used);
                }

                if (provider == "Postgres")
                {
                    // The shared writer analyses custody's tables; these are the ones loaded here.
                    foreach (var table in new[] { "platform_org_units", "threats_sources", "threats_cases", "threats_reports", "threats_protected_persons",
                                 "threats_case_events", "threats_assessments", "threats_measures" })
                    {
                        await ExecuteAsync(provider, cs, $"VACUUM (ANALYZE) \"{table}\"");
                    }

                    log($"[{database}] VACUUM (ANALYZE) of the threats tables");
                }

                log($"[{database}] generation took {generation.Total.TotalSeconds:F0}s");
            }
            else
            {
                log($"[{database}] reusing the dataset already in {folder}");
            }

            ClearPools();

            // A fresh host: the organisation directory is loaded at start, so it sees the generated courts.
            var startWatch = Stopwatch.StartNew();
            await using var host = new BenchHost(provider, cs, folder, profiler);
            host.StartServer();
            var hostStart = startWatch.Elapsed;
            profiler.Http = host.Services.GetRequiredService<IHttpContextAccessor>();

            var unit = (await QueryAsync(provider, cs, $"SELECT \"Id\" FROM platform_org_units WHERE \"Code\" = '{ThreatsDataset.AnalystUnitCode}'", r => ReadGuid(r, 0)))[0];
            await host.EnsureUserAsync(Analyst, Roles.ThreatAnalyst, unit);

            // The analyst role asks for a second factor at sign-in: waived for the benchmark user in SQL, as for the demo
            // accounts. The generated cases of the unit's first analyst become the benchmark analyst's ("mine").
            await ExecuteAsync(provider, cs, $"UPDATE platform_users SET \"TwoFactorExempt\" = TRUE WHERE \"UserName\" = '{Analyst}'");
            var me = (await QueryAsync(provider, cs, $"SELECT \"Id\" FROM platform_users WHERE \"UserName\" = '{Analyst}'", r => ReadGuid(r, 0)))[0];
            var handed = await ExecuteAsync(provider, cs,
                $"UPDATE threats_cases SET \"AnalystUserId\" = {GuidLiteral(provider, me)}, \"AnalystName\" = 'Bench {Analyst}' WHERE \"AnalystUserId\" = {GuidLiteral(provider, ThreatsDataset.MineAnalyst)}");
            if (handed > 0)
            {
                log($"[{database}] {handed:N0} generated cases handed to {Analyst}");
            }

            using var analyst = await host.ClientForAsync(Analyst, DemoData.Password);
            var counts = await CountAsync(provider, cs, folder, unit, me);
            log($"[{database}] dataset: {counts.Courts} courts, {counts.Cases:N0} cases ({counts.OpenCases:N0} open, {counts.OverdueNow:N0} overdue now), {counts.Events:N0} timeline lines, " +
                $"{counts.Reports:N0} reports, {counts.Assessments:N0} assessments, {counts.Measures:N0} measures, {counts.Size}");
            log($"[{database}] analyst's unit {ThreatsDataset.AnalystUnitCode}: {counts.UnitCourts} courts, {counts.UnitCases:N0} cases, {counts.UnitOpen:N0} open, {counts.UnitOverdue:N0} overdue, {counts.MineOpen:N0} open of the analyst's");

            var numbers = (await QueryAsync(provider, cs,
                $"SELECT c.\"Number\" FROM threats_cases c JOIN platform_org_units s ON s.\"Id\" = c.\"CourtId\" WHERE s.\"ParentId\" = {GuidLiteral(provider, unit)}",
                r => r.GetString(0))).ToArray();

            // Let start-up work settle (tiered JIT, background services), then note what the idle host burns.
            using var self = Process.GetCurrentProcess();
            double idlePercent;
            var settle = Stopwatch.StartNew();
            do
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromSeconds(3));
                self.Refresh();
                idlePercent = (self.TotalProcessorTime - cpu).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
            }
            while (idlePercent > 10 && settle.Elapsed < TimeSpan.FromSeconds(60));

            log($"[{database}] host started in {hostStart.TotalSeconds:F1}s; idle {idlePercent:F1}% of one core; {options.Samples} samples per operation after {options.Warmup} warm-up");
            var operations = Operations(numbers).Where(o => options.Ops.Count == 0 || options.Ops.Contains(o.Key)).ToList();
            var results = new List<OperationResult>();
            foreach (var op in operations)
            {
                results.Add(await Measure.RunAsync(op.Name, op.Request, TargetMs, options.Warmup, options.Samples, options.Concurrency, op.Build, analyst,
                    HttpStatusCode.OK, log));
            }

            // The profiling pass: the same requests again, with the SQL counted per request and kept for EXPLAIN.
            profiler.Reset();
            profiler.Enabled = true;
            foreach (var op in operations)
            {
                for (var i = 0; i < options.ProfileSamples; i++)
                {
                    using var message = op.Build(i);
                    message.Headers.Add(SqlProfiler.Header, op.Name);
                    await Measure.SendAsync(analyst, message, HttpStatusCode.OK, op.Name);
                }
            }

            profiler.Enabled = false;
            var profile = operations.Select(op =>
            {
                var n = profiler.Requests.GetValueOrDefault(op.Name)?.Count ?? 0;
                var statements = profiler.Statements.Where(s => s.Key.Op == op.Name).ToList();
                var top = statements.OrderByDescending(s => s.Value.TotalMs).Take(8)
                    .Select(s => (Shorten(s.Key.Sql), n == 0 ? 0 : s.Value.Count / (double)n, s.Value.TotalMs / s.Value.Count, s.Value.MaxMs)).ToList();
                return new ThreatsProfile(op.Name, n, n == 0 ? 0 : statements.Sum(s => s.Value.Count) / (double)n,
                    n == 0 ? 0 : statements.Sum(s => s.Value.TotalMs) / n, top);
            }).ToList();
            var plans = await ExplainAsync(provider, cs, profiler);
            return new ThreatsResult(database, server, generation, firstStart, hostStart, counts, results, profile, plans, idlePercent, total.Elapsed);
        }
        finally
        {
            ClearPools();
            if (pg is not null)
            {
                if (!options.Keep && pg.External)
                {
                    await pg.ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
                }

                await pg.DisposeAsync();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Operations: what the cases page and the dashboard send for an analyst of one unit.
    // ------------------------------------------------------------------------------------------------

    private sealed record Operation(string Key, string Name, string Request, Func<int, HttpRequestMessage> Build);

    private string Pick(string[] items)
    {
        lock (_pick)
        {
            return items[_pick.Next(items.Length)];
        }
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private List<Operation> Operations(string[] numbers) =>
    [
        new("open", "list: open cases", "GET /api/v1/threats/cases?status=open", _ => Get("/api/v1/threats/cases?status=open")),
        new("overdue", "list: open and overdue", "GET /api/v1/threats/cases?status=open&overdue=true", _ => Get("/api/v1/threats/cases?status=open&overdue=true")),
        new("priority-risk", "list: open, priority and risk", "GET /api/v1/threats/cases?status=open&priority={random}&risk={random}",
            _ => Get($"/api/v1/threats/cases?status=open&priority={Pick(PriorityValues)}&risk={Pick(RiskValues)}")),
        new("search", "list: search by number (all statuses)", "GET /api/v1/threats/cases?q={random case number of the unit}",
            _ => Get($"/api/v1/threats/cases?q={Uri.EscapeDataString(Pick(numbers))}")),
        new("mine", "list: mine, open", "GET /api/v1/threats/cases?status=open&mine=true", _ => Get("/api/v1/threats/cases?status=open&mine=true")),
        new("dashboard", "dashboard", "GET /api/v1/threats/dashboard", _ => Get("/api/v1/threats/dashboard")),
    ];

    // ------------------------------------------------------------------------------------------------
    // Direct SQL
    // ------------------------------------------------------------------------------------------------

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static string Scalar(DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
    }

    private static DbConnection Connect(string provider, string cs) =>
        provider == "Sqlite" ? new SqliteConnection(cs + ";Pooling=False") : new NpgsqlConnection(cs);

    private static async Task<List<T>> QueryAsync<T>(string provider, string cs, string sql, Func<DbDataReader, T> read)
    {
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static async Task<int> ExecuteAsync(string provider, string cs, string sql)
    {
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync();
    }

    private static Guid ReadGuid(DbDataReader r, int i) => r.GetFieldType(i) == typeof(Guid) ? r.GetGuid(i) : Guid.Parse(r.GetString(i));

    /// <summary>A Guid as the provider stores it (SQLite: upper-case TEXT, as EF Core writes it).</summary>
    private static string GuidLiteral(string provider, Guid id) => provider == "Sqlite" ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private static async Task<bool> HasDatasetAsync(string provider, string cs)
    {
        try
        {
            var units = await QueryAsync(provider, cs, $"SELECT COUNT(*) FROM platform_org_units WHERE \"Code\" = '{ThreatsDataset.AnalystUnitCode}'",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            var measures = await QueryAsync(provider, cs, $"SELECT COUNT(*) FROM (SELECT 1 FROM threats_measures WHERE \"RecordedBy\" = '{ThreatsDataset.Generator}' LIMIT 10) x",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            return units[0] > 0 && measures[0] >= 10;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<ThreatsCounts> CountAsync(string provider, string cs, string folder, Guid unit, Guid me)
    {
        async Task<long> Count(string sql) => (await QueryAsync(provider, cs, sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)))[0];
        var now = provider == "Sqlite" ? $"'{SqliteTarget.Timestamp(TimeProvider.System.GetUtcNow().UtcDateTime)}'" : "now()";
        var overdue = $"\"Status\" <> 'closed' AND ((\"AssessedAt\" IS NULL AND \"DueAt\" < {now}) OR (\"MeasuresDueAt\" IS NOT NULL AND \"MeasuresStartedAt\" IS NULL AND \"MeasuresDueAt\" < {now}))";
        var unitCourts = $"SELECT \"Id\" FROM platform_org_units WHERE \"ParentId\" = {GuidLiteral(provider, unit)} AND \"SiteKind\" = 'court-building'";
        var size = provider == "Sqlite"
            ? $"{Directory.GetFiles(folder, "varta.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:N0} MiB on disk (database file and WAL)"
            : (await QueryAsync(provider, cs, "SELECT pg_size_pretty(pg_database_size(current_database()))", r => r.GetString(0)))[0] + " (pg_database_size)";
        return new ThreatsCounts(
            await Count("SELECT COUNT(*) FROM platform_org_units WHERE \"SiteKind\" = 'court-building'"),
            await Count("SELECT COUNT(*) FROM threats_cases"),
            await Count("SELECT COUNT(*) FROM threats_cases WHERE \"Status\" <> 'closed'"),
            await Count($"SELECT COUNT(*) FROM threats_cases WHERE {overdue}"),
            await Count("SELECT COUNT(*) FROM threats_case_events"),
            await Count("SELECT COUNT(*) FROM threats_reports"),
            await Count("SELECT COUNT(*) FROM threats_protected_persons"),
            await Count("SELECT COUNT(*) FROM threats_assessments"),
            await Count("SELECT COUNT(*) FROM threats_assessments WHERE \"Review\" = 'pending'"),
            await Count("SELECT COUNT(*) FROM threats_measures"),
            await Count("SELECT COUNT(*) FROM threats_sources"),
            await Count($"SELECT COUNT(*) FROM ({unitCourts}) x"),
            await Count($"SELECT COUNT(*) FROM threats_cases WHERE \"CourtId\" IN ({unitCourts})"),
            await Count($"SELECT COUNT(*) FROM threats_cases WHERE \"CourtId\" IN ({unitCourts}) AND \"Status\" <> 'closed'"),
            await Count($"SELECT COUNT(*) FROM threats_cases WHERE \"CourtId\" IN ({unitCourts}) AND {overdue}"),
            await Count($"SELECT COUNT(*) FROM threats_cases WHERE \"AnalystUserId\" = {GuidLiteral(provider, me)} AND \"Status\" <> 'closed'"),
            size);
    }

    /// <summary>A statement on one line, the column list elided: enough to tell which query it is.</summary>
    private static string Shorten(string sql)
    {
        var one = Regex.Replace(sql, @"\s+", " ").Trim();
        var from = one.IndexOf(" FROM ", StringComparison.Ordinal);
        if (one.StartsWith("SELECT ", StringComparison.Ordinal) && from > 60)
        {
            one = "SELECT … " + one[(from + 1)..];
        }

        one = Regex.Replace(one, @"^INSERT INTO (\S+) \(.*?\) VALUES .*$", "INSERT INTO $1 …");
        return one.Length > 260 ? one[..260] + " …" : one;
    }

    /// <summary>The plan of each distinct read the profiled requests sent, with the parameters one of them used.</summary>
    private static async Task<List<ThreatsPlan>> ExplainAsync(string provider, string cs, SqlProfiler profiler)
    {
        var result = new List<ThreatsPlan>();
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        foreach (var ((op, sql), statement) in profiler.Statements.OrderBy(s => s.Key.Op, StringComparer.Ordinal).ThenByDescending(s => s.Value.TotalMs))
        {
            var trimmed = sql.TrimStart();
            if (op == "(background)" || !trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || !trimmed.Contains("threats_", StringComparison.Ordinal))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = (provider == "Sqlite" ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + sql;
            foreach (var p in statement.Parameters)
            {
                command.Parameters.Add(SqlProfiler.Clone(command, p));
            }

            var plan = new StringBuilder();
            var depth = new Dictionary<long, int> { [0] = -1 };
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (provider == "Sqlite")
                    {
                        // id | parent | notused | detail, shown as an indented tree.
                        var d = depth.GetValueOrDefault(reader.GetInt64(1), -1) + 1;
                        depth[reader.GetInt64(0)] = d;
                        plan.Append(' ', d * 2).AppendLine(reader.GetString(3));
                    }
                    else
                    {
                        plan.AppendLine(reader.GetString(0));
                    }
                }
            }
            catch (DbException e)
            {
                plan.AppendLine("(could not explain: " + e.Message + ")");
            }

            result.Add(new ThreatsPlan(op, sql, statement.Count, statement.TotalMs / Math.Max(1, statement.Count), plan.ToString().TrimEnd()));
        }

        return result;
    }
}
