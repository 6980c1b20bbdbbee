using System.Globalization;
using System.Text;

namespace Varta.Custody.Benchmarks;

/// <summary>The Markdown report: command, machine, dataset and generation time, a latency table per database, SQL profile and plans.</summary>
internal static class Report
{
    public static string Build(BenchOptions options, IReadOnlyList<(string What, string Value)> machine, IReadOnlyList<DatabaseResult> results, DateTimeOffset started, TimeSpan took)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Custody benchmark, {started:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine(("dotnet run -c Release --project bench/Varta.Custody.Benchmarks -- " + options.CommandLine).TrimEnd());
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine(inv, $"Whole run: {took.TotalMinutes:F1} min. Scale asked: {options.Facilities} facilities, {options.Records:N0} records × {options.EntriesPerRecord} entries, " +
            $"{options.OpenPerFacility} open per facility, {options.CellsPerFacility} cells per facility. {options.Samples} measured requests per operation after {options.Warmup} warm-up, " +
            $"concurrency {options.Concurrency}.");
        s.AppendLine();
        s.AppendLine("| machine | |");
        s.AppendLine("|---|---|");
        foreach (var (what, value) in machine)
        {
            s.AppendLine(inv, $"| {what} | {value} |");
        }

        foreach (var r in results)
        {
            s.AppendLine();
            s.AppendLine(inv, $"## {r.Database}: {r.Server}");
            s.AppendLine();
            var d = r.Before;
            s.AppendLine(inv, $"Dataset as measured: {d.Facilities} detention facilities, {d.Cells:N0} cells, {d.Persons:N0} persons, {d.Records:N0} records " +
                $"({d.OpenRecords:N0} open, {d.OverdueNow:N0} of them overdue now), {d.Entries:N0} entries, {d.ReviewItems:N0} oversight review items ({d.OpenReviewItems:N0} open); {d.Size}.");
            if (r.Generation is { } g)
            {
                s.AppendLine();
                s.AppendLine(inv, $"Generation: **{g.Total.TotalSeconds:F0} s** ({string.Join(", ", g.Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:F1} s"))}); " +
                    $"before it, migrations and demo seed through the host took {r.FirstStart.TotalSeconds:F1} s.");
            }
            else
            {
                s.AppendLine();
                s.AppendLine("Generation: reused an existing dataset (--work-dir with --keep), not timed in this run.");
            }

            s.AppendLine();
            s.AppendLine(inv, $"Host restart on the generated data: {r.MeasuredHostStart.TotalSeconds:F1} s; idle host (no requests, 5 s): {r.IdleCpuPercent:F1} % of one core. Audit chain after the run: {r.AuditRows:N0} rows. " +
                $"After the run: {r.After.Records:N0} records ({r.After.OpenRecords:N0} open), {r.After.Entries:N0} entries.");
            s.AppendLine();
            s.AppendLine("| operation | request | p50 ms | p90 ms | p99 ms | max ms | mean ms | req/s | CPU ms/req | load avg | target p99 | met |");
            s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var o in r.Operations)
            {
                var target = double.IsNaN(o.TargetP99Ms) ? "—" : $"≤ {o.TargetP99Ms:F0} ms";
                var met = o.Met switch { true => "yes", false => "**no**", null => "—" };
                s.AppendLine(inv, $"| {o.Name} | `{o.Request}` | {o.P50:F2} | {o.P90:F2} | {o.P99:F2} | {o.Max:F1} | {o.Mean:F2} | {o.Throughput:F0} | {o.CpuMsPerRequest:F2} | {o.LoadAverage} | {target} | {met} |");
            }

            s.AppendLine();
            s.AppendLine("CPU ms/req: CPU time of this whole process (client, TestServer, host, its background services, GC) during the measured requests, divided by their number. " +
                "load avg: /proc/loadavg (1 min) when the operation started; above 2 the two cores were shared with other work.");
            s.AppendLine();
            s.AppendLine("SQL per request (profiling pass, EF Core command interceptor; database time = command execution as EF sees it plus commits, reader time excluded):");
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
            s.AppendLine("<details><summary>Query plans of every read the profiled requests sent</summary>");
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
