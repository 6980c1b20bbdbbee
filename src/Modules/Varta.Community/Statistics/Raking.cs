namespace Varta.Community.Statistics;

/// <summary>
/// Raking (iterative proportional fitting): each sweep scales, margin after margin, the weights of the
/// respondents in every category by T_c / Σ_{i in c} w_i. A sweep counts as one iteration; convergence
/// is judged after each sweep on the largest relative margin error over all margins.
/// With <see cref="RakingOptions.TrimRatio"/> = k, weights above k × mean are cut to that cap, the excess
/// is spread over the other weights in proportion to them (the total is kept), and the sample is raked
/// again; this alternates until the raked weights respect the cap or the rounds run out. The last step is
/// always a raking run, so margins win over the cap when both cannot hold (reported by WithinTrimCap).
/// </summary>
internal static class Raking
{
    public static RakingResult<TCategory> Rake<TCategory>(
        IReadOnlyList<RakingMargin<TCategory>> margins,
        RakingOptions? options = null)
        where TCategory : notnull
    {
        options ??= new RakingOptions();
        var n = Validate(margins, options);
        var fitted = margins.Select(m => new FittedMargin<TCategory>(m)).ToList();

        var issues = fitted.SelectMany(f => f.Issues).ToList();
        var firstTotal = fitted[0].GrandTotal;
        var differentTotal = fitted
            .Where(f => Math.Abs(f.GrandTotal - firstTotal) > options.Tolerance * Math.Max(firstTotal, 1))
            .Select(f => f.Name)
            .ToList();
        if (issues.Count > 0 || differentTotal.Count > 0)
        {
            return new RakingResult<TCategory>(RakingStatus.InvalidMargins, [], 0, null, 0, null, false, issues, differentTotal);
        }

        if (n == 0)
        {
            // Every population total is zero (anything else was an issue above): nothing to weight.
            return new RakingResult<TCategory>(RakingStatus.Converged, [], 0, 0, 0, null, true, [], []);
        }

        var weights = options.StartWeights?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        var (iterations, error) = Run(fitted, weights, options);
        var rounds = 0;
        var cap = options.TrimRatio is { } k ? k * weights.Sum() / n : double.PositiveInfinity;
        while (weights.Max() > cap * (1 + options.Tolerance) && rounds < options.MaxTrimmingRounds)
        {
            Trim(weights, cap);
            rounds++;
            var (more, after) = Run(fitted, weights, options);
            iterations += more;
            error = after;
        }

        var mean = weights.Sum() / n;
        var status = error <= options.Tolerance ? RakingStatus.Converged : RakingStatus.NotConverged;
        return new RakingResult<TCategory>(
            status,
            weights,
            iterations,
            error,
            rounds,
            weights.Max() / mean,
            weights.Max() <= cap * (1 + options.Tolerance),
            [],
            []);
    }

    private static (int Iterations, double Error) Run<TCategory>(
        List<FittedMargin<TCategory>> margins, double[] weights, RakingOptions options)
        where TCategory : notnull
    {
        var error = double.PositiveInfinity;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            foreach (var margin in margins)
            {
                margin.Scale(weights);
            }

            error = margins.Max(m => m.MaxRelativeError(weights));
            if (error <= options.Tolerance)
            {
                return (iteration, error);
            }
        }

        return (options.MaxIterations, error);
    }

    /// <summary>Cuts weights to the cap and hands the excess to the uncut weights pro rata, until none exceeds it.</summary>
    private static void Trim(double[] weights, double cap)
    {
        for (var pass = 0; pass < weights.Length; pass++)
        {
            var excess = 0.0;
            var free = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] > cap)
                {
                    excess += weights[i] - cap;
                    weights[i] = cap;
                }
                else if (weights[i] < cap)
                {
                    free += weights[i];
                }
            }

            if (excess == 0 || free == 0)
            {
                return;
            }

            var factor = (free + excess) / free;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] < cap)
                {
                    weights[i] *= factor;
                }
            }
        }
    }

    private static int Validate<TCategory>(IReadOnlyList<RakingMargin<TCategory>> margins, RakingOptions options)
        where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(margins);
        if (margins.Count == 0)
        {
            throw new ArgumentException("At least one margin is needed.", nameof(margins));
        }

        if (!(options.Tolerance > 0) || options.MaxIterations < 1 || options.MaxTrimmingRounds < 0)
        {
            throw new ArgumentException("Tolerance must be positive, MaxIterations at least 1 and MaxTrimmingRounds non-negative.", nameof(options));
        }

        if (options.TrimRatio is { } k && !(k > 1 && double.IsFinite(k)))
        {
            throw new ArgumentException($"TrimRatio must be a finite number above 1, got {k}.", nameof(options));
        }

        var n = margins[0].RespondentCategories.Count;
        foreach (var margin in margins)
        {
            if (margin.RespondentCategories.Count != n)
            {
                throw new ArgumentException($"Margin '{margin.Name}' has {margin.RespondentCategories.Count} respondents, the first margin {n}.", nameof(margins));
            }

            if (margin.PopulationTotals.Values.Any(t => !double.IsFinite(t) || t < 0))
            {
                throw new ArgumentException($"Margin '{margin.Name}' has a negative or non-finite population total.", nameof(margins));
            }
        }

        if (options.StartWeights is { } start && (start.Count != n || start.Any(w => !(w > 0) || !double.IsFinite(w))))
        {
            throw new ArgumentException($"StartWeights must hold {n} positive finite weights.", nameof(options));
        }

        return n;
    }
}
