namespace Varta.Training.Questions;

/// <summary>
/// What a student answered. Choice and true-false questions use <see cref="Selected"/> (choice indexes; for true-false
/// 0 is True and 1 is False); short-answer, numerical and essay questions use <see cref="Text"/>; matching questions use
/// <see cref="Matches"/> (index of a pair → the right-hand text chosen for it).
/// </summary>
internal sealed record ResponseValue(
    IReadOnlyList<int>? Selected = null,
    string? Text = null,
    IReadOnlyDictionary<int, string>? Matches = null)
{
    public const int True = 0;
    public const int False = 1;

    public static ResponseValue Empty { get; } = new();

    public static ResponseValue Choose(params int[] indexes) => new(Selected: indexes);

    public static ResponseValue Typed(string text) => new(Text: text);

    public static ResponseValue Match(IReadOnlyDictionary<int, string> matches) => new(Matches: matches);

    /// <summary>Same answer: the choices as a set, the text as typed, the matches by content (record equality compares lists by reference).</summary>
    public bool SameAs(ResponseValue? other) =>
        other is not null
        && Text == other.Text
        && (Selected ?? []).Distinct().Order().SequenceEqual((other.Selected ?? []).Distinct().Order())
        && (Matches ?? new Dictionary<int, string>()).OrderBy(m => m.Key)
            .SequenceEqual((other.Matches ?? new Dictionary<int, string>()).OrderBy(m => m.Key));
}

internal enum MarkState
{
    NotAnswered,
    Wrong,
    Partial,
    Right,

    /// <summary>An answered essay: a trainer gives the mark.</summary>
    NeedsGrading,

    /// <summary>A description, which carries no mark.</summary>
    NotGraded,

    /// <summary>A numerical response that is not a number; it scores 0.</summary>
    Invalid,
}

/// <summary>The grade of one response: Fraction of the question's mark (null for essays and descriptions), the author's feedback for the answer matched, and a notice of our own (e.g. "not a number") in both languages.</summary>
internal sealed record Mark(double? Fraction, string? Feedback, MarkState State)
{
    public string? NoticeEn { get; init; }

    public string? NoticeUk { get; init; }

    public static Mark NotAnswered(double? fraction = 0) => new(fraction, null, MarkState.NotAnswered);

    /// <summary>Moodle's states: right above 0.999999, wrong below 0.000001, partial between.</summary>
    public static Mark Of(double fraction, string? feedback) =>
        new(fraction, feedback, fraction > 0.999999 ? MarkState.Right : fraction < 0.000001 ? MarkState.Wrong : MarkState.Partial);
}
