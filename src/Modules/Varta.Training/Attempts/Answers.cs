using System.Globalization;
using Varta.Training.Questions;

namespace Varta.Training.Attempts;

/// <summary>The right answer of a question in words: shown after an attempt and on the back of a mistake card.</summary>
internal static class Answers
{
    public static string Right(Question q) => q.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.ShortAnswer =>
            string.Join("; ", q.Choices.Where(c => c.Fraction > 0).OrderByDescending(c => c.Fraction).Select(c => c.Text)),
        QuestionKind.TrueFalse => q.TrueFalseAnswer ? "✔" : "✘",
        QuestionKind.Numerical => string.Join("; ", q.Numbers.Where(n => n.Fraction > 0).OrderByDescending(n => n.Fraction).Select(Number)),
        QuestionKind.Matching => string.Join("; ", q.Pairs.Select(p => $"{p.Left} → {p.Right}")),
        _ => "",
    };

    private static string Number(NumericAnswer n) =>
        n.Min == n.Max
            ? n.Min.ToString("0.###", CultureInfo.CurrentCulture)
            : $"{n.Min.ToString("0.###", CultureInfo.CurrentCulture)} – {n.Max.ToString("0.###", CultureInfo.CurrentCulture)}";

    /// <summary>Front: the question; back: the right answer and the general feedback.</summary>
    public static (string Front, string Back) AsCard(Question q)
    {
        var right = q.Kind == QuestionKind.TrueFalse ? (q.TrueFalseAnswer ? "TRUE / ПРАВДА" : "FALSE / НЕПРАВДА") : Right(q);
        var back = string.IsNullOrWhiteSpace(q.GeneralFeedback) ? right : $"{right}\n{q.GeneralFeedback}";
        return (q.Text, back);
    }
}

internal static class QuestionKinds
{
    public static string Code(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single",
        QuestionKind.MultipleChoice => "multiple",
        QuestionKind.TrueFalse => "truefalse",
        QuestionKind.ShortAnswer => "short",
        QuestionKind.Numerical => "numerical",
        QuestionKind.Matching => "matching",
        QuestionKind.Essay => "essay",
        _ => "description",
    };
}
