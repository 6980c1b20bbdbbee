using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;

namespace Varta.Community.Results;

/// <summary>
/// The results of one choice question over an area from the count tables (<see cref="ResultCounts"/>), weighted by the
/// database so that a national result returns a handful of rows rather than one per cell. Each cell's weight w = N / n
/// (the cell's population in the hromada's latest year up to the survey's, over its respondents; none without
/// population) is computed once; the sums <see cref="WeightedResults.Compute"/> makes from per-cell counts — Σ count,
/// Σ count·w, Σ count·w² over cells with w &gt; 0 — are made per answer value and, for a select_multiple question, over
/// those answering it. Each cell's arithmetic is the same; only the order of the additions differs, so the figures
/// agree with WeightedResults.Compute on the raw counts to within rounding of a double (counts, and so suppression, exactly).
/// </summary>
internal static class CountedResults
{
    private const int StrataPart = 0;
    private const int AnsweringPart = 1;
    private const int ValuePart = 2;

    public static async Task<QuestionResult> ComputeAsync(DbContext db, Survey s, string question, bool multiple, IReadOnlyList<string> values, Territory area,
        int threshold, CancellationToken ct)
    {
        var query = new Query(s, area);
        var sql = query.Results(question, multiple);
        var rows = await db.Database.SqlQueryRaw<CountedRow>(sql, [.. query.Parameters]).ToListAsync(ct);

        // The strata row: cells with respondents, and those with population (any at all → weighted, as Compute decides).
        var strata = rows.Single(r => r.Part == StrataPart);
        var weighted = strata.Positive > 0;
        var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
        var counts = new int[values.Count];
        var weightedCounts = new double[values.Count];
        var valueRows = rows.Where(r => r.Part == ValuePart).ToList();
        foreach (var row in valueRows)
        {
            if (row.Value is not null && index.TryGetValue(row.Value, out var i))
            {
                counts[i] = checked((int)(row.Count ?? 0));
                weightedCounts[i] = weighted ? row.SumW ?? 0 : counts[i];
            }
        }

        // Those answering: a select_multiple question's own count; for a select_one question, every answer row is one.
        var answering = multiple ? rows.Where(r => r.Part == AnsweringPart).ToList() : valueRows;
        var total = checked((int)answering.Sum(r => r.Count ?? 0));
        var sums = weighted
            ? new WeightedSums(true, total, answering.Sum(r => r.Positive ?? 0), answering.Sum(r => r.SumW ?? 0), answering.Sum(r => r.SumW2 ?? 0), counts, weightedCounts)
            : new WeightedSums(false, total, total, total, total, counts, weightedCounts);

        IReadOnlyList<Stratum> without = [];
        if (weighted && strata.Positive < strata.Count)
        {
            var missing = new Query(s, area);
            var text = missing.WithoutPopulation();
            without = await db.Database.SqlQueryRaw<StratumRow>(text, [.. missing.Parameters]).Select(x => new Stratum(x.HromadaCode, x.Sex, x.AgeGroup)).ToListAsync(ct);
        }

        return WeightedResults.Finish(sums, values, without, threshold);
    }

    /// <summary>The statements, with their parameters ({0}, {1}… as EF's raw SQL takes them); the same text for SQLite and PostgreSQL.</summary>
    private sealed class Query(Survey s, Territory area)
    {
        public List<object> Parameters { get; } = [];

        private string P(object value)
        {
            Parameters.Add(value);
            return $"{{{Parameters.Count - 1}}}";
        }

        /// <summary>The area as ComputeAsync on the raw rows has it: an oblast, a hromada, a raion's hromadas, or (wider) every cell.</summary>
        private string Within(string alias) =>
            area.Level == "oblast" ? $" AND {alias}.\"OblastCode\" = {P(area.Code)}"
            : area.Level == "hromada" || area.HromadaCode == area.Code ? $" AND {alias}.\"HromadaCode\" = {P(area.Code)}"
            : area.Level == "raion" ? $" AND {alias}.\"HromadaCode\" IN (SELECT t.\"Code\" FROM community_territories t WHERE t.\"ParentCode\" = {P(area.Code)})"
            : "";

