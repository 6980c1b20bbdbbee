using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Varta.Custody.Benchmarks;

namespace Varta.Community.Benchmarks;

internal sealed record CommunityCounts(long Territories, long Hromadas, long Oblasts, long PopulationCells, long Responses, long Answers, long RespondentCells,
    long QuestionCells, long AnswerCells, string Size);

internal sealed record CommunityPlan(string Operation, string Sql, int Calls, double MeanMs, string Plan);

internal sealed record CommunityResult(string Database, string Server, CommunityGeneration? Generation, CommunityCounts Counts, IReadOnlyList<OperationResult> Operations,
    IReadOnlyList<string> Checks, IReadOnlyList<CommunityPlan> Plans, TimeSpan Took);

/// <summary>One database: start it, migrate and seed through the host, generate once, restart the host, measure, explain.</summary>
internal sealed class CommunityRun(CommunityBenchOptions options, string workDir, Action<string> log)
{
    private const string DatabaseName = "varta_community_bench";
    public const double TargetMs = 200;
    public const string Reference = "reference: one response by primary key";
    public const string Oblast = "results: one question, one oblast";
    public const string National = "results: one question, whole country";

    public async Task<CommunityResult> RunAsync(string database)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.Combine(workDir, database);
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, "dataset.done");
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
                await using var c = new SqliteConnection("Data Source=:memory:");
                await c.OpenAsync();
                await using var v = c.CreateCommand();
                v.CommandText = "select sqlite_version()";
                server = $"SQLite {await v.ExecuteScalarAsync()} (Microsoft.Data.Sqlite), file {path}, WAL, synchronous=FULL (the platform's pragmas)";
            }
            else
            {
                pg = await PostgresServer.StartAsync(workDir);
                exists = await pg.DatabaseExistsAsync(DatabaseName);
                provider = "Postgres";
                cs = pg.ConnectionStringFor(DatabaseName);
                server = $"PostgreSQL {pg.Version}, {pg.Description}";
            }

            log($"[{database}] {server}");
            var sql = new Sql(provider, cs);
            var profiler = new SqlProfiler();
            CommunityGeneration? generation = null;
            var complete = exists && File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == options.DatasetKey;
            if (!complete)
            {
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

                var sw = Stopwatch.StartNew();
                await using (var first = new BenchHost(provider, cs, folder, profiler))
                {
                    first.StartServer();
                }

                ClearPools();
                log($"[{database}] migrations and demo seed through the host: {sw.Elapsed.TotalSeconds:F1}s");
                var root = (await sql.QueryAsync("SELECT \"Id\" FROM platform_org_units WHERE \"ParentId\" IS NULL ORDER BY \"Code\"", r => Sql.ReadGuid(r, 0)))[0];
                generation = await new CommunityDataset(options, log).GenerateAsync(provider, cs, root);
                await File.WriteAllTextAsync(marker, options.DatasetKey + "\n");
                log($"[{database}] generation took {generation.Total.TotalSeconds:F0}s");
            }
            else
            {
                log($"[{database}] reusing the dataset already in {folder}");
            }

            ClearPools();
            await using var host = new BenchHost(provider, cs, folder, profiler);
            host.StartServer();
            var probe = new ResultsProbe(host.Services);
            profiler.Http = probe.Context;
            var surveyLiteral = sql.IsSqlite ? $"'{SqliteTarget.Guid(CommunityDataset.SurveyId)}'" : $"'{CommunityDataset.SurveyId}'";
            var unit = (await sql.QueryAsync($"SELECT \"UnitId\" FROM community_surveys WHERE \"Id\" = {surveyLiteral}", r => Sql.ReadGuid(r, 0)))[0];
            var coordinator = ResultsProbe.Coordinator(unit);
            var counts = await CountAsync(sql, folder);
            log($"[{database}] dataset: {counts.Hromadas:N0} hromadas in {counts.Oblasts} oblasts, {counts.PopulationCells:N0} population cells, {counts.Responses:N0} responses, " +
                $"{counts.Answers:N0} answer rows; count tables {counts.RespondentCells:N0} + {counts.QuestionCells:N0} + {counts.AnswerCells:N0} rows; {counts.Size}");

            var rng = new Random(options.Seed + 7);
            var step = Math.Max(1, options.Responses / 2000);
            var ids = await sql.QueryAsync(
                $"SELECT \"Id\" FROM community_responses WHERE \"SurveyId\" = {surveyLiteral} ORDER BY \"ClientId\" LIMIT 2000", r => Sql.ReadGuid(r, 0));
            var oblasts = Enumerable.Range(1, options.Oblasts).Select(CommunityDataset.OblastCode).ToArray();
            var choiceQuestions = CommunityForm.Questions.Skip(2).Where(q => !q.Multiple).Select(q => q.Name).ToArray();
            var multiple = CommunityForm.Questions.First(q => q.Multiple).Name;

            // What the results say, once each (and that they answer at all).
            var checks = new List<string>();
            foreach (var (question, area) in new[] { ("q02", oblasts[0]), ("q02", CommunityDataset.Country), (multiple, CommunityDataset.Country) })
            {
                var (ms, respondents, summary) = await probe.ResultsAsync(coordinator, CommunityDataset.SurveyId, question, area);
                var line = $"{question} over {area}: {respondents:N0} respondents, {summary} (first call {ms:F0} ms)";
                checks.Add(line);
                log($"[{database}] {line}");
            }

            var operations = new List<(string Name, string Request, Func<int, Task<double>> Call)>
            {
                (Reference, "VartaDbContext.FindAsync(SurveyResponse, id) in a fresh scope; a random one of 2,000 response ids",
                    i => probe.FindResponseAsync(ids[rng.Next(ids.Count)])),
                (Oblast, "SurveyService.ResultsAsync(coordinator, survey, {random select_one question}, {random oblast})",
                    async i => (await probe.ResultsAsync(coordinator, CommunityDataset.SurveyId, choiceQuestions[rng.Next(choiceQuestions.Length)], oblasts[rng.Next(oblasts.Length)])).Ms),
                (National, "SurveyService.ResultsAsync(coordinator, survey, {random select_one question}, the survey's territory = the country)",
                    async i => (await probe.ResultsAsync(coordinator, CommunityDataset.SurveyId, choiceQuestions[rng.Next(choiceQuestions.Length)], CommunityDataset.Country)).Ms),
            };

            var results = new List<OperationResult>();
            log($"[{database}] {options.Samples} samples per operation after {options.Warmup} warm-up, one at a time");
            foreach (var (name, request, call) in operations)
            {
                for (var i = 0; i < options.Warmup; i++)
                {
                    await call(-1);
                }

                var times = new double[options.Samples];
                var load = Measure.LoadAverage();
                using var self = Process.GetCurrentProcess();
                var cpu = self.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < options.Samples; i++)
                {
                    times[i] = await call(i);
                }

                wall.Stop();
                self.Refresh();
                Array.Sort(times);
                var result = new OperationResult(name, request, name == Reference ? double.NaN : TargetMs, times, wall.Elapsed, 1,
                    (self.TotalProcessorTime - cpu).TotalMilliseconds / options.Samples, load);
                results.Add(result);
                log($"  {name,-42} p50 {result.P50,8:F2} ms  p99 {result.P99,8:F2} ms  max {result.Max,8:F1} ms  cpu {result.CpuMsPerRequest:F1} ms/call  load {load}");
            }

            // The profiling pass: one call of each results operation with its SQL kept for EXPLAIN.
            profiler.Reset();
            profiler.Enabled = true;
            foreach (var (name, question, area) in new[] { (Oblast, "q02", oblasts[0]), (National, "q02", CommunityDataset.Country) })
            {
                probe.Context.Begin(name);
                await probe.ResultsAsync(coordinator, CommunityDataset.SurveyId, question, area);
                probe.Context.End();
            }

            profiler.Enabled = false;
            var plans = await ExplainAsync(sql, profiler);
            return new CommunityResult(database, server, generation, counts, results, checks, plans, total.Elapsed);
        }
        finally
        {
            ClearPools();
            if (pg is not null)
            {
                await pg.DisposeAsync();
            }
        }
    }

    private static void ClearPools()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<CommunityCounts> CountAsync(Sql sql, string folder)
    {
        var size = sql.IsSqlite
            ? $"{Directory.GetFiles(folder, "varta.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:N0} MiB on disk (database file and WAL)"
            : (await sql.QueryAsync("SELECT pg_size_pretty(pg_database_size(current_database()))", r => r.GetString(0)))[0] + " (pg_database_size)";
        return new CommunityCounts(
            await sql.CountAsync("SELECT COUNT(*) FROM community_territories"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_territories WHERE \"Level\" = 'hromada'"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_territories WHERE \"Level\" = 'oblast'"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_population"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_responses"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_answers"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_respondent_counts"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_question_counts"),
            await sql.CountAsync("SELECT COUNT(*) FROM community_answer_counts"),
            size);
    }

    /// <summary>The plan of each read of the community tables the profiled calls sent, with the parameters they used.</summary>
    private static async Task<List<CommunityPlan>> ExplainAsync(Sql sql, SqlProfiler profiler)
    {
        var result = new List<CommunityPlan>();
        await using var connection = sql.Connect();
        await connection.OpenAsync();
        foreach (var ((op, text), statement) in profiler.Statements.OrderBy(s => s.Key.Op, StringComparer.Ordinal).ThenByDescending(s => s.Value.TotalMs))
        {
            var trimmed = text.TrimStart();
            if (op == "(background)" || !(trimmed.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)) || !trimmed.Contains("community_", StringComparison.Ordinal))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = (sql.IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + text;
            command.CommandTimeout = 0;
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
                    if (sql.IsSqlite)
                    {
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

            result.Add(new CommunityPlan(op, Regex.Replace(text, @"\s+", " ").Trim(), statement.Count, statement.TotalMs / Math.Max(1, statement.Count), plan.ToString().TrimEnd()));
        }

        return result;
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
