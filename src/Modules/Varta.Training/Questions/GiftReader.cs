namespace Varta.Training.Questions;

/// <summary>
/// Reads a GIFT file question by question (Moodle's documentation of the format is the reference).
/// A question is ::title:: (optional), the text, and an answer block in braces; a block in the middle of the
/// text is the missing-word form, whose gap becomes "_____". The kind follows from the answer block:
/// empty is an essay, <c>#</c> first a numerical question, any <c>~</c> a choice question, <c>=</c> with <c>-&gt;</c>
/// a matching question, T/TRUE/F/FALSE a true-false question, anything else short answer; no block at all is a description.
/// </summary>
internal sealed class GiftReader
{
    private const string CategoryMarker = "$CATEGORY:";
    private readonly List<Question> _questions = [];
    private readonly List<GiftError> _errors = [];
    private string? _category;

    public static GiftParseResult Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var reader = new GiftReader();
        foreach (var block in GiftBlock.Split(file))
        {
            reader.ReadBlock(block);
        }
        return new GiftParseResult(reader._questions, reader._errors);
    }

    private void ReadBlock(GiftBlock block)
    {
        var s = block.Text;
        var pos = SkipSpace(s, 0, s.Length);
        if (string.CompareOrdinal(s, pos, CategoryMarker, 0, CategoryMarker.Length) == 0)
        {
            // $CATEGORY: applies to the questions after it; an empty name goes back to no category.
            var end = s.IndexOf('\n', pos);
            end = end < 0 ? s.Length : end;
            var name = GiftText.Unescape(s, pos + CategoryMarker.Length, end).Trim();
            _category = name.Length == 0 ? null : name;
            pos = SkipSpace(s, end, s.Length);
            if (pos >= s.Length)
            {
                return;
            }
        }
        var question = ReadQuestion(block, pos);
        if (question is not null)
        {
            _questions.Add(question);
        }
    }

    private Question? ReadQuestion(GiftBlock block, int pos)
    {
        var s = block.Text;
        var mask = block.Mask;
        var line = block.LineAt(pos);

        string? title = null;
        if (string.CompareOrdinal(s, pos, "::", 0, 2) == 0)
        {
            var close = FindPair(s, mask, ':', pos + 2, s.Length);
            if (close < 0)
            {
                return Fail(GiftErrors.Title(line));
            }
            title = NullIfEmpty(GiftText.Unescape(s, pos + 2, close).Trim());
            pos = close + 2;
        }

        var open = Find(s, mask, '{', pos, s.Length);
        var shut = Find(s, mask, '}', pos, s.Length);
        if (shut >= 0 && (open < 0 || shut < open))
        {
            return Fail(GiftErrors.Unopened(block.LineAt(shut)));
        }
        if (open >= 0 && shut < 0)
        {
            return Fail(GiftErrors.Unclosed(block.LineAt(open)));
        }
        if (open >= 0)
        {
            var nested = Find(s, mask, '{', open + 1, shut);
            if (nested >= 0)
            {
                return Fail(GiftErrors.Nested(block.LineAt(nested)));
            }
            var second = Find(s, mask, '{', shut + 1, s.Length);
            if (second >= 0)
            {
                return Fail(GiftErrors.SecondBlock(block.LineAt(second)));
            }
            var stray = Find(s, mask, '}', shut + 1, s.Length);
            if (stray >= 0)
            {
                return Fail(GiftErrors.Unopened(block.LineAt(stray)));
            }
        }

        var textStart = SkipSpace(s, pos, s.Length);
        GiftText.TryReadFormat(s, textStart, open < 0 ? s.Length : open, out var format, out textStart);
        var text = GiftText.Unescape(s, textStart, open < 0 ? s.Length : open);
        if (open >= 0 && SkipSpace(s, shut + 1, s.Length) < s.Length)
        {
            text += "_____" + GiftText.Unescape(s, shut + 1, s.Length);
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            return Fail(GiftErrors.Empty(line));
        }

        var question = new Question
        {
            Title = title,
            Text = text,
            Format = format,
            Category = _category,
            Line = line,
        };
        if (open < 0)
        {
            return question with { Kind = QuestionKind.Description, DefaultMark = 0 };
        }
        return new GiftAnswers(block, line, _errors).Read(question, open + 1, shut);
    }

    private Question? Fail(GiftError error)
    {
        _errors.Add(error);
        return null;
    }

    internal static int SkipSpace(string s, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(s[from]))
        {
            from++;
        }
        return from;
    }

    internal static int TrimEnd(string s, int from, int to)
    {
        while (to > from && char.IsWhiteSpace(s[to - 1]))
        {
            to--;
        }
        return to;
    }

    internal static int Find(string s, bool[] mask, char c, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (s[i] == c && !mask[i])
            {
                return i;
            }
        }
        return -1;
    }

    private static int FindPair(string s, bool[] mask, char c, int from, int to)
    {
        for (var i = from; i + 1 < to; i++)
        {
            if (s[i] == c && s[i + 1] == c && !mask[i] && !mask[i + 1])
            {
                return i;
            }
        }
        return -1;
    }

    internal static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
