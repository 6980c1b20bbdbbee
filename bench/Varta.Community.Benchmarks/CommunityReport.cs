using System.Globalization;
using System.Text;

namespace Varta.Community.Benchmarks;

internal static class CommunityReport
{
    public static string Build(CommunityBenchOptions options, IReadOnlyList<(string What, string Value)> machine, IReadOnlyList<CommunityResult> results,
        DateTimeOffset started, TimeSpan took)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine("# Community weighted results benchmark (issue 16)").AppendLine();
        s.AppendLine(inv, $"Run {started:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:F1} min. Command: `dotnet run -c Release --project bench/Varta.Community.Benchmarks -- {options.CommandLine}`").AppendLine();
        s.AppendLine("## Machine").AppendLine();
        foreach (var (what, value) in machine)
        {
            s.AppendLine(inv, $"- {what}: {value}");
        }

        s.AppendLine().AppendLine("## Dataset").AppendLine();
        s.AppendLine(inv, $"{options.Hromadas:N0} hromadas in {options.Oblasts} oblasts (with raions) under one country row, population by sex × 4 age groups per hromada, " +
            $"one open survey over the country with 40 choice questions (33 select_one with 2–5 choices, 5 select_multiple with 5, plus sex and age_group), " +
            $"{options.Responses:N0} responses spread over the hromadas (in proportion to the square root of their population, random order), one community_answers row per ticked choice. Seed {options.Seed}.").AppendLine();
        foreach (var r in results)
        {
            s.AppendLine(inv, $"- {r.Database}: {r.Server}");
            s.AppendLine(inv, $"  - {r.Counts.Territories:N0} territories ({r.Counts.Hromadas:N0} hromadas, {r.Counts.Oblasts} oblasts), {r.Counts.PopulationCells:N0} population cells, " +
                $"{r.Counts.Responses:N0} responses, {r.Counts.Answers:N0} answer rows; count tables: {r.Counts.RespondentCells:N0} respondent cells, " +
                $"{r.Counts.QuestionCells:N0} select_multiple question cells, {r.Counts.AnswerCells:N0} answer cells; {r.Counts.Size}");
            if (r.Generation is { } g)
            {
                s.AppendLine(inv, $"  - generated in {g.Total.TotalSeconds:F0}s (rows {g.Load.TotalSeconds:F0}s, indexes {g.Indexes.TotalSeconds:F0}s, count tables {g.Counts.TotalSeconds:F0}s)");
            }
            else
            {
                s.AppendLine("  - dataset reused from the work folder");
            }
        }

        s.AppendLine().AppendLine(inv, $"## Latency ({options.Samples} samples per operation after {options.Warmup} warm-up calls, one call at a time; target p99 ≤ {CommunityRun.TargetMs} ms)").AppendLine();
        s.AppendLine("| database | operation | p50 ms | p99 ms | max ms | p50 / reference p50 | p99 / reference p99 | target met | CPU ms/call | load |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            var reference = r.Operations.FirstOrDefault(o => o.Name == CommunityRun.Reference);
            foreach (var o in r.Operations)
            {
                var ratio50 = reference is null ? "" : (o.P50 / reference.P50).ToString("F0", inv) + "×";
                var ratio99 = reference is null ? "" : (o.P99 / reference.P99).ToString("F0", inv) + "×";
                var met = o.Met is null ? "—" : o.Met.Value ? "yes" : "**no**";
                s.AppendLine(inv, $"| {r.Database} | {o.Name} | {CommunityRun.Ms(o.P50)} | {CommunityRun.Ms(o.P99)} | {CommunityRun.Ms(o.Max)} | {ratio50} | {ratio99} | {met} | {o.CpuMsPerRequest:F1} | {o.LoadAverage} |");
            }
        }

        s.AppendLine().AppendLine("Calls: ").AppendLine();
        foreach (var o in results.Count > 0 ? results[0].Operations : [])
        {
            s.AppendLine(inv, $"- {o.Name}: {o.Request}");
        }

        s.AppendLine().AppendLine("## What the results said (one call each)").AppendLine();
        foreach (var r in results)
        {
            foreach (var c in r.Checks)
            {
                s.AppendLine(inv, $"- {r.Database}: {c}");
            }
        }

        s.AppendLine().AppendLine("## Query plans (the statements of one profiled call per operation)").AppendLine();
        foreach (var r in results)
        {
            foreach (var p in r.Plans)
            {
                s.AppendLine(inv, $"### {r.Database}: {p.Operation} ({p.MeanMs:F1} ms)").AppendLine();
                s.AppendLine("```sql").AppendLine(p.Sql).AppendLine("```").AppendLine("```").AppendLine(p.Plan).AppendLine("```").AppendLine();
            }
        }

        return s.ToString();
    }
}
