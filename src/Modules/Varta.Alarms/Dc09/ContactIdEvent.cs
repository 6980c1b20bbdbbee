using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Varta.Alarms.Dc09;

/// <summary>
/// Contact ID (ADM-CID) data: <c>#acct|QEEE GG ZZZ</c> — qualifier (1 new event or opening, 3 restore or
/// closing, 6 previously reported), three-digit event code, two-digit partition, three-digit zone or user.
/// </summary>
internal static class ContactIdEvent
{
    public static bool TryParse(string data, string? headerAccount, [NotNullWhen(true)] out PanelEvent? panelEvent)
    {
        ArgumentNullException.ThrowIfNull(data);
        panelEvent = null;
        if (!PanelEvent.TrySplitAccount(data, headerAccount, out var account, out var rest))
        {
            return false;
        }

        // Q EEE, then GG and ZZZ each optionally preceded by one space (panels differ).
        if (rest.Length < 9 || rest[0] is not ('1' or '3' or '6') || !IsRun(rest, 1, 3, char.IsAsciiDigit))
        {
            return false;
        }

        var qualifier = rest[0];
        var code = rest.Slice(1, 3).ToString();
        var pos = 4;
        SkipSpace(rest, ref pos);
        if (!IsRun(rest, pos, 2, char.IsAsciiHexDigit))
        {
            return false;
        }

        var partition = rest.Slice(pos, 2).ToString();
        pos += 2;
        SkipSpace(rest, ref pos);
        if (!IsRun(rest, pos, 3, char.IsAsciiHexDigit) || pos + 3 != rest.Length)
        {
            return false;
        }

        var zone = rest.Slice(pos, 3).ToString();
        var number = int.Parse(code, CultureInfo.InvariantCulture);
        var (kind, description) = ContactIdCodes.Classify(number);

        // 4xx open/close codes use the qualifier for opening (1) and closing (3), which is not a restore.
        var openClose = number is >= 400 and <= 499;
        var isRestore = qualifier == '3' && !openClose;
        if (openClose)
        {
            description += qualifier == '3' ? " (closing)" : " (opening)";
        }

        panelEvent = new PanelEvent(account, isRestore && kind == PanelEventKind.Other ? PanelEventKind.Restore : kind,
            PanelProtocol.ContactId, code, partition, zone, isRestore, description)
        {
            IsPreviouslyReported = qualifier == '6',
        };
        return true;
    }

    private static bool IsRun(ReadOnlySpan<char> text, int start, int length, Func<char, bool> accept)
    {
        if (start + length > text.Length)
        {
            return false;
        }

        foreach (var c in text.Slice(start, length))
        {
            if (!accept(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void SkipSpace(ReadOnlySpan<char> text, ref int pos)
    {
        if (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }
}
