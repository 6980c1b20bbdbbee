namespace Varta.Training.Questions;

internal enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
    ShortAnswer,
    Numerical,
    Matching,
    Essay,
    Description,
}

/// <summary>The text format a GIFT question declares with a leading <c>[html]</c>, <c>[markdown]</c>, <c>[plain]</c> or <c>[moodle]</c> marker.</summary>
internal enum TextFormat
{
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// <summary>A choice of a choice question, or an accepted answer of a short-answer question.</summary>
/// <param name="Fraction">Share of the mark in [-1, 1]: GIFT's <c>%n%</c> divided by 100, <c>=</c> is 1, <c>~</c> is 0.</param>
internal sealed record Choice(string Text, double Fraction, string? Feedback);

/// <summary>An accepted range of a numerical question: a response in [Min, Max] earns Fraction.</summary>
/// <remarks>
/// <see cref="Value"/> and <see cref="Tolerance"/> keep the <c>value:tolerance</c> form the answer was written in
/// (null for the <c>min..max</c> form) so that the writer gives back what the author wrote.
/// Min = -∞ and Max = +∞ is GIFT's <c>~#feedback</c>: any other number, with its feedback.
/// </remarks>
internal sealed record NumericAnswer(double Min, double Max, double Fraction, string? Feedback)
{
    public double? Value { get; init; }

    public double? Tolerance { get; init; }

    public bool IsCatchAll => double.IsNegativeInfinity(Min) && double.IsPositiveInfinity(Max);

    public static NumericAnswer Around(double value, double tolerance, double fraction, string? feedback) =>
        new(value - tolerance, value + tolerance, fraction, feedback) { Value = value, Tolerance = tolerance };

    public static NumericAnswer AnyOther(string? feedback) =>
        new(double.NegativeInfinity, double.PositiveInfinity, 0, feedback);
}

/// <summary>A pair of a matching question. An empty Left makes Right an extra wrong answer offered (a distractor).</summary>
internal sealed record MatchPair(string Left, string Right);

/// <summary>A question of a bank, as read from GIFT or built by an editor.</summary>
/// <remarks>
/// Equality compares every field, the lists item by item; a round trip through GIFT keeps all of them but
/// <see cref="Line"/>, <see cref="CaseSensitive"/> and <see cref="DefaultMark"/>, which GIFT cannot carry.
/// </remarks>
internal sealed record Question
{
    public string? Title { get; init; }

    public string Text { get; init; } = "";

    public QuestionKind Kind { get; init; }

    public TextFormat Format { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public IReadOnlyList<NumericAnswer> Numbers { get; init; } = [];

    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];

    public bool TrueFalseAnswer { get; init; }

    /// <summary>Feedback for a student who answers True.</summary>
    public string? TrueFeedback { get; init; }

    /// <summary>Feedback for a student who answers False.</summary>
    public string? FalseFeedback { get; init; }

    public string? GeneralFeedback { get; init; }

    public string? Category { get; init; }

    /// <summary>Short answers only: whether "paris" fails to match "Paris". Off by default, as in Moodle.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>The line of the GIFT file where the question starts (0 when not read from a file).</summary>
    public int Line { get; init; }

    public double DefaultMark { get; init; } = 1;

    public bool Equals(Question? other) =>
        other is not null
        && Title == other.Title
        && Text == other.Text
        && Kind == other.Kind
        && Format == other.Format
        && Choices.SequenceEqual(other.Choices)
        && Numbers.SequenceEqual(other.Numbers)
        && Pairs.SequenceEqual(other.Pairs)
        && TrueFalseAnswer == other.TrueFalseAnswer
        && TrueFeedback == other.TrueFeedback
        && FalseFeedback == other.FalseFeedback
        && GeneralFeedback == other.GeneralFeedback
        && Category == other.Category
        && CaseSensitive == other.CaseSensitive
        && Line == other.Line
        && DefaultMark.Equals(other.DefaultMark);

    public override int GetHashCode() => HashCode.Combine(Title, Text, Kind, Choices.Count, Numbers.Count, Pairs.Count, Line);
}
