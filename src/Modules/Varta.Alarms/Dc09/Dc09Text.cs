using System.Globalization;
using System.Text;

namespace Varta.Alarms.Dc09;

/// <summary>Character classes of the DC-09 grammar, shared by the reader and the builder so they accept the same frames.</summary>
internal static class Dc09Text
{
    /// <summary>
    /// Frames are read and written as Latin-1, one char per byte, so nothing is lost between the wire and the
    /// strings (extended data such as alarm text may be Windows-1252).
    /// </summary>
    public static Encoding Encoding => Encoding.Latin1;

    /// <summary>Anything but control characters: printable ASCII and the upper half of the byte range.</summary>
    public static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x20 or 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsPrintable(char c) => c is >= ' ' and <= '\u00FF' and not '\u007F';

    /// <summary>Visible ASCII but the closing quote, so that unknown IDs (e.g. "ADM-4/2") are read and answered with DUH.</summary>
    public static bool IsIdChar(char c) => c is > ' ' and <= '~' and not '"';

    /// <summary>Printable and not a bracket: what may stand inside a data or extended data field.</summary>
    public static bool IsFieldChar(char c) => IsPrintable(c) && c is not '[' and not ']';

    public static bool All(string text, Func<char, bool> accept)
    {
        foreach (var c in text)
        {
            if (!accept(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A rejected frame as one safe log line: control characters escaped, long input cut.</summary>
    public static string ForLog(ReadOnlySpan<byte> bytes, int max = 200)
    {
        var text = new StringBuilder(Math.Min(bytes.Length, max) + 8);
        foreach (var b in bytes[..Math.Min(bytes.Length, max)])
        {
            if (b is < 0x20 or 0x7F)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }
            else
            {
                text.Append((char)b);
            }
        }

        return bytes.Length > max ? text.Append('…').ToString() : text.ToString();
    }
}
