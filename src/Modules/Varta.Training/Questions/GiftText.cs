using System.Text;

namespace Varta.Training.Questions;

/// <summary>
/// GIFT's escapes: <c>\~ \= \# \{ \} \:</c> stand for the character, <c>\n</c> for a new line and <c>\\</c> for a backslash.
/// A backslash before any other character is kept as it is (Moodle does the same, so that TeX such as <c>\(x\)</c> passes through).
/// </summary>
internal static class GiftText
{
    private static readonly string[] FormatNames = ["moodle", "html", "plain", "markdown"];

    public static bool IsEscapable(char c) => c is '\\' or '~' or '=' or '#' or '{' or '}' or ':' or 'n';

    /// <summary>Marks the backslash and the character of every escape, so that a search for a control character skips them.</summary>
    public static bool[] EscapeMask(string s)
    {
        var mask = new bool[s.Length];
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (s[i] == '\\' && IsEscapable(s[i + 1]))
            {
                mask[i] = true;
                mask[i + 1] = true;
                i++;
            }
        }
        return mask;
    }

    public static string Unescape(string s, int from, int to)
    {
        var sb = new StringBuilder(to - from);
        for (var i = from; i < to; i++)
        {
            if (s[i] == '\\' && i + 1 < to && IsEscapable(s[i + 1]))
            {
                sb.Append(s[i + 1] == 'n' ? '\n' : s[i + 1]);
                i++;
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '~' or '=' or '#' or '{' or '}' or ':':
                    sb.Append('\\').Append(c);
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                case '\r':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Reads a leading <c>[html]</c>-style marker at <paramref name="at"/>; unknown names are ordinary text, as in Moodle.</summary>
    public static bool TryReadFormat(string s, int at, int to, out TextFormat format, out int after)
    {
        format = TextFormat.Moodle;
        after = at;
        if (at >= to || s[at] != '[')
        {
            return false;
        }
        var close = s.IndexOf(']', at, to - at);
        if (close < 0)
        {
            return false;
        }
        var index = Array.IndexOf(FormatNames, s[(at + 1)..close]);
        if (index < 0)
        {
            return false;
        }
        format = (TextFormat)index;
        after = close + 1;
        return true;
    }

    public static bool StartsWithFormat(string text) => TryReadFormat(text, 0, text.Length, out _, out _);

    public static string FormatMarker(TextFormat format) => "[" + FormatNames[(int)format] + "]";
}
