namespace Varta.Community.Statistics;

/// <summary>A margin turned into category indices, so that a sweep is array work.</summary>
internal sealed class FittedMargin<TCategory>
    where TCategory : notnull
{
    private readonly int[] _categoryOf;
    private readonly double[] _targets;

    public FittedMargin(RakingMargin<TCategory> margin)
    {
        Name = margin.Name;
        var categories = new List<TCategory>();
        var index = new Dictionary<TCategory, int>();
        _categoryOf = new int[margin.RespondentCategories.Count];
        for (var i = 0; i < _categoryOf.Length; i++)
        {
            var category = margin.RespondentCategories[i];
            if (!index.TryGetValue(category, out var c))
            {
                c = categories.Count;
                index[category] = c;
                categories.Add(category);
            }

            _categoryOf[i] = c;
        }

        _targets = categories.Select(c => margin.PopulationTotals.TryGetValue(c, out var t) ? t : 0).ToArray();
        var respondents = new int[categories.Count];
        foreach (var c in _categoryOf)
        {
            respondents[c]++;
        }

        var issues = new List<RakingIssue<TCategory>>();
        for (var c = 0; c < categories.Count; c++)
        {
            if (_targets[c] == 0)
            {
                issues.Add(new RakingIssue<TCategory>(Name, categories[c], RakingIssueKind.RespondentsWithoutPopulation, respondents[c], 0));
            }
        }

        foreach (var (category, total) in margin.PopulationTotals)
        {
            if (total > 0 && !index.ContainsKey(category))
            {
                issues.Add(new RakingIssue<TCategory>(Name, category, RakingIssueKind.PopulationWithoutRespondents, 0, total));
            }
        }

        Issues = issues;
        GrandTotal = margin.PopulationTotals.Values.Sum();
    }

    public string Name { get; }

    public double GrandTotal { get; }

    public IReadOnlyList<RakingIssue<TCategory>> Issues { get; }

    public void Scale(double[] weights)
    {
        var sums = Sums(weights);
        for (var i = 0; i < weights.Length; i++)
        {
            var c = _categoryOf[i];
            weights[i] *= _targets[c] / sums[c];
        }
    }

    public double MaxRelativeError(double[] weights)
    {
        var sums = Sums(weights);
        var error = 0.0;
        for (var c = 0; c < sums.Length; c++)
        {
            error = Math.Max(error, Math.Abs(sums[c] - _targets[c]) / _targets[c]);
        }

        return error;
    }

    private double[] Sums(double[] weights)
    {
        var sums = new double[_targets.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            sums[_categoryOf[i]] += weights[i];
        }

        return sums;
    }
}
