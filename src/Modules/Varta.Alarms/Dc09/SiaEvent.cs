using System.Diagnostics.CodeAnalysis;

namespace Varta.Alarms.Dc09;

/// <summary>
/// SIA DC-03 data as DC-09 carries it: <c>#acct|N</c> followed by blocks such as <c>ri01/BA001</c>. Lower-case
/// two-letter modifiers (<c>ri</c> area, <c>id</c> user, <c>ti</c> time, <c>pi</c> peripheral) carry a value;
/// an upper-case pair is an event code followed by its zone or user number and optional <c>^text^</c>. Blocks are
/// separated by '/'; an area given by <c>ri</c> holds for the events after it.
/// </summary>
internal static class SiaEvent
{
    /// <summary>The first event of the message.</summary>
    public static bool TryParse(string data, string? headerAccount, [NotNullWhen(true)] out PanelEvent? panelEvent)
    {
        panelEvent = TryParseAll(data, headerAccount, out var events) ? events[0] : null;
        return panelEvent is not null;
    }

    /// <summary>Every event of the message, in order; false when there is none or the data is malformed.</summary>
    public static bool TryParseAll(string data, string? headerAccount, out IReadOnlyList<PanelEvent> events)
    {
        ArgumentNullException.ThrowIfNull(data);
        events = [];
        if (!PanelEvent.TrySplitAccount(data, headerAccount, out var account, out var rest)
            || rest.IsEmpty || rest[0] is not ('N' or 'O'))
        {
            return false;
        }

        var previouslyReported = rest[0] == 'O';
        string? partition = null;
        var found = new List<PanelEvent>();
        var pos = 1;
        while (pos < rest.Length)
        {
            var c = rest[pos];
            if (c == '/')
            {
                pos++;
            }
            else if (IsPair(rest, pos, char.IsAsciiLetterLower))
            {
                var modifier = rest.Slice(pos, 2);
                pos += 2;
                var value = ReadWhile(rest, ref pos, static ch => char.IsAsciiDigit(ch) || ch is ':' or '-' or '.');
                if (modifier.SequenceEqual("ri"))
                {
                    partition = value.Length > 0 ? value : null;
                }
            }
            else if (IsPair(rest, pos, char.IsAsciiLetterUpper))
            {
                var code = rest.Slice(pos, 2).ToString();
                pos += 2;
                var address = ReadWhile(rest, ref pos, char.IsAsciiDigit);
                string? text = null;
                if (pos < rest.Length && rest[pos] == '^')
                {
                    var end = rest[(pos + 1)..].IndexOf('^');
                    if (end < 0)
                    {
                        return false;
                    }

                    text = rest.Slice(pos + 1, end).ToString();
                    pos += end + 2;
                }

                var (kind, isRestore, description) = SiaCodes.Classify(code);
                found.Add(new PanelEvent(account, kind, PanelProtocol.Sia, code, partition,
                    address.Length > 0 ? address : null, isRestore, description)
                {
                    IsPreviouslyReported = previouslyReported,
                    Text = text,
                });
            }
            else
            {
                return false;
            }
        }

        events = found;
        return found.Count > 0;
    }

    private static bool IsPair(ReadOnlySpan<char> text, int pos, Func<char, bool> accept) =>
        pos + 1 < text.Length && accept(text[pos]) && accept(text[pos + 1]);

    private static string ReadWhile(ReadOnlySpan<char> text, ref int pos, Func<char, bool> accept)
    {
        var start = pos;
        while (pos < text.Length && accept(text[pos]))
        {
            pos++;
        }

        return text[start..pos].ToString();
    }
}
