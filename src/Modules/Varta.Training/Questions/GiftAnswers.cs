using System.Globalization;

namespace Varta.Training.Questions;

/// <summary>
/// Reads the answer block of one GIFT question. Errors go to the shared list; a question with any error is dropped.
/// </summary>
/// <remarks>
/// Weights: any percentage from -100 to 100 is taken as written (Moodle's importer by default also insists on its
/// fixed list of grades, so that %33.3% fails there; here it is 0.333). Negative weights are for choice answers only.
/// A choice question whose positive weights are two or more and add up to 100 % (within half a percent, so that
/// three times %33.3% counts) lets the student pick several answers; otherwise one answer must be worth 100 %.
/// </remarks>
internal sealed class GiftAnswers(GiftBlock block, int line, List<GiftError> errors)
{
    private const double SumTolerance = 0.005;
    private readonly string _s = block.Text;
    private readonly bool[] _mask = block.Mask;

    private readonly record struct Item(char Marker, int At, int Start, int End);

    public Question? Read(Question question, int from, int to)
    {
        var before = errors.Count;
        var general = FindLastQuad(from, to);
        if (general >= 0)
        {
            question = question with { GeneralFeedback = Part(general + 4, to) };
            to = general;
        }
        var b = GiftReader.SkipSpace(_s, from, to);
        var e = GiftReader.TrimEnd(_s, b, to);
        Question? result;
        if (b >= e)
        {
            result = question with { Kind = QuestionKind.Essay };
        }
        else if (_s[b] == '#' && !_mask[b])
        {
            result = Numerical(question, b + 1, e);
        }
        else if (Find('~', b, e) >= 0)
        {
            result = Choices(question, b, e);
        }
        else if (Find('=', b, e) >= 0 && _s.IndexOf("->", b, e - b, StringComparison.Ordinal) >= 0)
        {
            result = Matching(question, b, e);
        }
        else
        {
            result = TrueFalse(question, b, e) ?? ShortAnswer(question, b, e);
        }
        return errors.Count == before ? result : null;
    }

