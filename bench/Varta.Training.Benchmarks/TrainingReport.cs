using System.Globalization;
using System.Text;

namespace Varta.Training.Benchmarks;

/// <summary>The Markdown report: command, machine, dataset, a latency table per database, the SQL profile and the plans.</summary>
internal static class TrainingReport
{
    public static string Build(TrainingBenchOptions options, IReadOnlyList<(string What, string Value)> machine, IReadOnlyList<TrainingResult> results,
        DateTimeOffset started, TimeSpan took)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Training benchmark (issue 15), {started:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine(("dotnet run -c Release --project bench/Varta.Training.Benchmarks -- " + options.CommandLine).TrimEnd());
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine(inv, $"Whole run: {took.TotalMinutes:F1} min. Scale asked: {options.Learners:N0} learners × {options.CardsPerLearner:N0} studied cards, " +
            $"~{options.ReviewsPerLearner:N0} review-log rows each; {options.Courses} courses × {options.LessonsPerCourse} lessons × {options.CardsPerLesson} cards. " +
            $"{options.Samples} measured calls per operation after {options.Warmup} warm-up, one at a time, each in a fresh DI scope of the real host, " +
            $"a random learner per call. Target p99 ≤ {TrainingRun.TargetMs:F0} ms.");
        s.AppendLine();
        s.AppendLine("| machine | |");
        s.AppendLine("|---|---|");
        foreach (var (what, value) in machine)
        {
            s.AppendLine(inv, $"| {what} | {value} |");
        }

        foreach (var r in results)
        {
            var c = r.Counts;
            s.AppendLine();
            s.AppendLine(inv, $"## {r.Database}: {r.Server}");
            s.AppendLine();
            s.AppendLine(inv, $"Dataset as measured: {c.Learners:N0} learners; {c.Courses} generated courses with {c.SharedCards:N0} shared cards (the shipped courses' included), " +
                $"{c.MistakeCards:N0} mistake cards; {c.Reads:N0} lesson reads; **{c.Memory:N0} card-memory rows** ({c.DueNow:N0} due at the start of the measurement); " +
                $"**{c.Log:N0} review-log rows**; {c.Settings:N0} learners with settings; {c.Size}. The host's clock reads the dataset's time, " +
                $"{r.DataNow:yyyy-MM-dd HH:mm:ss} UTC, plus the time since its start.");
            s.AppendLine();
            if (r.Generation is { } g)
            {
                s.AppendLine(inv, $"Generation: **{g.Total.TotalSeconds:F0} s** ({string.Join("; ", g.Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:F1} s"))}); " +
                    $"migrations, demo seed and shipped courses through the host before it: {r.FirstStart.TotalSeconds:F1} s.");
                s.AppendLine();
                s.AppendLine(inv, $"Shape at generation: {g.Shape}.");
            }
            else
            {
                s.AppendLine("Generation: reused an existing dataset (--work-dir with --keep), not timed in this run.");
            }

            s.AppendLine();
            s.AppendLine(inv, $"Host start on the generated data: {r.HostStart.TotalSeconds:F1} s; idle host: {r.IdleCpuPercent:F1} % of one core. Database run took {r.Took.TotalMinutes:F1} min.");
            s.AppendLine();
            var reference = r.Operations.FirstOrDefault(o => double.IsNaN(o.TargetP99Ms));
            s.AppendLine("| operation | call | p50 ms | p90 ms | p99 ms | max ms | mean ms | ops/s | CPU ms/op | p50 ÷ reference | load avg | target p99 | met |");
            s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var o in r.Operations)
            {
                var ratio = reference is null ? "–" : (o.P50 / reference.P50).ToString("F1", inv) + "×";
                var target = double.IsNaN(o.TargetP99Ms) ? "–" : $"≤ {o.TargetP99Ms:F0} ms";
                var met = o.Met switch { true => "yes", false => "**no**", null => "–" };
                s.AppendLine(inv, $"| {o.Name} | `{o.Request}` | {o.P50:F2} | {o.P90:F2} | {o.P99:F2} | {o.Max:F1} | {o.Mean:F2} | {o.Throughput:F0} | {o.CpuMsPerRequest:F2} | {ratio} | {o.LoadAverage} | {target} | {met} |");
            }

            s.AppendLine();
            s.AppendLine("CPU ms/op: CPU time of this whole process (host, EF Core, SQLite's engine on SQLite) per measured call; the PostgreSQL server's CPU is not in it. " +
                "load avg: /proc/loadavg (1 min) when the operation started.");
            if (r.Splits.Count > 0)
            {
                s.AppendLine();
                s.AppendLine("The queue by the path the service took:");
                s.AppendLine();
                s.AppendLine("| path | samples | p50 ms | p90 ms | p99 ms | max ms |");
                s.AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var x in r.Splits)
                {
                    s.AppendLine(inv, $"| {x.Path} | {x.Samples} | {x.P50:F2} | {x.P90:F2} | {x.P99:F2} | {x.Max:F1} |");
                }

                s.AppendLine();
                s.AppendLine(r.Sampled);
            }

            s.AppendLine();
            s.AppendLine("SQL per call (profiling pass; database time as EF Core sees it, commits included):");
            s.AppendLine();
            s.AppendLine("| operation | calls | SQL commands / call | database ms / call |");
            s.AppendLine("|---|---:|---:|---:|");
            foreach (var p in r.Profile)
            {
                s.AppendLine(inv, $"| {p.Operation} | {p.Calls} | {p.CommandsPerCall:F1} | {p.DbMsPerCall:F2} |");
            }

            s.AppendLine();
            s.AppendLine("<details><summary>Statements of each operation, most database time first</summary>");
            s.AppendLine();
            s.AppendLine("| operation | statement | per call | mean ms | max ms |");
            s.AppendLine("|---|---|---:|---:|---:|");
            foreach (var p in r.Profile)
            {
                foreach (var t in p.Top)
                {
                    s.AppendLine(inv, $"| {p.Operation} | `{t.Sql.Replace("|", "\\|", StringComparison.Ordinal)}` | {t.PerCall:F2} | {t.MeanMs:F2} | {t.MaxMs:F1} |");
                }
            }

            s.AppendLine();
            s.AppendLine("</details>");
            s.AppendLine();
            s.AppendLine("<details><summary>Query plans of the training reads the profiled calls sent</summary>");
            s.AppendLine();
            foreach (var p in r.Plans)
            {
                s.AppendLine(inv, $"**{p.Operation}** — {p.Calls} calls, {p.MeanMs:F2} ms mean");
                s.AppendLine();
                s.AppendLine("```sql");
                s.AppendLine(p.Sql.Trim());
                s.AppendLine("```");
                s.AppendLine("```");
                s.AppendLine(p.Plan);
                s.AppendLine("```");
                s.AppendLine();
            }

            s.AppendLine("</details>");
        }

        return s.ToString();
    }
}
