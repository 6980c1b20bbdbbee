namespace Varta.Training.Scheduling;

/// <summary>
/// FSRS-6's memory model: the forgetting curve and how one review moves stability and difficulty. Every
/// rounding to 8 decimals and every order of operations follows the reference, because the fuzz seed is built
/// from the exact stored values: one differing last bit would move a due date by days.
/// </summary>
internal sealed class FsrsModel
{
    public const double MinStability = 0.001;
    public const double MaxStability = 36500;
    private const double MaxShortTermWeight = 2;

    // Lower and upper bound of each weight, as the reference clips them (w19's floor depends on short-term).
    private static readonly (double Min, double Max)[] Bounds =
    [
        (MinStability, 100), (MinStability, 100), (MinStability, 100), (MinStability, 100),
        (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75), (0, 4.5), (0, 0.8), (0.001, 3.5),
        (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4), (0, 1), (1, 6),
        (0, MaxShortTermWeight), (0, MaxShortTermWeight), (0.01, 0.8), (0.1, 0.8),
    ];

    private readonly double[] _w;

    public FsrsModel(double[] weights, double desiredRetention, int relearningStepCount, bool enableShortTerm)
    {
        _w = Clip(weights, relearningStepCount, enableShortTerm);
        EnableShortTerm = enableShortTerm;
        Decay = -_w[20];
        Factor = JsNumerics.Round8(Math.Exp(Math.Pow(Decay, -1) * Math.Log(0.9)) - 1);
        IntervalModifier = JsNumerics.Round8((Math.Pow(desiredRetention, 1 / Decay) - 1) / Factor);
    }

    public bool EnableShortTerm { get; }

    /// <summary>The (negative) exponent of the forgetting curve, −w20.</summary>
    public double Decay { get; }

    /// <summary>Chosen so that recall is 90 % when the elapsed days equal the stability.</summary>
    public double Factor { get; }

    /// <summary>Interval in days per day of stability at the desired retention (1 at 90 %).</summary>
    public double IntervalModifier { get; }

    public IReadOnlyList<double> Weights => _w;

    /// <summary>
    /// The weights as the reference uses them: each clipped to its range; with more than one relearning step,
    /// w17 and w18 are capped further so that a chain of same-day steps cannot raise stability after a lapse.
    /// </summary>
    public static double[] Clip(double[] weights, int relearningStepCount, bool enableShortTerm)
    {
        var b = ((double Min, double Max)[])Bounds.Clone();
        if (!enableShortTerm)
        {
            b[19] = (0, b[19].Max);
        }
        if (relearningStepCount > 1)
        {
            var w11 = JsNumerics.Clamp(weights[11], b[11].Min, b[11].Max);
            var w13 = JsNumerics.Clamp(weights[13], b[13].Min, b[13].Max);
            var w14 = JsNumerics.Clamp(weights[14], b[14].Min, b[14].Max);
            var value = -(Math.Log(w11) + Math.Log(Math.Pow(2, w13) - 1) + (w14 * 0.3)) / relearningStepCount;
            var ceiling = JsNumerics.Clamp(JsNumerics.Round8(Math.Sqrt(Math.Max(value, 0))), 0.01, MaxShortTermWeight);
            b[17] = (b[17].Min, ceiling);
            b[18] = (b[18].Min, ceiling);
        }
        var clipped = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            clipped[i] = JsNumerics.Clamp(weights[i], b[i].Min, b[i].Max);
        }
        return clipped;
    }

    /// <summary>Probability of recall after <paramref name="elapsedDays"/> at stability <paramref name="stability"/>.</summary>
    public double ForgettingCurve(double elapsedDays, double stability) =>
        JsNumerics.Round8(Math.Pow(1 + (Factor * elapsedDays / stability), Decay));

    public double InitialStability(Rating rating) => Math.Max(_w[(int)rating - 1], 0.1);

    // Not clamped here: the mean reversion pulls towards D0(Easy), which may well be below 1.
    public double InitialDifficulty(Rating rating) =>
        JsNumerics.Round8(_w[4] - Math.Exp(((int)rating - 1) * _w[5]) + 1);

    public double NextDifficulty(double difficulty, Rating rating)
    {
        var delta = -_w[6] * ((int)rating - 3);
        var damped = JsNumerics.Round8(delta * (10 - difficulty) / 9);
        var next = difficulty + damped;
        var reverted = JsNumerics.Round8((_w[7] * InitialDifficulty(Rating.Easy)) + ((1 - _w[7]) * next));
        return JsNumerics.Clamp(reverted, 1, 10);
    }

    public double NextRecallStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        var hardPenalty = rating == Rating.Hard ? _w[15] : 1;
        var easyBonus = rating == Rating.Easy ? _w[16] : 1;
        var growth = Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stability, -_w[9])
            * (Math.Exp((1 - retrievability) * _w[10]) - 1) * hardPenalty * easyBonus;
        return JsNumerics.Round8(JsNumerics.Clamp(stability * (1 + growth), MinStability, MaxStability));
    }

    public double NextForgetStability(double difficulty, double stability, double retrievability)
    {
        var value = _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1)
            * Math.Exp((1 - retrievability) * _w[14]);
        return JsNumerics.Round8(JsNumerics.Clamp(value, MinStability, MaxStability));
    }

    /// <summary>FSRS-6's same-day change: S · e^(w17·(G−3+w18)) · S^(−w19), never a loss unless rated Again.</summary>
    public double NextShortTermStability(double stability, Rating rating)
    {
        var increase = Math.Pow(stability, -_w[19]) * Math.Exp(_w[17] * ((int)rating - 3 + _w[18]));
        if (rating >= Rating.Hard)
        {
            increase = Math.Max(increase, 1);
        }
        return JsNumerics.Round8(JsNumerics.Clamp(stability * increase, MinStability, MaxStability));
    }

    /// <summary>Difficulty and stability after a review <paramref name="elapsedDays"/> (calendar days) after the last one.</summary>
    public (double Difficulty, double Stability) NextMemory(double difficulty, double stability, int elapsedDays, Rating rating)
    {
        if (difficulty == 0 && stability == 0)
        {
            return (JsNumerics.Clamp(InitialDifficulty(rating), 1, 10), InitialStability(rating));
        }
        if (difficulty < 1 || stability < MinStability)
        {
            throw new ArgumentException($"Invalid memory state: difficulty {difficulty}, stability {stability}.");
        }

        double next;
        if (elapsedDays == 0 && EnableShortTerm)
        {
            next = NextShortTermStability(stability, rating);
        }
        else
        {
            var retrievability = ForgettingCurve(elapsedDays, stability);
            if (rating == Rating.Again)
            {
                var afterFail = NextForgetStability(difficulty, stability, retrievability);
                var shortTermSum = EnableShortTerm ? _w[17] * _w[18] : 0;
                var floor = JsNumerics.Round8(stability / Math.Exp(shortTermSum));
                next = JsNumerics.Clamp(floor, MinStability, afterFail);
            }
            else
            {
                next = NextRecallStability(difficulty, stability, retrievability, rating);
            }
        }
        return (NextDifficulty(difficulty, rating), next);
    }
}