    private Question? Choices(Question question, int b, int e)
    {
        var before = errors.Count;
        var choices = new List<Choice>();
        foreach (var item in Split(b, e, "~="))
        {
            if (item.Marker == '\0')
            {
                errors.Add(GiftErrors.NoMarker(Line(item.At), Raw(item.Start, item.End)));
                continue;
            }
            if (ReadWeighted(item, item.Marker == '=' ? 1 : 0, allowNegative: true) is { } choice)
            {
                choices.Add(choice);
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (choices.Count < 2)
        {
            return Fail(GiftErrors.FewChoices(line));
        }
        var positives = choices.Where(c => c.Fraction > 0).ToList();
        var sum = positives.Sum(c => c.Fraction);
        if (positives.Count >= 2 && Math.Abs(sum - 1) < SumTolerance)
        {
            return question with { Kind = QuestionKind.MultipleChoice, Choices = choices };
        }
        if (choices.Max(c => c.Fraction) >= 1)
        {
            return question with { Kind = QuestionKind.SingleChoice, Choices = choices };
        }
        return Fail(positives.Count >= 2 ? GiftErrors.Sum(line, sum * 100) : GiftErrors.NoRight(line));
    }

    private Question? ShortAnswer(Question question, int b, int e)
    {
        var answers = new List<Choice>();
        foreach (var item in Split(b, e, "="))
        {
            // Moodle takes text before the first = as an answer worth 100 %: {Paris} is a short answer.
            if (ReadWeighted(item, 1, allowNegative: false) is { } answer)
            {
                answers.Add(answer);
            }
        }
        if (answers.Count == 0)
        {
            return null;
        }
        return answers.Max(a => a.Fraction) < 1
            ? Fail(GiftErrors.NoRight(line))
            : question with { Kind = QuestionKind.ShortAnswer, Choices = answers };
    }

    private Question? Numerical(Question question, int b, int e)
    {
        var before = errors.Count;
        var numbers = new List<NumericAnswer>();
        foreach (var item in Split(b, e, "=~"))
        {
            var p = GiftReader.SkipSpace(_s, item.Start, item.End);
            if (item.Marker == '~')
            {
                // ~#feedback: what any other number gets (Moodle's "*" answer).
                if (p < item.End && (_s[p] != '#' || _mask[p]))
                {
                    errors.Add(GiftErrors.AfterTilde(Line(p), Raw(p, item.End)));
                    continue;
                }
                numbers.Add(NumericAnswer.AnyOther(p < item.End ? Part(p + 1, item.End) : null));
                continue;
            }
            var fraction = 1.0;
            if (p < item.End && _s[p] == '%' && !TryWeight(ref p, item.End, allowNegative: false, ref fraction))
            {
                continue;
            }
            var hash = Find('#', p, item.End);
            var end = hash < 0 ? item.End : hash;
            var feedback = hash < 0 ? null : Part(hash + 1, item.End);
            if (ReadNumber(GiftText.Unescape(_s, p, end).Trim(), Line(p), fraction, feedback) is { } number)
            {
                numbers.Add(number);
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (numbers.All(n => n.IsCatchAll))
        {
            return Fail(GiftErrors.NoNumber(line));
        }
        return numbers.Where(n => !n.IsCatchAll).Max(n => n.Fraction) < 1
            ? Fail(GiftErrors.NoRight(line))
            : question with { Kind = QuestionKind.Numerical, Numbers = numbers };
    }

    private NumericAnswer? ReadNumber(string text, int at, double fraction, string? feedback)
    {
        if (text.Length == 0)
        {
            return Fail<NumericAnswer>(GiftErrors.NoNumber(at));
        }
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            if (!TryNumber(text[..dots], out var min) || !TryNumber(text[(dots + 2)..], out var max))
            {
                return Fail<NumericAnswer>(GiftErrors.Number(at, text));
            }
            return min > max
                ? Fail<NumericAnswer>(GiftErrors.Backwards(at, text))
                : new NumericAnswer(min, max, fraction, feedback);
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var tolerance = 0.0;
        if (!TryNumber(colon > 0 ? text[..colon] : text, out var value)
            || colon > 0 && !TryNumber(text[(colon + 1)..], out tolerance))
        {
            return Fail<NumericAnswer>(GiftErrors.Number(at, text));
        }
        return tolerance < 0
            ? Fail<NumericAnswer>(GiftErrors.NegativeTolerance(at, text))
            : NumericAnswer.Around(value, tolerance, fraction, feedback);
    }

    private Question? Matching(Question question, int b, int e)
    {
        var before = errors.Count;
        var pairs = new List<MatchPair>();
        foreach (var item in Split(b, e, "="))
        {
            if (item.Marker == '\0')
            {
                errors.Add(GiftErrors.NoMarker(Line(item.At), Raw(item.Start, item.End)));
                continue;
            }
            var arrow = _s.IndexOf("->", item.Start, item.End - item.Start, StringComparison.Ordinal);
            if (arrow < 0)
            {
                errors.Add(GiftErrors.NoArrow(Line(item.At), Raw(item.Start, item.End)));
                continue;
            }
            var right = GiftText.Unescape(_s, arrow + 2, item.End).Trim();
            if (right.Length == 0)
            {
                errors.Add(GiftErrors.EmptyAfter(Line(arrow), "->"));
                continue;
            }
            pairs.Add(new MatchPair(Part(item.Start, arrow) ?? "", right));
        }
        if (errors.Count > before)
        {
            return null;
        }
        // Moodle's rule: at least two questions and three answers, the extra ones written as "= -> answer".
        return pairs.Count(p => p.Left.Length > 0) < 2 || pairs.Count < 3
            ? Fail(GiftErrors.TooFewPairs(line))
            : question with { Kind = QuestionKind.Matching, Pairs = pairs };
    }

    private Question? TrueFalse(Question question, int b, int e)
    {
        var hash = Find('#', b, e);
        bool? value = _s[b..(hash < 0 ? e : hash)].Trim().ToUpperInvariant() switch
        {
            "T" or "TRUE" => true,
            "F" or "FALSE" => false,
            _ => null,
        };
        if (value is not { } answer)
        {
            return null;
        }
        // {TRUE#feedback when wrong#feedback when right}
        string? wrong = null, right = null;
        if (hash >= 0)
        {
            var second = Find('#', hash + 1, e);
            wrong = Part(hash + 1, second < 0 ? e : second);
            right = second < 0 ? null : Part(second + 1, e);
        }
        return question with
        {
            Kind = QuestionKind.TrueFalse,
            TrueFalseAnswer = answer,
            TrueFeedback = answer ? right : wrong,
            FalseFeedback = answer ? wrong : right,
        };
    }

    private Choice? ReadWeighted(Item item, double fraction, bool allowNegative)
    {
        var p = GiftReader.SkipSpace(_s, item.Start, item.End);
        if (p < item.End && _s[p] == '%' && !TryWeight(ref p, item.End, allowNegative, ref fraction))
        {
            return null;
        }
        var hash = Find('#', p, item.End);
        var text = Part(p, hash < 0 ? item.End : hash);
        if (text is null)
        {
            errors.Add(GiftErrors.EmptyAfter(Line(item.At), item.Marker == '\0' ? "{" : item.Marker.ToString()));
            return null;
        }
        return new Choice(text, fraction, hash < 0 ? null : Part(hash + 1, item.End));
    }

    private bool TryWeight(ref int p, int end, bool allowNegative, ref double fraction)
    {
        var close = _s.IndexOf('%', p + 1, end - p - 1);
        if (close < 0)
        {
            errors.Add(GiftErrors.WeightNotClosed(Line(p)));
            return false;
        }
        var raw = _s[(p + 1)..close];
        if (!GiftPercent.TryRead(raw, out var read) || read is < -1 or > 1)
        {
            errors.Add(GiftErrors.Weight(Line(p), raw));
            return false;
        }
        if (read < 0 && !allowNegative)
        {
            errors.Add(GiftErrors.NegativeWeight(Line(p), raw));
            return false;
        }
        fraction = read;
        p = close + 1;
        return true;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Splits [from, to) at each unescaped marker; text before the first marker is an item with marker '\0'.</summary>
    private List<Item> Split(int from, int to, string markers)
    {
        var items = new List<Item>();
        var marker = '\0';
        var at = from;
        for (var i = from; i <= to; i++)
        {
            if (i < to && (_mask[i] || !markers.Contains(_s[i], StringComparison.Ordinal)))
            {
                continue;
            }
            var start = marker == '\0' ? at : at + 1;
            if (marker != '\0' || GiftReader.SkipSpace(_s, start, i) < i)
            {
                items.Add(new Item(marker, at, start, i));
            }
            if (i < to)
            {
                marker = _s[i];
                at = i;
            }
        }
        return items;
    }

    /// <summary>The last unescaped "####" (general feedback follows it), as Moodle looks for the last one.</summary>
    private int FindLastQuad(int from, int to)
    {
        for (var i = to - 4; i >= from; i--)
        {
            if (_s[i] == '#' && _s[i + 1] == '#' && _s[i + 2] == '#' && _s[i + 3] == '#'
                && !_mask[i] && !_mask[i + 1] && !_mask[i + 2] && !_mask[i + 3])
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>An answer or feedback text: a leading format marker is dropped (the question's format applies), escapes resolved, trimmed.</summary>
    private string? Part(int from, int to)
    {
        var p = GiftReader.SkipSpace(_s, from, to);
        GiftText.TryReadFormat(_s, p, to, out _, out p);
        return GiftReader.NullIfEmpty(GiftText.Unescape(_s, p, to).Trim());
    }

    private int Find(char c, int from, int to) => GiftReader.Find(_s, _mask, c, from, to);

    private string Raw(int from, int to) => _s[from..to].Trim();

    private int Line(int offset) => block.LineAt(offset);

    private Question? Fail(GiftError error) => Fail<Question>(error);

    private T? Fail<T>(GiftError error) where T : class
    {
        errors.Add(error);
        return null;
    }
}
