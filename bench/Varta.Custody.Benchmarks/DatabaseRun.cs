using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Varta.Platform.Demo;

namespace Varta.Custody.Benchmarks;

internal sealed record DatasetCounts(long Facilities, long Cells, long Persons, long Records, long OpenRecords, long Entries, long OverdueNow, string Size,
    long ReviewItems, long OpenReviewItems);

internal sealed record ProfileRow(string Operation, int Requests, double CommandsPerRequest, double DbMsPerRequest, IReadOnlyList<StatementRow> Top);

internal sealed record StatementRow(string Sql, double PerRequest, double MeanMs, double MaxMs);

internal sealed record PlanText(string Operation, string Sql, int Calls, double MeanMs, string Plan);

internal sealed record DatabaseResult(
    string Database,
    string Server,
    GenerationResult? Generation,
    TimeSpan FirstStart,
    TimeSpan MeasuredHostStart,
    DatasetCounts Before,
    DatasetCounts After,
    IReadOnlyList<OperationResult> Operations,
    IReadOnlyList<ProfileRow> Profile,
    IReadOnlyList<PlanText> Plans,
    long AuditRows,
    double IdleCpuPercent,
    TimeSpan Took);

/// <summary>One database: start it, migrate and seed through the host, generate, restart the host, measure, profile, explain.</summary>
internal sealed class DatabaseRun(BenchOptions options, string workDir, Action<string> log)
{
    private const string DatabaseName = "varta_custody_bench";
    private readonly Random _pick = new(options.Seed + 1);

