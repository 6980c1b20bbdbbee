using Microsoft.EntityFrameworkCore;
using Varta.Community.Data;
using Varta.Community.Results;
using Varta.Platform.Persistence;

namespace Varta.Community.Tests.Results;

/// <summary>
/// The reference the count tables are checked against: results and counts recomputed from the raw response and answer
/// rows, the way SurveyService computed them before the count tables (grouped counts, then WeightedResults.Compute).
/// </summary>
internal static class RawResults
{
    public static async Task<QuestionResult> ComputeAsync(VartaDbContext db, Survey s, string question, bool multiple, IReadOnlyList<string> values, Territory area,
        int threshold)
    {
        var responses = db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == s.Id);
        var answers = db.Set<ResponseAnswer>().AsNoTracking().Where(a => a.SurveyId == s.Id && a.Question == question);
        if (area.Level == "oblast")
        {
            responses = responses.Where(r => r.OblastCode == area.Code);
            answers = answers.Where(a => a.OblastCode == area.Code);
        }
        else if (area.Level == "hromada" || area.HromadaCode == area.Code)
        {
            responses = responses.Where(r => r.HromadaCode == area.Code);
            answers = answers.Where(a => a.HromadaCode == area.Code);
        }
        else if (area.Level == "raion")
        {
            var hromadas = db.Set<Territory>().Where(t => t.ParentCode == area.Code).Select(t => t.Code);
            responses = responses.Where(r => hromadas.Contains(r.HromadaCode));
            answers = answers.Where(a => hromadas.Contains(a.HromadaCode));
        }

        var all = (await responses.GroupBy(r => new { r.HromadaCode, r.Sex, r.AgeGroup }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => new Stratum(x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup), x => x.Count);
        var counted = (await answers.GroupBy(a => new { a.HromadaCode, a.Sex, a.AgeGroup, a.Value }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .Select(x => (new Stratum(x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup), x.Key.Value, x.Count)).ToList();
        var answering = multiple
            ? (await answers.GroupBy(a => new { a.HromadaCode, a.Sex, a.AgeGroup }).Select(g => new { g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
                .ToListAsync()).ToDictionary(x => new Stratum(x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup), x => x.Count)
            : counted.GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var hromadaCodes = all.Keys.Select(k => k.Hromada).Distinct().ToList();
        var year = s.PeriodFrom.Year;
        var population = (await db.Set<PopulationCell>().AsNoTracking().Where(p => hromadaCodes.Contains(p.HromadaCode) && p.Year <= year).ToListAsync())
            .GroupBy(p => p.HromadaCode).SelectMany(g => g.Where(p => p.Year == g.Max(x => x.Year)))
            .ToDictionary(p => new Stratum(p.HromadaCode, p.Sex, p.AgeGroup), p => p.Count);
        return WeightedResults.Compute(all, answering, counted, population, values, threshold);
    }

    /// <summary>The count tables' rows as recounted from the raw rows, one line per cell ("key… = count"), sorted.</summary>
    public static async Task<(List<string> Respondents, List<string> Questions, List<string> Answers)> RecountAsync(VartaDbContext db, Guid survey,
        IReadOnlyCollection<string> multipleQuestions)
    {
        var respondents = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey)
            .GroupBy(r => new { r.OblastCode, r.HromadaCode, r.Sex, r.AgeGroup }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var questions = await db.Set<ResponseAnswer>().AsNoTracking().Where(a => a.SurveyId == survey && multipleQuestions.Contains(a.Question))
            .GroupBy(a => new { a.Question, a.OblastCode, a.HromadaCode, a.Sex, a.AgeGroup })
            .Select(g => new { g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() }).ToListAsync();
        var answers = await db.Set<ResponseAnswer>().AsNoTracking().Where(a => a.SurveyId == survey)
            .GroupBy(a => new { a.Question, a.OblastCode, a.HromadaCode, a.Sex, a.AgeGroup, a.Value }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return (
            Sorted(respondents.Select(x => Line(x.Count, x.Key.OblastCode, x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup))),
            Sorted(questions.Select(x => Line(x.Count, x.Key.Question, x.Key.OblastCode, x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup))),
            Sorted(answers.Select(x => Line(x.Count, x.Key.Question, x.Key.OblastCode, x.Key.HromadaCode, x.Key.Sex, x.Key.AgeGroup, x.Key.Value))));
    }

    /// <summary>The count tables as stored, in the same lines as <see cref="RecountAsync"/>.</summary>
    public static async Task<(List<string> Respondents, List<string> Questions, List<string> Answers)> KeptAsync(VartaDbContext db, Guid survey) =>
        (Sorted((await db.Set<RespondentCount>().AsNoTracking().Where(c => c.SurveyId == survey).ToListAsync())
                .Select(c => Line(c.Count, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup))),
            Sorted((await db.Set<QuestionCount>().AsNoTracking().Where(c => c.SurveyId == survey).ToListAsync())
                .Select(c => Line(c.Count, c.Question, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup))),
            Sorted((await db.Set<AnswerCount>().AsNoTracking().Where(c => c.SurveyId == survey).ToListAsync())
                .Select(c => Line(c.Count, c.Question, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup, c.Value))));

    private static string Line(int count, params string[] key) => $"{string.Join('|', key)} = {count}";

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
