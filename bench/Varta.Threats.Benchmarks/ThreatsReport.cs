using System.Globalization;
using System.Text;

namespace Varta.Threats.Benchmarks;

/// <summary>The Markdown report: command, machine, dataset, a latency table per database, the SQL profile and the plans.</summary>
internal static class ThreatsReport
{
    public static string Build(ThreatsBenchOptions options, IReadOnlyList<(string What, string Value)> machine, IReadOnlyList<ThreatsResult> results,
        DateTimeOffset started, TimeSpan took)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Threats benchmark (issue 14), {started:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine(("dotnet run -c Release --project bench/Varta.Threats.Benchmarks -- " + options.CommandLine).TrimEnd());
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine(inv, $"Whole run: {took.TotalMinutes:F1} min. Scale asked: {options.Units} court-security units × {options.CourtsPerUnit} courts, " +
            $"{options.Cases:N0} cases × ~{options.EventsPerCase} timeline lines. {options.Samples} measured requests per operation after {options.Warmup} warm-up, " +
            $"concurrency {options.Concurrency}, as `bench.analyst` (threat analyst over {ThreatsDataset.AnalystUnitCode}). Target p99 ≤ 50 ms.");
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
            s.AppendLine(inv, $"Dataset as measured: {c.Courts} court buildings, {c.Cases:N0} cases ({c.OpenCases:N0} open, {c.OverdueNow:N0} overdue now), " +
                $"{c.Events:N0} timeline lines, {c.Reports:N0} reports, {c.Persons:N0} protected persons, {c.Assessments:N0} assessments ({c.PendingReviews:N0} waiting for review), " +
                $"{c.Measures:N0} measures, {c.Sources:N0} sources; {c.Size}. The analyst's unit: {c.UnitCourts} courts, {c.UnitCases:N0} cases, {c.UnitOpen:N0} open, " +
                $"{c.UnitOverdue:N0} overdue, {c.MineOpen:N0} open cases assigned to the analyst.");
            s.AppendLine();
            s.AppendLine(r.Generation is { } g
                ? string.Create(inv, $"Generation: **{g.Total.TotalSeconds:F0} s** ({string.Join(", ", g.Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:F1} s"))}); migrations and demo seed through the host before it: {r.FirstStart.TotalSeconds:F1} s.")
                : "Generation: reused an existing dataset (--work-dir with --keep), not timed in this run.");
            s.AppendLine();
            s.AppendLine(inv, $"Host start on the generated data: {r.HostStart.TotalSeconds:F1} s; idle host: {r.IdleCpuPercent:F1} % of one core. Database run took {r.Took.TotalMinutes:F1} min.");
            s.AppendLine();
            s.AppendLine("| operation | request | p50 ms | p90 ms | p99 ms | max ms | mean ms | req/s | CPU ms/req | load avg | target p99 | met |");
            s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var o in r.Operations)
            {
                s.AppendLine(inv, $"| {o.Name} | `{o.Request}` | {o.P50:F2} | {o.P90:F2} | {o.P99:F2} | {o.Max:F1} | {o.Mean:F2} | {o.Throughput:F0} | {o.CpuMsPerRequest:F2} | {o.LoadAverage} | ≤ {o.TargetP99Ms:F0} ms | {(o.Met == true ? "yes" : "**no**")} |");
            }

            s.AppendLine();
            s.AppendLine("CPU ms/req: CPU time of this whole process (client, TestServer, host, SQLite's engine) per measured request; the PostgreSQL server's CPU is not in it. " +
                "load avg: /proc/loadavg (1 min) when the operation started.");
            s.AppendLine();
            s.AppendLine("SQL per request (profiling pass; database time as EF Core sees it, commits included):");
            s.AppendLine();
            s.AppendLine("| operation | requests | SQL commands / request | database ms / request |");
            s.AppendLine("|---|---:|---:|---:|");
            foreach (var p in r.Profile)
            {
                s.AppendLine(inv, $"| {p.Operation} | {p.Requests} | {p.CommandsPerRequest:F1} | {p.DbMsPerRequest:F2} |");
            }

            s.AppendLine();
            s.AppendLine("<details><summary>Statements of each operation, most database time first</summary>");
            s.AppendLine();
            s.AppendLine("| operation | statement | per request | mean ms | max ms |");
            s.AppendLine("|---|---|---:|---:|---:|");
            foreach (var p in r.Profile)
            {
                foreach (var t in p.Top)
                {
                    s.AppendLine(inv, $"| {p.Operation} | `{t.Sql.Replace("|", "\\|", StringComparison.Ordinal)}` | {t.PerRequest:F2} | {t.MeanMs:F2} | {t.MaxMs:F1} |");
                }
            }

            s.AppendLine();
            s.AppendLine("</details>");
            s.AppendLine();
            s.AppendLine("<details><summary>Query plans of the threats reads the profiled requests sent</summary>");
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
