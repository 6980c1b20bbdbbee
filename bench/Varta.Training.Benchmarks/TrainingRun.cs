using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Varta.Custody.Benchmarks;

namespace Varta.Training.Benchmarks;

internal sealed record TrainingCounts(long Learners, long Courses, long SharedCards, long MistakeCards, long Reads, long Memory, long Log, long Settings,
    long DueNow, string Size);

/// <summary>Queue latencies split by the path the service took.</summary>
internal sealed record QueueSplit(string Path, int Samples, double P50, double P90, double P99, double Max);

internal sealed record TrainingProfile(string Operation, int Calls, double CommandsPerCall, double DbMsPerCall, IReadOnlyList<(string Sql, double PerCall, double MeanMs, double MaxMs)> Top);

internal sealed record TrainingPlan(string Operation, string Sql, int Calls, double MeanMs, string Plan);

internal sealed record TrainingResult(string Database, string Server, TrainingGeneration? Generation, DateTime DataNow, TimeSpan FirstStart, TimeSpan HostStart,
    TrainingCounts Counts, IReadOnlyList<OperationResult> Operations, IReadOnlyList<QueueSplit> Splits, string Sampled, IReadOnlyList<TrainingProfile> Profile,
    IReadOnlyList<TrainingPlan> Plans, double IdleCpuPercent, TimeSpan Took);

/// <summary>The host's clock moved to the dataset's "now": a kept dataset measured days later still has today's due cards.</summary>
internal sealed class ShiftedClock(TimeSpan shift, DateTimeOffset? stopped = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => stopped ?? System.GetUtcNow() + shift;
}

/// <summary>One database: start it, migrate and seed through the host, generate, start a fresh host, measure, profile, explain.</summary>
internal sealed class TrainingRun(TrainingBenchOptions options, string workDir, Action<string> log)
{
    public const double TargetMs = 10;
    public const int Take = 20;
    private const string DatabaseName = "varta_training_bench";
    private const string MarkerFile = "training-dataset.txt";
    private readonly Random _pick = new(options.Seed + 1);

