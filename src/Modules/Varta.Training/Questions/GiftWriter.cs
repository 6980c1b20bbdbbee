using System.Globalization;
using System.Text;

namespace Varta.Training.Questions;

/// <summary>
/// Writes questions as GIFT that reads back to equal questions (all but Line, CaseSensitive and DefaultMark, which
/// GIFT has no place for; a description's general feedback is not written either, as in Moodle's exporter).
/// </summary>
/// <remarks>
/// Throws <see cref="ArgumentException"/> for the few things GIFT cannot say: an empty question text, a "-&gt;" in a
/// short answer or on the left of a matching pair (neither "-" nor "&gt;" can be escaped), and an infinite numerical
/// range that is not the ~ "any other number" answer.
/// </remarks>
internal static class GiftWriter
{
    private const string Gap = "_____";

    public static string Write(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var sb = new StringBuilder();
        string? category = null;
        foreach (var question in questions)
        {
            if (question.Category != category)
            {
                category = question.Category;
                sb.Append("$CATEGORY:");
                if (category is not null)
                {
                    sb.Append(' ').Append(GiftText.Escape(category));
                }
                sb.Append("\n\n");
            }
            WriteQuestion(sb, question);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static void WriteQuestion(StringBuilder sb, Question q)
    {
        if (string.IsNullOrWhiteSpace(q.Text))
        {
            throw new ArgumentException($"Question '{q.Title}' has no text; GIFT cannot hold it.", nameof(q));
        }
        var marker = q.Format != TextFormat.Moodle || q.Text.StartsWith('[') ? GiftText.FormatMarker(q.Format) : "";
        if (q.Title is not null)
        {
            sb.Append("::").Append(GiftText.Escape(q.Title)).Append("::");
        }
        else if (marker.Length == 0 && q.Text.StartsWith("//", StringComparison.Ordinal))
        {
            // An empty title keeps the line from reading as a comment.
            sb.Append("::::");
        }
        sb.Append(marker);

        var answers = Answers(q);
        var gap = q.Text.IndexOf(Gap, StringComparison.Ordinal);
        if (answers.Length > 0 && gap >= 0 && !string.IsNullOrWhiteSpace(q.Text[(gap + Gap.Length)..]))
        {
            // Missing-word form: the block stands where the gap is.
            sb.Append(GiftText.Escape(q.Text[..gap])).Append(answers).Append(GiftText.Escape(q.Text[(gap + Gap.Length)..]));
        }
        else
        {
            sb.Append(GiftText.Escape(q.Text)).Append(answers);
        }
        sb.Append('\n');
    }

    private static string Answers(Question q)
    {
        var sb = new StringBuilder();
        switch (q.Kind)
        {
            case QuestionKind.Description:
                return "";
            case QuestionKind.Essay:
                return "{" + General(q, inline: true) + "}";
            case QuestionKind.TrueFalse:
                var right = q.TrueFalseAnswer ? q.TrueFeedback : q.FalseFeedback;
                var wrong = q.TrueFalseAnswer ? q.FalseFeedback : q.TrueFeedback;
                sb.Append('{').Append(q.TrueFalseAnswer ? "TRUE" : "FALSE");
                if (HasText(wrong) || HasText(right))
                {
                    sb.Append('#').Append(Part(wrong));
                }
                if (HasText(right))
                {
                    sb.Append('#').Append(Part(right));
                }
                return sb.Append(General(q, inline: true)).Append('}').ToString();
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                sb.Append("{\n");
                var equalsUsed = false;
                foreach (var choice in q.Choices)
                {
                    // One "=" at most, the rest "~", so that the block always reads as a choice question.
                    var useEquals = q.Kind == QuestionKind.SingleChoice && !equalsUsed && choice.Fraction == 1;
                    equalsUsed |= useEquals;
                    Weighted(sb, useEquals ? '=' : '~', useEquals ? 1 : 0, choice);
                }
                return sb.Append(General(q, inline: false)).Append('}').ToString();
            case QuestionKind.ShortAnswer:
                sb.Append("{\n");
                foreach (var answer in q.Choices)
                {
                    if (answer.Text.Contains("->", StringComparison.Ordinal) || answer.Feedback?.Contains("->", StringComparison.Ordinal) == true)
                    {
                        throw new ArgumentException($"Short answer '{answer.Text}' holds \"->\", which GIFT would read as a matching question.", nameof(q));
                    }
                    Weighted(sb, '=', 1, answer);
                }
                return sb.Append(General(q, inline: false)).Append('}').ToString();
            case QuestionKind.Numerical:
                sb.Append("{#\n");
                foreach (var number in q.Numbers)
                {
                    Number(sb, number);
                }
                return sb.Append(General(q, inline: false)).Append('}').ToString();
            case QuestionKind.Matching:
                sb.Append("{\n");
                foreach (var pair in q.Pairs)
                {
                    if (pair.Left.Contains("->", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"Matching left side '{pair.Left}' holds \"->\", which GIFT cannot escape.", nameof(q));
                    }
                    sb.Append("\t=").Append(Part(pair.Left)).Append(" -> ").Append(GiftText.Escape(pair.Right)).Append('\n');
                }
                return sb.Append(General(q, inline: false)).Append('}').ToString();
            default:
                throw new ArgumentOutOfRangeException(nameof(q), q.Kind, "Unknown question kind.");
        }
    }

    private static void Weighted(StringBuilder sb, char marker, double markerFraction, Choice choice)
    {
        var text = Part(choice.Text);
        sb.Append('\t').Append(marker);
        if (choice.Fraction != markerFraction || text.StartsWith('%'))
        {
            sb.Append('%').Append(GiftPercent.Write(choice.Fraction)).Append('%');
        }
        sb.Append(text).Append(Feedback(choice.Feedback)).Append('\n');
    }

    private static void Number(StringBuilder sb, NumericAnswer n)
    {
        if (n.IsCatchAll && n.Fraction == 0)
        {
            sb.Append("\t~").Append(Feedback(n.Feedback)).Append('\n');
            return;
        }
        if (!double.IsFinite(n.Min) || !double.IsFinite(n.Max))
        {
            throw new ArgumentException("GIFT has no open numerical range other than ~ (any other number, worth 0).", nameof(n));
        }
        sb.Append("\t=");
        if (n.Fraction != 1)
        {
            sb.Append('%').Append(GiftPercent.Write(n.Fraction)).Append('%');
        }
        if (n is { Value: { } value, Tolerance: { } tolerance } && value - tolerance == n.Min && value + tolerance == n.Max)
        {
            sb.Append(Num(value));
            if (tolerance != 0)
            {
                sb.Append(':').Append(Num(tolerance));
            }
        }
        else
        {
            sb.Append(Num(n.Min)).Append("..").Append(Num(n.Max));
        }
        sb.Append(Feedback(n.Feedback)).Append('\n');
    }

    private static string General(Question q, bool inline) =>
        !HasText(q.GeneralFeedback) ? "" : inline ? "####" + Part(q.GeneralFeedback) : "\t####" + Part(q.GeneralFeedback) + "\n";

    private static string Feedback(string? feedback) => HasText(feedback) ? "#" + Part(feedback) : "";

    /// <summary>An answer or feedback: escaped, and shielded by a [moodle] marker when it starts like a format marker the reader would drop.</summary>
    private static string Part(string? text)
    {
        var escaped = GiftText.Escape(text ?? "");
        return text is not null && GiftText.StartsWithFormat(text) ? GiftText.FormatMarker(TextFormat.Moodle) + escaped : escaped;
    }

    private static bool HasText(string? text) => !string.IsNullOrWhiteSpace(text);

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
