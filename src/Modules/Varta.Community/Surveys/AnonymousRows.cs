namespace Varta.Community.Surveys;

/// <summary>A response as it may leave the module: where and who only as coarsely as the threshold allows, no free text.</summary>
internal sealed record AnonymousRow(string Oblast, string Hromada, string Sex, string AgeGroup, IReadOnlyDictionary<string, string> Answers);

/// <summary>
/// Coarsens the respondents' hromada, sex and age group until every published combination rests on at least the
/// threshold of respondents: a combination under it loses its hromada (the oblast stays); if the oblast-level
/// combination is still under it, sex and age group go too.
/// </summary>
internal static class AnonymousRows
{
    public static IReadOnlyList<AnonymousRow> Coarsen(IReadOnlyList<AnonymousRow> rows, int threshold)
    {
        var byHromada = rows.GroupBy(r => (r.Hromada, r.Sex, r.AgeGroup)).ToDictionary(g => g.Key, g => g.Count());
        var step1 = rows.Select(r => byHromada[(r.Hromada, r.Sex, r.AgeGroup)] >= threshold ? r : r with { Hromada = "" }).ToList();
        var byOblast = step1.Where(r => r.Hromada.Length == 0).GroupBy(r => (r.Oblast, r.Sex, r.AgeGroup)).ToDictionary(g => g.Key, g => g.Count());
        return [.. step1.Select(r => r.Hromada.Length > 0 || byOblast[(r.Oblast, r.Sex, r.AgeGroup)] >= threshold ? r : r with { Sex = "", AgeGroup = "" })];
    }
}