    public async Task<TrainingResult> RunAsync(string database)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.Combine(workDir, database);
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, MarkerFile);
        PostgresServer? pg = null;
        try
        {
            string provider, cs, server, sqlitePath = Path.Combine(folder, "varta.db");
            bool exists;
            if (database == "sqlite")
            {
                exists = File.Exists(sqlitePath);
                provider = "Sqlite";
                cs = $"Data Source={sqlitePath}";
                server = $"SQLite {await ScalarAsync("Sqlite", "Data Source=:memory:", "select sqlite_version()")} (Microsoft.Data.Sqlite), file {sqlitePath}, WAL, synchronous=FULL (the platform's pragmas)";
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
            TrainingGeneration? generation = null;
            var kept = File.Exists(marker) ? File.ReadAllLines(marker) : [];
            DateTime dataNow;
            if (exists && kept.Length >= 2 && kept[0] == options.Scale && await HasDatasetAsync(provider, cs))
            {
                dataNow = DateTime.Parse(kept[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                log($"[{database}] reusing the dataset in {folder} ({options.Scale}), generated for {dataNow:yyyy-MM-dd HH:mm:ss} UTC");
            }
            else
            {
                if (exists)
                {
                    log($"[{database}] no complete dataset of this scale there; starting from an empty database");
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

                File.Delete(marker);
                var sw = Stopwatch.StartNew();
                await using (var first = new BenchHost(provider, cs, folder, profiler))
                {
                    first.StartServer();
                }

                ClearPools();
                firstStart = sw.Elapsed;
                log($"[{database}] migrations, demo seed and shipped courses through the host: {firstStart.TotalSeconds:F1}s");
                using (ILoadTarget target = provider == "Sqlite" ? new SqliteLoad(sqlitePath) : new PostgresLoad(cs))
                {
                    generation = new TrainingDataset(options, log).Generate(target);
                }

                dataNow = generation.Now;
                await File.WriteAllLinesAsync(marker, [options.Scale, dataNow.ToString("O", CultureInfo.InvariantCulture)]);
                log($"[{database}] generation took {generation.Total.TotalSeconds:F0}s");
            }

            ClearPools();

            // A fresh host whose clock reads the dataset's "now" (plus the time since this start).
            var clock = new ShiftedClock(dataNow - TimeProvider.System.GetUtcNow().UtcDateTime,
                options.DumpQueues is null ? null : new DateTimeOffset(dataNow.AddMinutes(1), TimeSpan.Zero));
            var startWatch = Stopwatch.StartNew();
            await using var host = new BenchHost(provider, cs, folder, profiler);
            var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
            var services = factory.Services;
            var hostStart = startWatch.Elapsed;
            var probe = new StudyProbe(services);
            profiler.Http = probe.Context;

            var learners = (await QueryAsync(provider, cs, "SELECT DISTINCT \"UserId\" FROM training_lesson_reads", r => ReadGuid(r, 0))).ToArray();
            var counts = await CountAsync(provider, cs, folder, clock.GetUtcNow().UtcDateTime, learners.Length);
            log($"[{database}] dataset: {counts.Learners:N0} learners, {counts.SharedCards:N0} shared cards in {counts.Courses} generated courses, {counts.MistakeCards:N0} mistake cards, " +
                $"{counts.Reads:N0} lesson reads, {counts.Memory:N0} card-memory rows ({counts.DueNow:N0} due now), {counts.Log:N0} review-log rows, {counts.Settings:N0} settings; {counts.Size}");

            if (options.DumpQueues is { } dump)
            {
                await DumpAsync(probe, learners, $"{dump}.{database}");
                return new TrainingResult(database, server, generation, dataNow, firstStart, hostStart, counts, [], [], "", [], [], 0, total.Elapsed);
            }

            var idlePercent = await SettleAsync();
            log($"[{database}] host started in {hostStart.TotalSeconds:F1}s; idle {idlePercent:F1}% of one core; {options.Samples} samples per operation after {options.Warmup} warm-up");

            var results = new List<OperationResult>();
            var splits = new List<QueueSplit>();
            var sampled = "";
            var want = (string op) => options.Ops.Count == 0 || options.Ops.Contains(op);
            List<Candidate> candidates = [];
            if (want("review"))
            {
                var sw = Stopwatch.StartNew();
                candidates = await CandidatesAsync(probe, learners, options.Warmup + options.Samples + options.ProfileSamples);
                log($"[{database}] {candidates.Count:N0} cards to grade taken from the queues of {candidates.Select(c => c.Learner).Distinct().Count():N0} learners ({sw.Elapsed.TotalSeconds:F1}s, not measured)");
            }

            if (want("pk"))
            {
                results.Add(await LoopAsync("reference: primary-key lookup", "StudyService.SettingsOfAsync(learner): training_learner_settings by its key", double.NaN,
                    _ => probe.SettingsAsync(Pick(learners))));
            }

            if (want("queue"))
            {
                var views = new QueueView[options.Samples];
                var raw = new double[options.Samples];
                var queue = await LoopAsync("due queue (take 20)", "StudyService.QueueAsync(learner, take: 20)", TargetMs, async i =>
                {
                    var (ms, view) = await probe.QueueAsync(StudyProbe.Learner(Pick(learners)), Take);
                    if (i >= 0)
                    {
                        views[i] = view;
                    }

                    return ms;
                }, raw);
                results.Add(queue);
                (splits, sampled) = Split(raw, views);
                foreach (var s in splits)
                {
                    log($"  {s.Path,-60} {s.Samples,5} samples  p50 {s.P50,7:F2} ms  p99 {s.P99,7:F2} ms");
                }
            }

            var next = 0;
            if (want("review"))
            {
                results.Add(await LoopAsync("grade one review", "StudyService.ReviewAsync(learner, card, {rating, version}) of the first cards of the learner's queue", TargetMs,
                    _ =>
                    {
                        var c = candidates[next++];
                        return probe.ReviewAsync(StudyProbe.Learner(c.Learner), c.Card, c.Rating, c.Version);
                    }));
            }

            // The profiling pass: the same calls again, with the SQL counted per call and kept for EXPLAIN.
            profiler.Reset();
            profiler.Enabled = true;
            for (var i = 0; i < options.ProfileSamples; i++)
            {
                if (want("pk"))
                {
                    probe.Context.Begin("pk");
                    await probe.SettingsAsync(Pick(learners));
                }

                if (want("queue"))
                {
                    probe.Context.Begin("queue");
                    await probe.QueueAsync(StudyProbe.Learner(Pick(learners)), Take);
                }

                if (want("review") && next < candidates.Count)
                {
                    var c = candidates[next++];
                    probe.Context.Begin("review");
                    await probe.ReviewAsync(StudyProbe.Learner(c.Learner), c.Card, c.Rating, c.Version);
                }
            }

            probe.Context.End();
            profiler.Enabled = false;
            var profile = profiler.Requests.Keys.Order(StringComparer.Ordinal).Select(op =>
            {
                var n = profiler.Requests[op].Count;
                var statements = profiler.Statements.Where(s => s.Key.Op == op).ToList();
                var top = statements.OrderByDescending(s => s.Value.TotalMs).Take(8)
                    .Select(s => (Sql.Shorten(s.Key.Sql), s.Value.Count / (double)n, s.Value.TotalMs / s.Value.Count, s.Value.MaxMs)).ToList();
                return new TrainingProfile(op, n, statements.Sum(s => s.Value.Count) / (double)n, statements.Sum(s => s.Value.TotalMs) / n, top);
            }).ToList();
            var plans = await ExplainAsync(provider, cs, profiler);
            return new TrainingResult(database, server, generation, dataNow, firstStart, hostStart, counts, results, splits, sampled, profile, plans, idlePercent, total.Elapsed);
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
    // Measurement
    // ------------------------------------------------------------------------------------------------

    private sealed record Candidate(Guid Learner, Guid Card, int Version, int Rating);

    private Guid Pick(Guid[] learners) => learners[_pick.Next(learners.Length)];

    /// <summary>Warm-up calls (index below zero), then the measured ones, one at a time; CPU time of the whole process per measured call.</summary>
    private async Task<OperationResult> LoopAsync(string name, string call, double target, Func<int, Task<double>> once, double[]? unsorted = null)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await once(-1 - i);
        }

        var times = new double[options.Samples];
        var load = Measure.LoadAverage();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = await once(i);
        }

        wall.Stop();
        self.Refresh();
        var cpuPerCall = (self.TotalProcessorTime - cpu).TotalMilliseconds / times.Length;
        if (unsorted is not null)
        {
            Array.Copy(times, unsorted, times.Length);
        }

        Array.Sort(times);
        var result = new OperationResult(name, call, target, times, wall.Elapsed, 1, cpuPerCall, load);
        log($"  {name,-32} p50 {result.P50,7:F2} ms  p99 {result.P99,7:F2} ms  max {result.Max,7:F1} ms  {result.Throughput,6:F0} ops/s  cpu {cpuPerCall:F2} ms/op  load {load}");
        return result;
    }

    /// <summary>
    /// The cards the review operation grades: the first cards of the queues of learners taken in random order, each
    /// card once, with the version the queue showed — what a learner grades after opening the review page. Taken before
    /// the measurement (unmeasured), several per learner only when there are fewer learners than reviews to make.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(StudyProbe probe, Guid[] learners, int needed)
    {
        var order = learners.OrderBy(_ => _pick.Next()).ToArray();
        var perLearner = Math.Max(1, (int)Math.Ceiling(needed * 1.3 / learners.Length));
        var result = new List<Candidate>(needed);
        foreach (var learner in order)
        {
            var (_, queue) = await probe.QueueAsync(StudyProbe.Learner(learner), Take);
            foreach (var (card, version, _) in queue.Cards.Take(perLearner))
            {
                var u = _pick.NextDouble();
                result.Add(new Candidate(learner, card, version, u < 0.10 ? 1 : u < 0.25 ? 2 : u < 0.90 ? 3 : 4));
            }

            if (result.Count >= needed)
            {
                break;
            }
        }

        return result.Count >= needed ? result : throw new InvalidOperationException($"only {result.Count} cards to grade in every learner's queue, {needed} needed");
    }

    /// <summary>The queue's latencies by the path the service took, and what the sampled learners' queues looked like.</summary>
    private static (List<QueueSplit>, string) Split(double[] times, QueueView[] views)
    {
        var splits = new List<QueueSplit>();
        foreach (var (path, newCards) in new[]
                 {
                     ("20 due cards fit the day's room: due count and page only", false),
                     ("fewer: the new-card queries over the deck run too", true),
                 })
        {
            var picked = times.Where((_, i) => views[i].NewCardPath(Take) == newCards).Order().ToArray();
            if (picked.Length > 0)
            {
                var r = new OperationResult(path, "", double.NaN, picked, TimeSpan.FromMilliseconds(picked.Sum()), 1, 0, "");
                splits.Add(new QueueSplit(path, picked.Length, r.P50, r.P90, r.P99, r.Max));
            }
        }

        int Median(IEnumerable<int> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var sampled = string.Create(CultureInfo.InvariantCulture,
            $"Sampled learners' queues: due now median {Median(views.Select(v => v.DueNow))} (p90 {views.Select(v => v.DueNow).Order().ElementAt(views.Length * 9 / 10)}, " +
            $"{views.Count(v => v.DueNow >= Take) * 100.0 / views.Length:F0} % with {Take} or more), new cards available median {Median(views.Select(v => v.NewAvailable))}, " +
            $"reviewed today mean {views.Average(v => v.ReviewedToday):F1}, cards returned mean {views.Average(v => v.Cards.Count):F1}; " +
            $"{views.Count(v => v.NewCardPath(Take)) * 100.0 / views.Length:F0} % of the calls took the new-card path.");
        return (splits, sampled);
    }

    /// <summary>Every learner's queue, one line each: due now, new available, reviewed today, then the cards (id:version:phase); then one review each.</summary>
    private async Task DumpAsync(StudyProbe probe, Guid[] learners, string path)
    {
        var lines = new List<string>(learners.Length);
        foreach (var learner in learners.Order())
        {
            var (_, q) = await probe.QueueAsync(StudyProbe.Learner(learner), Take);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{learner} due={q.DueNow} new={q.NewAvailable} today={q.ReviewedToday} limit={q.DailyLimit} {string.Join(',', q.Cards.Select(c => $"{c.CardId}:{c.Version}:{c.Phase}"))}"));
        }

        // Then the first card of each queue graded (the rating cycles through 1–4), as the clock stands still: the same
        // build on the same data gives the same lines, so two builds can be compared (on two copies of the data).
        var n = 0;
        foreach (var learner in learners.Order())
        {
            var (_, q) = await probe.QueueAsync(StudyProbe.Learner(learner), Take);
            if (q.Cards.Count > 0)
            {
                var rating = n++ % 4 + 1;
                var (_, result) = await probe.GradeAsync(StudyProbe.Learner(learner), q.Cards[0].CardId, rating, q.Cards[0].Version);
                lines.Add($"{learner} graded {q.Cards[0].CardId} {rating}: {result}");
            }
        }

        await File.WriteAllLinesAsync(path, lines);
        log($"queues of {learners.Length:N0} learners and {n:N0} reviews written to {path}");
    }

    /// <summary>Lets start-up work settle (tiered JIT, background services), then notes what the idle host burns.</summary>
    private static async Task<double> SettleAsync()
    {
        using var self = Process.GetCurrentProcess();
        double idle;
        var settle = Stopwatch.StartNew();
        do
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(3));
            self.Refresh();
            idle = (self.TotalProcessorTime - cpu).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
        }
        while (idle > 10 && settle.Elapsed < TimeSpan.FromSeconds(60));

        return idle;
    }

    // ------------------------------------------------------------------------------------------------
    // Direct SQL
    // ------------------------------------------------------------------------------------------------

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static DbConnection Connect(string provider, string cs) =>
        provider == "Sqlite" ? new SqliteConnection(cs + ";Pooling=False") : new NpgsqlConnection(cs);

    private static async Task<string> ScalarAsync(string provider, string cs, string sql) =>
        (await QueryAsync(provider, cs, sql, r => Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture) ?? ""))[0];

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

    private static Guid ReadGuid(DbDataReader r, int i) => r.GetFieldType(i) == typeof(Guid) ? r.GetGuid(i) : Guid.Parse(r.GetString(i));

    private static async Task<bool> HasDatasetAsync(string provider, string cs)
    {
        try
        {
            var courses = await ScalarAsync(provider, cs, $"SELECT COUNT(*) FROM training_courses WHERE \"Key\" = '{TrainingDataset.DraftCourseKey}'");
            var memory = await ScalarAsync(provider, cs, "SELECT COUNT(*) FROM (SELECT 1 FROM training_card_memory LIMIT 10) x");
            return courses == "1" && memory == "10";
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<TrainingCounts> CountAsync(string provider, string cs, string folder, DateTime now, int learners)
    {
        async Task<long> Count(string sql) => long.Parse(await ScalarAsync(provider, cs, sql), CultureInfo.InvariantCulture);
        var nowLiteral = provider == "Sqlite"
            ? $"'{now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)}'"
            : $"'{now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)}+00'";
        var size = provider == "Sqlite"
            ? $"{Directory.GetFiles(folder, "varta.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:N0} MiB on disk (database file and WAL)"
            : await ScalarAsync(provider, cs,
                "SELECT pg_size_pretty(pg_database_size(current_database())) || ' (pg_database_size; card memory ' || pg_size_pretty(pg_total_relation_size('training_card_memory')) " +
                "|| ', review log ' || pg_size_pretty(pg_total_relation_size('training_review_log')) || ' with their indexes)'");
        return new TrainingCounts(
            learners,
            await Count($"SELECT COUNT(*) FROM training_courses WHERE \"Key\" LIKE '{TrainingDataset.CourseKeyPrefix}%'"),
            await Count("SELECT COUNT(*) FROM training_cards WHERE \"OwnerUserId\" IS NULL"),
            await Count("SELECT COUNT(*) FROM training_cards WHERE \"OwnerUserId\" IS NOT NULL"),
            await Count("SELECT COUNT(*) FROM training_lesson_reads"),
            await Count("SELECT COUNT(*) FROM training_card_memory"),
            await Count("SELECT COUNT(*) FROM training_review_log"),
            await Count("SELECT COUNT(*) FROM training_learner_settings"),
            await Count($"SELECT COUNT(*) FROM training_card_memory WHERE \"DueAt\" <= {nowLiteral}"),
            size);
    }

    /// <summary>The plan of each distinct read the profiled calls sent, with the parameters one of them used.</summary>
    private static async Task<List<TrainingPlan>> ExplainAsync(string provider, string cs, SqlProfiler profiler)
    {
        var result = new List<TrainingPlan>();
        await using var connection = Connect(provider, cs);
        await connection.OpenAsync();
        foreach (var ((op, sql), statement) in profiler.Statements.OrderBy(s => s.Key.Op, StringComparer.Ordinal).ThenByDescending(s => s.Value.TotalMs))
        {
            var trimmed = sql.TrimStart();
            if (op == "(background)" || !trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || !trimmed.Contains("training_", StringComparison.Ordinal))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = (provider == "Sqlite" ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + sql;
            foreach (var p in statement.Parameters)
            {
                command.Parameters.Add(SqlProfiler.Clone(command, p));
            }

            result.Add(new TrainingPlan(op, sql, statement.Count, statement.TotalMs / Math.Max(1, statement.Count), await Sql.PlanAsync(command, provider)));
        }

        return result;
    }
}
