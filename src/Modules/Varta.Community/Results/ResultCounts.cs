using System.Text;
using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;

namespace Varta.Community.Results;

/// <summary>
/// Keeps the survey count tables (respondents, select_multiple respondents per question, answers per value; each per
/// weighting cell) up to date as responses are stored: called inside the transaction that stores the response, after
/// its rows are written, so a resend refused by the (survey, client id) key never counts and a failed store counts
/// nothing. Each table gets one INSERT … ON CONFLICT DO UPDATE SET "Count" = "Count" + excluded."Count" (the same
/// statement on SQLite and PostgreSQL): atomic, so concurrent submits add up. Keys are merged first (a repeated choice
/// counts twice, as its rows do) and sent in one fixed order, so two transactions lock count rows in the same order.
/// </summary>
internal static class ResultCounts
{
    /// <summary>Rows per statement: far below both databases' limits on parameters (SQLite 32,766; PostgreSQL 65,535).</summary>
    private const int Chunk = 500;

    public static async Task AddAsync(DbContext db, SurveyResponse response, IReadOnlyList<ResponseAnswer> answers, IReadOnlySet<string> multipleQuestions,
        CancellationToken ct)
    {
        var cell = new object[] { response.SurveyId, response.OblastCode, response.HromadaCode, response.Sex, response.AgeGroup };
        await UpsertAsync(db, "community_respondent_counts", ["SurveyId", "OblastCode", "HromadaCode", "Sex", "AgeGroup"], [(cell, 1)], ct);

        var questions = answers.Select(a => a.Question).Where(multipleQuestions.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(q => (new object[] { response.SurveyId, q, response.OblastCode, response.HromadaCode, response.Sex, response.AgeGroup }, 1)).ToList();
        await UpsertAsync(db, "community_question_counts", ["SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup"], questions, ct);

        var values = answers.GroupBy(a => (a.Question, a.Value)).OrderBy(g => g.Key.Question, StringComparer.Ordinal).ThenBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g => (new object[] { response.SurveyId, g.Key.Question, response.OblastCode, response.HromadaCode, response.Sex, response.AgeGroup, g.Key.Value }, g.Count()))
            .ToList();
        await UpsertAsync(db, "community_answer_counts", ["SurveyId", "Question", "OblastCode", "HromadaCode", "Sex", "AgeGroup", "Value"], values, ct);
    }

    private static async Task UpsertAsync(DbContext db, string table, string[] key, IReadOnlyList<(object[] Key, int Count)> rows, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            var chunk = rows.Skip(start).Take(Chunk).ToList();
            var sql = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", key.Select(k => $"\"{k}\"")).Append(", \"Count\") VALUES ");
            var parameters = new List<object>(chunk.Count * (key.Length + 1));
            for (var i = 0; i < chunk.Count; i++)
            {
                var row = chunk[i].Key.Append(chunk[i].Count).ToArray();
                var first = parameters.Count;
                sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", row.Select((_, j) => $"{{{first + j}}}")).Append(')');
                parameters.AddRange(row);
            }

            sql.Append(" ON CONFLICT (").AppendJoin(", ", key.Select(k => $"\"{k}\"")).Append($") DO UPDATE SET \"Count\" = {table}.\"Count\" + excluded.\"Count\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