        /// <summary>The respondent cells of the area joined to their population cell of the hromada's latest year up to the survey's.</summary>
        private string Cells(string survey) => $"""
            FROM community_respondent_counts r
            LEFT JOIN (SELECT y."HromadaCode", MAX(y."Year") AS "Year" FROM community_population y WHERE y."Year" <= {P(s.PeriodFrom.Year)} GROUP BY y."HromadaCode") l
                ON l."HromadaCode" = r."HromadaCode"
            LEFT JOIN community_population p
                ON p."HromadaCode" = r."HromadaCode" AND p."Year" = l."Year" AND p."Sex" = r."Sex" AND p."AgeGroup" = r."AgeGroup"
            WHERE r."SurveyId" = {survey}{Within("r")}
            """;

        /// <summary>
        /// The count rows of a question in the area's cells, cell by cell: written as w CROSS JOIN table so that SQLite
        /// (for which CROSS JOIN fixes the order) walks the cells once and seeks each one's rows in the table's key
        /// order, rather than looking every row's cell up in an index built per call; PostgreSQL plans it as any join.
        /// Every count row has its cell (both are kept by the same transactions), so an inner join loses nothing.
        /// </summary>
        private static string FromCells(string table, string alias, string survey, string question) =>
            $"FROM w CROSS JOIN {table} {alias} " +
            $"WHERE {alias}.\"SurveyId\" = {survey} AND {alias}.\"Question\" = {question} AND {alias}.\"OblastCode\" = w.\"OblastCode\" " +
            $"AND {alias}.\"HromadaCode\" = w.\"HromadaCode\" AND {alias}.\"Sex\" = w.\"Sex\" AND {alias}.\"AgeGroup\" = w.\"AgeGroup\"";

        private static string Sums(string alias) =>
            $"SUM({alias}.\"Count\") AS \"Count\", SUM(CASE WHEN w.\"W\" > 0 THEN {alias}.\"Count\" ELSE 0 END) AS \"Positive\", " +
            $"SUM({alias}.\"Count\" * w.\"W\") AS \"SumW\", SUM({alias}.\"Count\" * w.\"W\" * w.\"W\") AS \"SumW2\"";

        public string Results(string question, bool multiple)
        {
            var survey = P(s.Id);
            var q = P(question);
            var answering = multiple
                ? $"""

                    UNION ALL
                    SELECT {AnsweringPart} AS "Part", NULL AS "Value", {Sums("m")}
                    {FromCells("community_question_counts", "m", survey, q)}
                    """
                : "";
            return $"""
                WITH w AS MATERIALIZED (
                    SELECT r."OblastCode", r."HromadaCode", r."Sex", r."AgeGroup", CAST(p."Count" AS double precision) / r."Count" AS "W"
                    {Cells(survey)}
                )
                SELECT {StrataPart} AS "Part", NULL AS "Value", COUNT(*) AS "Count", SUM(CASE WHEN w."W" IS NULL THEN 0 ELSE 1 END) AS "Positive",
                    CAST(NULL AS double precision) AS "SumW", CAST(NULL AS double precision) AS "SumW2"
                FROM w
                UNION ALL
                SELECT {ValuePart} AS "Part", a."Value" AS "Value", {Sums("a")}
                {FromCells("community_answer_counts", "a", survey, q)}
                GROUP BY a."Value"{answering}
                """;
        }

        public string WithoutPopulation() => $"""
            SELECT r."HromadaCode", r."Sex", r."AgeGroup"
            {Cells(P(s.Id))} AND p."Count" IS NULL
            ORDER BY r."OblastCode", r."HromadaCode", r."Sex", r."AgeGroup"
            """;
    }
}

/// <summary>One row of the results statement: the strata, those answering, or one answer value, with its sums.</summary>
internal sealed class CountedRow
{
    public int Part { get; set; }

    public string? Value { get; set; }

    public long? Count { get; set; }

    public long? Positive { get; set; }

    public double? SumW { get; set; }

    public double? SumW2 { get; set; }
}

internal sealed class StratumRow
{
    public string HromadaCode { get; set; } = "";

    public string Sex { get; set; } = "";

    public string AgeGroup { get; set; } = "";
}
