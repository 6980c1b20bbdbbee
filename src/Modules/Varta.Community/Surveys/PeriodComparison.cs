using System.Security.Claims;
using Varta.Community.Statistics;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Community.Surveys;

/// <summary>One side of a comparison: a survey, its period and its results (suppression applied) for the question and area.</summary>
internal sealed record ComparedSurveyDto(Guid SurveyId, string Title, string PeriodFrom, string PeriodTo, ResultDto Result);

/// <summary>
/// One answer in both periods: each side's weighted share (null when suppressed), the difference later − earlier with
/// its 95 % interval, whether the two intervals overlap, and the two-proportion z test on the effective sizes. The
/// difference and the test are given only when neither side is suppressed.
/// </summary>
internal sealed record ComparisonLineDto(string Value, string Label, double? FirstShare, double? SecondShare, double? Difference, double? DifferenceLower,
    double? DifferenceUpper, bool? IntervalsOverlap, double? Z, double? PValue, bool? Significant, bool Suppressed);

internal sealed record ComparisonDto(string Question, string Label, string Area, string AreaName, ComparedSurveyDto First, ComparedSurveyDto Second,
    IReadOnlyList<ComparisonLineDto> Answers);

/// <summary>
/// The results of one question in two surveys of the same territory (two periods), side by side, the earlier period
/// first (whichever of the two is in the route). Each side is read as
/// the results page reads it (the caller must be allowed to read both surveys, each read is audited, small cells are
/// suppressed on both sides), so this adds only the arithmetic of the comparison.
/// </summary>
internal sealed class PeriodComparison(SurveyService surveys, Loc loc)
{
    /// <summary>
    /// 404 when either survey is unknown or outside the caller's scope; 400 (field "with") when the second survey is
    /// missing, the same survey or of another territory; 400 (question, area) as for the results.
    /// </summary>
    public async Task<Outcome<ComparisonDto>> CompareAsync(ClaimsPrincipal user, Guid id, Guid? with, string? question, string? area, CancellationToken ct)
    {
        var first = await surveys.GetAsync(user, id, ct);
        if (!first.IsOk)
        {
            return first.Failure<ComparisonDto>();
        }

        if (with is not { } otherId || otherId == id)
        {
            return Outcome<ComparisonDto>.Invalid(new Validator(loc).Fail("with", "community.compare-other"));
        }

        var second = await surveys.GetAsync(user, otherId, ct);
        if (!second.IsOk)
        {
            return second.Failure<ComparisonDto>();
        }

        var (a, b) = (first.Value!, second.Value!);
        if (a.TerritoryCode != b.TerritoryCode)
        {
            return Outcome<ComparisonDto>.Invalid(new Validator(loc).Fail("with", "community.compare-territory"));
        }

        // The earlier period comes first, whichever survey was asked about: the difference is then the change over time.
        if (string.CompareOrdinal(b.PeriodFrom, a.PeriodFrom) < 0)
        {
            (a, b) = (b, a);
        }

        var left = await surveys.ResultsAsync(user, a.Id, question, area, ct);
        if (!left.IsOk)
        {
            return left.Failure<ComparisonDto>();
        }

        var right = await surveys.ResultsAsync(user, b.Id, question, area, ct);
        if (!right.IsOk)
        {
            return right.Failure<ComparisonDto>();
        }

        var (r1, r2) = (left.Value!, right.Value!);
        return Outcome<ComparisonDto>.Ok(new ComparisonDto(r1.Question, r1.Label, r1.Area, r1.AreaName,
            new ComparedSurveyDto(a.Id, a.Title, a.PeriodFrom, a.PeriodTo, r1), new ComparedSurveyDto(b.Id, b.Title, b.PeriodFrom, b.PeriodTo, r2), Lines(r1, r2)));
    }

    /// <summary>The answers of the first survey in its order, then any the second survey's list adds.</summary>
    public static IReadOnlyList<ComparisonLineDto> Lines(ResultDto first, ResultDto second)
    {
        var lines = new List<ComparisonLineDto>();
        var values = first.Answers.Select(x => x.Value).Concat(second.Answers.Select(x => x.Value)).Distinct(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var x = first.Answers.FirstOrDefault(l => l.Value == value);
            var y = second.Answers.FirstOrDefault(l => l.Value == value);
            var label = x?.Label ?? y!.Label;
            var p1 = x is { Suppressed: false } ? x.WeightedShare ?? x.Share : null;
            var p2 = y is { Suppressed: false } ? y.WeightedShare ?? y.Share : null;
            var n1 = first.Weighted ? first.EffectiveRespondents : first.Respondents;
            var n2 = second.Weighted ? second.EffectiveRespondents : second.Respondents;
            if (p1 is not { } s1 || p2 is not { } s2 || n1 <= 0 || n2 <= 0)
            {
                lines.Add(new ComparisonLineDto(value, label, p1, p2, null, null, null, null, null, null, null, true));
                continue;
            }

            var test = TwoProportionTest.Compare(s1, n1, s2, n2);
            bool? overlap = x!.Lower is { } lo1 && x.Upper is { } hi1 && y!.Lower is { } lo2 && y.Upper is { } hi2 ? TwoProportionTest.Overlap(lo1, hi1, lo2, hi2) : null;
            lines.Add(new ComparisonLineDto(value, label, s1, s2, test.Difference, test.Lower, test.Upper, overlap, Math.Round(test.Z, 4), Math.Round(test.PValue, 4),
                test.Significant, false));
        }

        return lines;
    }
}