    public async Task<DatabaseResult> RunAsync(string database)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.Combine(workDir, database);
        Directory.CreateDirectory(folder);
        PostgresServer? pg = null;
        try
        {
            string provider, connectionString, server;
            bool exists;
            if (database == "sqlite")
            {
                var path = Path.Combine(folder, "varta.db");
                exists = File.Exists(path);
                provider = "Sqlite";
                connectionString = $"Data Source={path}";
                server = $"SQLite {SqliteVersion()} (Microsoft.Data.Sqlite, e_sqlite3), file {path}, WAL, synchronous=FULL (the platform's pragmas)";
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
                connectionString = pg.ConnectionStringFor(DatabaseName);
                server = $"PostgreSQL {pg.Version}, {pg.Description}";
            }

            log($"[{database}] {server}");
            var profiler = new SqlProfiler();
            var firstStart = TimeSpan.Zero;
            GenerationResult? generation = null;
            if (!exists || !await HasDatasetAsync(provider, connectionString))
            {
                if (exists)
                {
                    // A load that did not finish: start again from an empty database.
                    log($"[{database}] the database there holds no complete dataset; recreating it");
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
                await using (var first = new BenchHost(provider, connectionString, folder, profiler))
                {
                    first.StartServer();
                }

                ClearPools();
                firstStart = sw.Elapsed;
                log($"[{database}] migrations and demo seed through the host: {firstStart.TotalSeconds:F1}s");
                var generator = new DatasetGenerator(options, log);
                await using IBulkTarget target = provider == "Sqlite"
                    ? await SqliteTarget.OpenAsync(new SqliteConnectionStringBuilder(connectionString).DataSource)
                    : await PostgresTarget.OpenAsync(connectionString);
                generation = await generator.GenerateAsync(target);
                log($"[{database}] generation took {generation.Total.TotalSeconds:F0}s");
            }
            else
            {
                var released = await ExecuteAsync(provider, connectionString,
                    $"UPDATE custody_records SET \"Status\" = 'released', \"ClosedGrounds\" = 'no-grounds', \"ClosedAt\" = \"ArrivedAt\", \"CellId\" = NULL, \"NextCheckDue\" = NULL " +
                    $"WHERE \"Status\" = 'in-custody' AND \"RecordedBy\" <> 'bench.generator' AND \"FacilityId\" IN ({BenchFacilities})");
                log($"[{database}] reusing the dataset already in {folder}; closed {released} records that earlier runs booked in, so that boards are back to the generated size");
            }

            ClearPools();
            var before = await CountAsync(provider, connectionString, folder);
            log($"[{database}] dataset: {before.Facilities} facilities, {before.Records:N0} records ({before.OpenRecords:N0} open, {before.OverdueNow} overdue now), {before.Entries:N0} entries, {before.Size}");

            // A fresh host: the organisation directory is loaded at start, so it sees the generated facilities.
            var startWatch = Stopwatch.StartNew();
            await using var host = new BenchHost(provider, connectionString, folder, profiler);
            host.StartServer();
            var hostStart = startWatch.Elapsed;
            profiler.Http = host.Services.GetRequiredService<IHttpContextAccessor>();
            await host.EnsureUserAsync("bench.officer", Varta.Platform.Identity.Roles.CustodyOfficer, DemoData.Country);
            await host.EnsureUserAsync("bench.head", Varta.Platform.Identity.Roles.UnitHead, DemoData.Country);
            using var officer = await host.ClientForAsync("bench.officer", DemoData.Password);
            using var head = await host.ClientForAsync("bench.head", DemoData.Password);

            var ids = await IdsAsync(provider, connectionString);

            // A rights inspector over the first generated region (as the demo one is over Kyiv's). The role asks for a
            // second factor at sign-in; the benchmark user is exempted directly in SQL, as the demo accounts are, so that
            // it can take a token with its password alone.
            await host.EnsureUserAsync("bench.inspector", Varta.Platform.Identity.Roles.RightsInspector, ids.InspectorRegion);
            await ExecuteAsync(provider, connectionString, "UPDATE platform_users SET \"TwoFactorExempt\" = TRUE WHERE \"UserName\" = 'bench.inspector'");
            using var inspector = await host.ClientForAsync("bench.inspector", DemoData.Password);
            log($"[{database}] inspector over {DatasetGenerator.InspectorRegionCode}: {ids.RegionOpenItems:N0} open review items in the region ({before.OpenReviewItems:N0} of {before.ReviewItems:N0} nationally); " +
                $"report month {ids.ReportFrom}..{ids.ReportTo}; PDF of record {ids.LongRecord} ({ids.LongRecordEntries} entries)");

            // Let the start-up work finish first (the alert scanner's first pass raises alerts for every open record;
            // tiered JIT), then note what the host burns on its own with no request at all.
            using var self = Process.GetCurrentProcess();
            double idlePercent;
            var settle = Stopwatch.StartNew();
            do
            {
                self.Refresh();
                var idleCpu = self.TotalProcessorTime;
                var idleWall = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromSeconds(5));
                self.Refresh();
                idlePercent = (self.TotalProcessorTime - idleCpu).TotalMilliseconds / idleWall.Elapsed.TotalMilliseconds * 100;
            }
            while (idlePercent > 10 && settle.Elapsed < TimeSpan.FromSeconds(90));

            log($"[{database}] idle host: {idlePercent:F1}% of one core (after {settle.Elapsed.TotalSeconds:F0}s settling)");
            log($"[{database}] host started in {hostStart.TotalSeconds:F1}s; measuring {options.Samples} samples per operation after {options.Warmup} warm-up requests, concurrency {options.Concurrency}");

            var operations = Operations(ids).Where(o => options.Ops.Count == 0 || options.Ops.Contains(o.Key)).ToList();
            var results = new List<OperationResult>();
            foreach (var op in operations)
            {
                results.Add(await Measure.RunAsync(op.Name, op.Request, op.TargetMs, options.Warmup, options.Samples, options.Concurrency,
                    op.Build, op.Inspector ? inspector : op.Reader ? (op.Head ? head : officer) : officer, op.Expected, log));
            }

            // The profiling pass: the same requests again, a few, with the SQL counted per request.
            profiler.Reset();
            profiler.Enabled = true;
            foreach (var op in operations)
            {
                var client = op.Inspector ? inspector : op.Head ? head : officer;
                for (var i = 0; i < options.ProfileSamples; i++)
                {
                    using var message = op.Build(i);
                    message.Headers.Add(SqlProfiler.Header, op.Name);
                    await Measure.SendAsync(client, message, op.Expected, op.Name);
                }
            }

            profiler.Enabled = false;
            var profile = operations.Select(op =>
            {
                var requests = profiler.Requests.GetValueOrDefault(op.Name);
                var n = requests?.Count ?? 0;
                var statements = profiler.Statements.Where(s => s.Key.Op == op.Name).Select(s => s.Value).ToList();
                var top = profiler.Statements.Where(s => s.Key.Op == op.Name).OrderByDescending(s => s.Value.TotalMs).Take(8)
                    .Select(s => new StatementRow(Shorten(s.Key.Sql), n == 0 ? 0 : s.Value.Count / (double)n, s.Value.TotalMs / s.Value.Count, s.Value.MaxMs))
                    .ToList();
                return new ProfileRow(op.Name, n, n == 0 ? 0 : statements.Sum(s => s.Count) / (double)n,
                    n == 0 ? 0 : statements.Sum(s => s.TotalMs) / n, top);
            }).ToList();
            var plans = await ExplainAsync(provider, connectionString, profiler);
            var after = await CountAsync(provider, connectionString, folder);
            var audit = await host.AuditRowsAsync();
            return new DatabaseResult(database, server, generation, firstStart, hostStart, before, after, results, profile, plans, audit, idlePercent, total.Elapsed);
        }
        finally
        {
            ClearPools();
            if (pg is not null)
            {
                if (!options.Keep && !pg.External)
                {
                    // The cluster folder is removed with the work folder.
                }
                else if (!options.Keep)
                {
                    await pg.ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
                }

                await pg.DisposeAsync();
            }
        }
    }

    /// <summary>A statement on one line, the column list elided: enough to tell which query it is.</summary>
    private static string Shorten(string sql)
    {
        var one = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
        var from = one.IndexOf(" FROM ", StringComparison.Ordinal);
        if (one.StartsWith("SELECT ", StringComparison.Ordinal) && from > 60)
        {
            one = "SELECT … " + one[(from + 1)..];
        }

        one = System.Text.RegularExpressions.Regex.Replace(one, @"^INSERT INTO (\S+) \(.*?\) VALUES .*$", "INSERT INTO $1 …");
        one = System.Text.RegularExpressions.Regex.Replace(one, @"^UPDATE (\S+) SET .*? WHERE", "UPDATE $1 SET … WHERE");
        return one.Length > 220 ? one[..220] + " …" : one;
    }

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    // ------------------------------------------------------------------------------------------------
    // Operations
    // ------------------------------------------------------------------------------------------------

    private sealed record Operation(string Key, string Name, string Request, double TargetMs, bool Reader, bool Head, HttpStatusCode Expected, Func<int, HttpRequestMessage> Build)
    {
        /// <summary>Sent as bench.inspector (rights inspector over <see cref="DatasetGenerator.InspectorRegionCode"/>).</summary>
        public bool Inspector { get; init; }
    }

    private sealed record Ids(Guid[] Facilities, Guid[] OpenRecords, Guid[] AnyRecords, Guid InspectorRegion, long RegionOpenItems,
        Guid LongRecord, long LongRecordEntries, string ReportFrom, string ReportTo);

    private T Pick<T>(T[] items)
    {
        lock (_pick)
        {
            return items[_pick.Next(items.Length)];
        }
    }

    private int Next(int max)
    {
        lock (_pick)
        {
            return _pick.Next(max);
        }
    }

    private static string Now(int minutesAgo = 0) =>
        TimeProvider.System.GetUtcNow().AddMinutes(-minutesAgo).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private List<Operation> Operations(Ids ids) =>
    [
        new("board", "facility board", "GET /api/v1/custody/board?facilityId={random facility}", 20, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/custody/board?facilityId={Pick(ids.Facilities)}")),
        new("view-open", "record view (open record)", "GET /api/v1/custody/records/{random open record}", 20, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/custody/records/{Pick(ids.OpenRecords)}")),
        new("view-any", "record view (any record)", "GET /api/v1/custody/records/{random record of all}", 20, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/custody/records/{Pick(ids.AnyRecords)}")),
        new("overdue", "overdue now (national)", "GET /api/v1/custody/overdue (unit head, country scope; limit 200)", double.NaN, true, true, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/custody/overdue")),
        new("append", "entry append (welfare check)", "POST /api/v1/custody/records/{random open record}/entries", 10, false, false, HttpStatusCode.Created,
            _ => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/custody/records/{Pick(ids.OpenRecords)}/entries")
            {
                Content = JsonContent.Create(new { type = "welfare-check", occurredAt = Now(), condition = "awake-well", roused = true, checkedBy = "Bench" }),
            }),
        new("book-in", "booking-in", "POST /api/v1/custody/records (new person, random facility)", double.NaN, false, false, HttpStatusCode.Created,
            _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/custody/records") { Content = JsonContent.Create(BookIn(ids)) }),
        new("oversight-queue", "oversight queue (region, open)", $"GET /api/v1/oversight/queue?status=open&limit=200 (rights inspector, {DatasetGenerator.InspectorRegionCode})", 100, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/oversight/queue?status=open&limit=200")) { Inspector = true },
        new("oversight-report", "oversight report (region, month)", $"GET /api/v1/oversight/reports?unit={{{DatasetGenerator.InspectorRegionCode}}}&from={ids.ReportFrom}&to={ids.ReportTo}", 100, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/oversight/reports?unit={ids.InspectorRegion}&from={ids.ReportFrom}&to={ids.ReportTo}")) { Inspector = true },
        new("oversight-pdf", $"oversight PDF ({ids.LongRecordEntries} entries)", $"GET /api/v1/oversight/records/{{record with {ids.LongRecordEntries} entries}}/pdf", 300, true, false, HttpStatusCode.OK,
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/oversight/records/{ids.LongRecord}/pdf")) { Inspector = true },
    ];

    private object BookIn(Ids ids)
    {
        var n = Next(1_000_000);
        return new
        {
            facilityId = Pick(ids.Facilities),
            person = new
            {
                surname = "Тестенко" + (n % 997), givenName = "Бенч" + (n % 89), patronymic = "Іванович",
                dateOfBirth = new DateOnly(1960, 1, 1).AddDays(n % 16000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                sex = "male", citizenship = "Україна", preferredLanguage = "українська", interpreterNeeded = false,
            },
            legalBasis = "cpc-208",
            detainedAt = Now(70),
            detentionPlace = "м. Київ, вул. Вигадана, 1",
            arrivedAt = Now(30),
            detainingOfficer = "Бенч Поліцейський",
        };
    }

    // ------------------------------------------------------------------------------------------------
    // Direct SQL: the ids to pick from, counts, plans
    // ------------------------------------------------------------------------------------------------

    private static DbConnection Connect(string provider, string connectionString) =>
        provider == "Sqlite" ? new SqliteConnection(connectionString + ";Pooling=False") : new NpgsqlConnection(connectionString);

    private static async Task<List<T>> QueryAsync<T>(string provider, string connectionString, string sql, Func<DbDataReader, T> read)
    {
        await using var connection = Connect(provider, connectionString);
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

    private static async Task<int> ExecuteAsync(string provider, string connectionString, string sql)
    {
        await using var connection = Connect(provider, connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync();
    }

    private static Guid ReadGuid(DbDataReader r, int i) => r.GetFieldType(i) == typeof(Guid) ? r.GetGuid(i) : Guid.Parse(r.GetString(i));

    private static async Task<bool> HasDatasetAsync(string provider, string connectionString)
    {
        try
        {
            var n = await QueryAsync(provider, connectionString,
                $"SELECT COUNT(*) FROM platform_org_units WHERE \"Code\" LIKE '{DatasetGenerator.FacilityCodePrefix}%'", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            var entries = await QueryAsync(provider, connectionString, "SELECT COUNT(*) FROM (SELECT 1 FROM custody_entries LIMIT 1000) x",
                r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            return n[0] > 0 && entries[0] >= 1000;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private const string BenchFacilities = $"SELECT \"Id\" FROM platform_org_units WHERE \"Code\" LIKE '{DatasetGenerator.FacilityCodePrefix}%'";

    private async Task<Ids> IdsAsync(string provider, string connectionString)
    {
        var facilities = await QueryAsync(provider, connectionString, BenchFacilities, r => ReadGuid(r, 0));
        var open = await QueryAsync(provider, connectionString,
            $"SELECT \"Id\" FROM custody_records WHERE \"Status\" = 'in-custody' AND \"FacilityId\" IN ({BenchFacilities}) AND \"RecordedBy\" = 'bench.generator'",
            r => ReadGuid(r, 0));
        var random = provider == "Sqlite" ? "random()" : "random()";
        var any = await QueryAsync(provider, connectionString,
            $"SELECT \"Id\" FROM custody_records WHERE \"RecordedBy\" = 'bench.generator' ORDER BY {random} LIMIT 20000", r => ReadGuid(r, 0));
        var region = (await QueryAsync(provider, connectionString,
            $"SELECT \"Id\" FROM platform_org_units WHERE \"Code\" = '{DatasetGenerator.InspectorRegionCode}'", r => ReadGuid(r, 0)))[0];
        var regionFacilities = $"SELECT f.\"Id\" FROM platform_org_units f JOIN platform_org_units u ON u.\"Id\" = f.\"ParentId\" WHERE u.\"ParentId\" = '{GuidLiteral(provider, region)}'";
        var regionOpen = (await QueryAsync(provider, connectionString,
            $"SELECT COUNT(*) FROM oversight_review_items WHERE \"Status\" = 'open' AND \"FacilityId\" IN ({regionFacilities})",
            r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)))[0];
        var longest = (await QueryAsync(provider, connectionString,
            $"SELECT \"Id\", \"EntryCount\" FROM custody_records WHERE \"FacilityId\" IN ({regionFacilities}) ORDER BY \"EntryCount\" DESC LIMIT 1",
            r => (Id: ReadGuid(r, 0), Entries: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture))))[0];

        // The report: the last whole Kyiv month but one before today, well inside the generated three years.
        var kyiv = Varta.Platform.Localization.KyivTime.ToKyiv(TimeProvider.System.GetUtcNow());
        var first = new DateOnly(kyiv.Year, kyiv.Month, 1).AddMonths(-2);
        var last = first.AddMonths(1).AddDays(-1);
        return new Ids(facilities.ToArray(), open.ToArray(), any.ToArray(), region, regionOpen, longest.Id, longest.Entries,
            first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A Guid as the provider stores it (SQLite: upper-case TEXT, as EF Core writes it).</summary>
    private static string GuidLiteral(string provider, Guid id) => provider == "Sqlite" ? id.ToString().ToUpperInvariant() : id.ToString();

    private static async Task<long> CountOrZeroAsync(string provider, string connectionString, string sql)
    {
        try
        {
            return (await QueryAsync(provider, connectionString, sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)))[0];
        }
        catch (DbException)
        {
            return 0;
        }
    }

    private static async Task<DatasetCounts> CountAsync(string provider, string connectionString, string folder)
    {
        async Task<long> Count(string sql) => (await QueryAsync(provider, connectionString, sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)))[0];
        var now = provider == "Sqlite"
            ? $"'{SqliteTarget.Timestamp(TimeProvider.System.GetUtcNow().UtcDateTime)}'"
            : "now()";
        var size = provider == "Sqlite"
            ? $"{Directory.GetFiles(folder, "varta.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:N0} MiB on disk (database file and WAL)"
            : (await QueryAsync(provider, connectionString, "SELECT pg_size_pretty(pg_database_size(current_database()))", r => r.GetString(0)))[0] + " (pg_database_size)";
        return new DatasetCounts(
            await Count($"SELECT COUNT(*) FROM platform_org_units WHERE \"SiteKind\" = 'detention-facility'"),
            await Count("SELECT COUNT(*) FROM custody_cells"),
            await Count("SELECT COUNT(*) FROM custody_persons"),
            await Count("SELECT COUNT(*) FROM custody_records"),
            await Count("SELECT COUNT(*) FROM custody_records WHERE \"Status\" = 'in-custody'"),
            await Count("SELECT COUNT(*) FROM custody_entries"),
            await Count($"SELECT COUNT(*) FROM custody_records WHERE \"Status\" = 'in-custody' AND (\"NextCheckDue\" < {now} OR \"CourtDeadline\" < {now} OR \"MaxDeadline\" < {now})"),
            size,
            await CountOrZeroAsync(provider, connectionString, "SELECT COUNT(*) FROM oversight_review_items"),
            await CountOrZeroAsync(provider, connectionString, "SELECT COUNT(*) FROM oversight_review_items WHERE \"Status\" = 'open'"));
    }

    /// <summary>The plan of each distinct query the profiled requests sent (reads only), with the parameters they used.</summary>
    private async Task<List<PlanText>> ExplainAsync(string provider, string connectionString, SqlProfiler profiler)
    {
        var result = new List<PlanText>();
        await using var connection = Connect(provider, connectionString);
        await connection.OpenAsync();
        foreach (var ((op, sql), statement) in profiler.Statements.OrderBy(s => s.Key.Op, StringComparer.Ordinal).ThenByDescending(s => s.Value.TotalMs))
        {
            var trimmed = sql.TrimStart();
            if (!trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("pg_advisory", StringComparison.Ordinal) || op == "(background)")
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
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    plan.AppendLine(provider == "Sqlite" ? $"{reader.GetValue(0)}|{reader.GetValue(1)}: {reader.GetString(3)}" : reader.GetString(0));
                }
            }
            catch (DbException e)
            {
                plan.AppendLine("(could not explain: " + e.Message + ")");
            }

            result.Add(new PlanText(op, sql, statement.Count, statement.TotalMs / Math.Max(1, statement.Count), SqliteTree(provider, plan.ToString())));
        }

        return result;
    }

    /// <summary>SQLite's plan rows (id|parent: detail) as an indented tree.</summary>
    private static string SqliteTree(string provider, string plan)
    {
        if (provider != "Sqlite")
        {
            return plan.TrimEnd();
        }

        var rows = plan.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var bar = l.IndexOf('|', StringComparison.Ordinal);
            var colon = l.IndexOf(": ", StringComparison.Ordinal);
            return bar < 0 || colon < 0 ? (Id: -1, Parent: -1, Detail: l.Trim()) : (Id: int.Parse(l[..bar], CultureInfo.InvariantCulture),
                Parent: int.Parse(l[(bar + 1)..colon], CultureInfo.InvariantCulture), Detail: l[(colon + 2)..].Trim());
        }).ToList();
        var depth = new Dictionary<int, int> { [0] = -1 };
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var d = depth.GetValueOrDefault(row.Parent, -1) + 1;
            depth[row.Id] = d;
            text.Append(' ', d * 2).AppendLine(row.Detail);
        }

        return text.ToString().TrimEnd();
    }
}
