namespace Varta.Training.Questions;

/// <summary>
/// Grades one response the way Moodle's question types do, with these rules:
/// single choice scores the chosen choice's fraction (which may be negative); multiple choice adds up the chosen
/// fractions (wrong picks subtract) and clamps the sum to [0, 1]; true-false scores 1 or 0; short answer and
/// numerical score the best answer the response matches (Moodle takes the first in the author's order; the best is the
/// same whenever authors list the best first, and never worse); matching scores the share of pairs matched right;
/// an essay gets no fraction until a trainer grades it; a description is not graded.
/// No response, or indexes outside the question, count as not answered (0, or null for an essay) — never an exception.
/// </summary>
internal static class Grader
{
    public static Mark Grade(Question question, ResponseValue? response)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Kind switch
        {
            QuestionKind.SingleChoice => Single(question, response),
            QuestionKind.MultipleChoice => Multiple(question, response),
            QuestionKind.TrueFalse => TrueFalse(question, response),
            QuestionKind.ShortAnswer => ShortAnswer(question, response),
            QuestionKind.Numerical => Numerical(question, response),
            QuestionKind.Matching => Matching(question, response),
            QuestionKind.Essay => string.IsNullOrWhiteSpace(response?.Text)
                ? Mark.NotAnswered(null)
                : new Mark(null, null, MarkState.NeedsGrading),
            _ => new Mark(null, null, MarkState.NotGraded),
        };
    }

    /// <summary>Something to grade: what Finish needs (Moodle's "gradable response").</summary>
    public static bool IsGradable(Question question, ResponseValue? response) =>
        Grade(question, response).State is not (MarkState.NotAnswered or MarkState.NotGraded);

    /// <summary>
    /// A whole answer: what Check needs (Moodle's "complete response"). A matching question needs every pair answered,
    /// and a numerical response must be a number.
    /// </summary>
    public static bool IsComplete(Question question, ResponseValue? response)
    {
        var mark = Grade(question, response);
        if (mark.State is MarkState.NotAnswered or MarkState.NotGraded or MarkState.Invalid)
        {
            return false;
        }
        return question.Kind != QuestionKind.Matching || AnsweredPairs(question, response).Count == RealPairs(question).Count();
    }

    private static Mark Single(Question q, ResponseValue? r)
    {
        var chosen = Chosen(q.Choices.Count, r);
        if (chosen.Count != 1)
        {
            return Mark.NotAnswered();
        }
        var choice = q.Choices[chosen[0]];
        return Mark.Of(choice.Fraction, choice.Feedback);
    }

    private static Mark Multiple(Question q, ResponseValue? r)
    {
        var chosen = Chosen(q.Choices.Count, r);
        if (chosen.Count == 0)
        {
            return Mark.NotAnswered();
        }
        var sum = chosen.Sum(i => q.Choices[i].Fraction);
        var feedback = string.Join("\n", chosen.Select(i => q.Choices[i].Feedback).Where(f => !string.IsNullOrEmpty(f)));
        return Mark.Of(Math.Clamp(sum, 0, 1), feedback.Length == 0 ? null : feedback);
    }

    private static Mark TrueFalse(Question q, ResponseValue? r)
    {
        var chosen = Chosen(2, r);
        if (chosen.Count != 1)
        {
            return Mark.NotAnswered();
        }
        var saidTrue = chosen[0] == ResponseValue.True;
        return Mark.Of(saidTrue == q.TrueFalseAnswer ? 1 : 0, saidTrue ? q.TrueFeedback : q.FalseFeedback);
    }

    private static Mark ShortAnswer(Question q, ResponseValue? r)
    {
        if (string.IsNullOrWhiteSpace(r?.Text))
        {
            return Mark.NotAnswered();
        }
        Choice? best = null;
        foreach (var answer in q.Choices)
        {
            if ((best is null || answer.Fraction > best.Fraction) && TextAnswer.Matches(answer.Text, r.Text, q.CaseSensitive))
            {
                best = answer;
            }
        }
        return Mark.Of(best?.Fraction ?? 0, best?.Feedback);
    }

    private static Mark Numerical(Question q, ResponseValue? r)
    {
        if (string.IsNullOrWhiteSpace(r?.Text))
        {
            return Mark.NotAnswered();
        }
        if (!NumberText.TryRead(r.Text, out var value))
        {
            var shown = r.Text.Trim();
            return new Mark(0, null, MarkState.Invalid)
            {
                NoticeEn = $"“{shown}” is not a number.",
                NoticeUk = $"«{shown}» не є числом.",
            };
        }
        NumericAnswer? best = null;
        foreach (var answer in q.Numbers)
        {
            if ((best is null || answer.Fraction > best.Fraction) && NumberText.Within(value, answer.Min, answer.Max))
            {
                best = answer;
            }
        }
        return Mark.Of(best?.Fraction ?? 0, best?.Feedback);
    }

    private static Mark Matching(Question q, ResponseValue? r)
    {
        var answered = AnsweredPairs(q, r);
        if (answered.Count == 0)
        {
            return Mark.NotAnswered();
        }
        var right = answered.Count(a => string.Equals(a.Value.Trim(), q.Pairs[a.Key].Right, StringComparison.Ordinal));
        return Mark.Of((double)right / RealPairs(q).Count(), null);
    }

    /// <summary>Distinct indexes inside [0, count), in ascending order.</summary>
    private static List<int> Chosen(int count, ResponseValue? r) =>
        r?.Selected is null ? [] : [.. r.Selected.Where(i => i >= 0 && i < count).Distinct().Order()];

    private static IEnumerable<int> RealPairs(Question q) =>
        Enumerable.Range(0, q.Pairs.Count).Where(i => q.Pairs[i].Left.Length > 0);

    private static List<KeyValuePair<int, string>> AnsweredPairs(Question q, ResponseValue? r) =>
        r?.Matches is null
            ? []
            : [.. r.Matches.Where(m => m.Key >= 0 && m.Key < q.Pairs.Count && q.Pairs[m.Key].Left.Length > 0 && !string.IsNullOrWhiteSpace(m.Value))];
}
