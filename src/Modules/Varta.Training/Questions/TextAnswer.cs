using System.Text;
using System.Text.RegularExpressions;

namespace Varta.Training.Questions;

/// <summary>
/// Short-answer matching: both sides Unicode-normalised (NFC), trimmed, inner runs of white space made one space;
/// case ignored unless the question says otherwise; "*" in the answer stands for any run of characters and "\*" for
/// an asterisk itself (Moodle's wildcard).
/// </summary>
internal static class TextAnswer
{
    public static bool Matches(string answer, string response, bool caseSensitive)
    {
        var pattern = Normalize(answer);
        var text = Normalize(response);
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, text, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }
        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking;
        if (!caseSensitive)
        {
            options |= RegexOptions.IgnoreCase;
        }
        return Regex.IsMatch(text, ToRegex(pattern), options);
    }

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder(@"\A");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                sb.Append(@"\*");
                i++;
            }
            else if (pattern[i] == '*')
            {
                while (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                }
                sb.Append(".*");
            }
            else
            {
                sb.Append(Regex.Escape(pattern[i].ToString()));
            }
        }
        return sb.Append(@"\z").ToString();
    }
}
