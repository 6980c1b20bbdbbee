using System.Text;

namespace Varta.Training.Questions;

/// <summary>
/// One question's lines: GIFT separates questions with blank lines, and drops lines that start with <c>//</c>.
/// The kept lines are joined with new lines; offsets into <see cref="Text"/> map back to line numbers of the file.
/// </summary>
internal sealed class GiftBlock
{
    private readonly List<int> _starts = [];
    private readonly List<int> _lines = [];
    private readonly StringBuilder _builder = new();
    private bool[]? _mask;
    private string? _text;

    public string Text => _text ??= _builder.ToString();

    public bool[] Mask => _mask ??= GiftText.EscapeMask(Text);

    public int LineAt(int offset)
    {
        var i = _starts.BinarySearch(offset);
        return _lines[i >= 0 ? i : Math.Max(0, ~i - 1)];
    }

    public static IEnumerable<GiftBlock> Split(string file)
    {
        var lines = file.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var block = new GiftBlock();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                if (block._lines.Count > 0)
                {
                    yield return block;
                    block = new GiftBlock();
                }
                continue;
            }
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            block.Add(line, i + 1);
        }
        if (block._lines.Count > 0)
        {
            yield return block;
        }
    }

    private void Add(string line, int number)
    {
        if (_lines.Count > 0)
        {
            _builder.Append('\n');
        }
        _starts.Add(_builder.Length);
        _lines.Add(number);
        _builder.Append(line);
    }
}
