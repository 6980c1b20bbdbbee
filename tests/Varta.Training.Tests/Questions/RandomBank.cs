using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

/// <summary>Random banks of every kind, with GIFT's special characters, TeX backslashes, new lines, gaps and format-like text.</summary>
internal static class RandomBank
{
    private const string Alphabet = "abcXYZ Київ їЄґ 0123 ~=#{}:\\%[]-> /$_*'\".,!?\t\n";
    private static readonly string[] Prefixes = ["[html]", "//", "%", "::", "$CATEGORY:", "#", "=", "~", "\\", "[x]"];
    private static readonly double[] Partial = [0, 0.5, -0.5, -1, 0.3333333, 0.1, 0.9, 1];
    private static readonly double[] NotPositive = [0, -0.5, -1, -0.3333333];
    private static readonly double[][] Splits = [[0.5, 0.5], [0.25, 0.25, 0.25, 0.25], [0.3333333, 0.3333333, 0.3333333], [0.4, 0.6]];

    public static List<Question> Make(int seed, int count)
    {
        var r = new Random(seed);
        var questions = new List<Question>();
        string? category = null;
        for (var i = 0; i < count; i++)
        {
            if (r.Next(6) == 0)
            {
                category = r.Next(3) == 0 ? null : Text(r);
            }
            questions.Add(One(r, (QuestionKind)(i % 8)) with { Category = category });
        }
        return questions;
    }

    private static Question One(Random r, QuestionKind kind)
    {
        var q = new Question
        {
            Kind = kind,
            Title = r.Next(3) == 0 ? null : Text(r),
            Text = r.Next(5) == 0 ? Text(r) + " _____ " + Text(r) : Text(r),
            Format = (TextFormat)r.Next(4),
            GeneralFeedback = kind == QuestionKind.Description ? null : Maybe(r),
        };
        switch (kind)
        {
            case QuestionKind.SingleChoice:
                List<Choice> single = [new(Text(r), 1, Maybe(r))];
                single.AddRange(Enumerable.Range(0, r.Next(1, 5)).Select(_ => new Choice(Text(r), Partial[r.Next(Partial.Length)], Maybe(r))));
                return q with { Choices = [.. single.OrderBy(_ => r.Next())] };
            case QuestionKind.MultipleChoice:
                var multi = Splits[r.Next(Splits.Length)].Select(f => new Choice(Text(r), f, Maybe(r))).ToList();
                multi.AddRange(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new Choice(Text(r), NotPositive[r.Next(NotPositive.Length)], Maybe(r))));
                return q with { Choices = [.. multi.OrderBy(_ => r.Next())] };
            case QuestionKind.TrueFalse:
                return q with { TrueFalseAnswer = r.Next(2) == 0, TrueFeedback = Maybe(r), FalseFeedback = Maybe(r) };
            case QuestionKind.ShortAnswer:
                List<Choice> answers = [new(Text(r, arrows: false), 1, Maybe(r, arrows: false))];
                answers.AddRange(Enumerable.Range(0, r.Next(0, 3)).Select(_ => new Choice(Text(r, arrows: false), r.Next(1, 11) / 10.0, Maybe(r, arrows: false))));
                return q with { Choices = answers };
            case QuestionKind.Numerical:
                List<NumericAnswer> numbers = [Number(r, 1)];
                numbers.AddRange(Enumerable.Range(0, r.Next(0, 3)).Select(_ => Number(r, r.Next(0, 11) / 10.0)));
                if (r.Next(2) == 0)
                {
                    numbers.Add(NumericAnswer.AnyOther(Maybe(r)));
                }
                return q with { Numbers = numbers };
            case QuestionKind.Matching:
                var pairs = Enumerable.Range(0, r.Next(3, 6)).Select(_ => new MatchPair(Text(r, arrows: false), Text(r))).ToList();
                pairs.AddRange(Enumerable.Range(0, r.Next(0, 2)).Select(_ => new MatchPair("", Text(r))));
                return q with { Pairs = pairs };
            case QuestionKind.Description:
                return q with { DefaultMark = 0 };
            default:
                return q;
        }
    }

    private static NumericAnswer Number(Random r, double fraction)
    {
        var value = Math.Round((r.NextDouble() * 2000) - 1000, r.Next(0, 4));
        if (r.Next(3) == 0)
        {
            return new NumericAnswer(value, value + Math.Round(r.NextDouble() * 10, 2), fraction, Maybe(r));
        }
        return NumericAnswer.Around(value, r.Next(3) == 0 ? 0 : Math.Round(r.NextDouble() * 5, 3), fraction, Maybe(r));
    }

    private static string? Maybe(Random r, bool arrows = true) => r.Next(3) == 0 ? null : Text(r, arrows);

    /// <summary>A trimmed, non-empty text as the reader would give it back.</summary>
    private static string Text(Random r, bool arrows = true)
    {
        var chars = Enumerable.Range(0, r.Next(1, 24)).Select(_ => Alphabet[r.Next(Alphabet.Length)]);
        var text = (r.Next(4) == 0 ? Prefixes[r.Next(Prefixes.Length)] : "") + string.Concat(chars);
        while (!arrows && text.Contains("->", StringComparison.Ordinal))
        {
            text = text.Replace("->", "- >", StringComparison.Ordinal);
        }
        text = text.Trim();
        return text.Length == 0 ? "x" : text;
    }
}
