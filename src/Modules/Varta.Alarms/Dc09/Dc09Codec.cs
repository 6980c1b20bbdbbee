using System.Diagnostics.CodeAnalysis;

namespace Varta.Alarms.Dc09;

/// <summary>
/// Reads DC-09 frames. On the wire: LF, CRC (4 hex), length ("0" + 3 hex), body, CR; the CRC and the length both
/// cover exactly the body, which runs from the opening quote of the message ID to the end of the timestamp.
/// Body: <c>"ID"seq[Rrcvr]Lpref[#acct][data][x…]…[_HH:MM:SS,MM-DD-YYYY]</c>; when the ID starts with '*' everything
/// after the '[' is hex-encoded AES-CBC ciphertext (see <see cref="Dc09Crypto"/>).
/// </summary>
internal static partial class Dc09Codec
{
    public const byte Lf = 0x0A;
    public const byte Cr = 0x0D;

    /// <summary>The length field has three hex digits, so no body is longer than this.</summary>
    public const int MaxBodyLength = 0xFFF;

    /// <summary>LF, CRC, length, the longest body, CR.</summary>
    public const int MaxFrameLength = EnvelopeLength + MaxBodyLength;

    private const int PrefixLength = 9; // LF + 4 CRC + 4 length
    private const int EnvelopeLength = PrefixLength + 1; // + CR
    private const int MaxIdLength = 16;
    private const int MaxHexFieldLength = 6;
    private const int MaxAccountLength = 16;

    /// <summary>Parses without keys and without a clock: encrypted frames are unsupported, timestamps are not checked against a window.</summary>
    public static bool TryParse(ReadOnlySpan<byte> input, [NotNullWhen(true)] out Dc09Frame? frame, out Dc09Error error) =>
        TryParse(input, Dc09ParseOptions.Default, out frame, out error);

    /// <summary>
    /// Never throws on any input (only if <see cref="Dc09ParseOptions.KeyForAccount"/> does). On
    /// <see cref="Dc09Error.Unsupported"/>, <see cref="Dc09Error.Decryption"/> and <see cref="Dc09Error.Timestamp"/>
    /// <paramref name="frame"/> still holds what was read (at least the header) so that an answer can echo it.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> input, Dc09ParseOptions options, [NotNullWhen(true)] out Dc09Frame? frame, out Dc09Error error)
    {
        ArgumentNullException.ThrowIfNull(options);
        frame = null;
        error = CheckEnvelope(input, out var body);
        if (error != Dc09Error.None)
        {
            return false;
        }

        var text = Dc09Text.Encoding.GetString(body);
        if (!TryReadHeader(text, out var header, out var dataStart))
        {
            error = Dc09Error.Format;
            return false;
        }

        header = header with { Raw = Dc09Text.Encoding.GetString(input) };
        if (!Dc09Ids.IsKnown(header.Id))
        {
            frame = header;
            error = Dc09Error.Unsupported;
            return false;
        }

        // Both forms continue after the '[': clear text directly, encrypted text once decrypted.
        var afterBracket = text.AsSpan(dataStart + 1);
        string content;
        if (header.Encrypted)
        {
            var key = header.Account is null ? null : options.KeyForAccount?.Invoke(header.Account);
            if (key is null)
            {
                frame = header;
                error = Dc09Error.Unsupported;
                return false;
            }

            if (!Dc09Crypto.TryDecrypt(afterBracket, key, out content))
            {
                frame = header;
                error = Dc09Error.Decryption;
                return false;
            }
        }
        else
        {
            content = afterBracket.ToString();
        }

        if (!TryReadContent(content, out var data, out var extended, out var timestamp))
        {
            // Under a wrong key the plaintext is noise that may still look printable; it fails here instead.
            frame = header.Encrypted ? header : null;
            error = header.Encrypted ? Dc09Error.Decryption : Dc09Error.Format;
            return false;
        }

        frame = header with { Data = data, ExtendedData = extended, Timestamp = timestamp };

        // The window guards encrypted frames against replay (the standard requires it there). A plain frame's clock
        // may drift or run on local time: it is accepted, and its skew is the receiver's to record.
        var staleOrMissing = header.Encrypted
            && (timestamp is null || (options.Now is { } now && !options.Window.Contains(timestamp.Value, now)));
        error = staleOrMissing ? Dc09Error.Timestamp : Dc09Error.None;
        return !staleOrMissing;
    }

    private static Dc09Error CheckEnvelope(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> body)
    {
        body = default;
        if (input.Length < EnvelopeLength || input[0] != Lf || input[^1] != Cr)
        {
            return Dc09Error.Format;
        }

        if (!TryHex(input.Slice(1, 4), out var crc) || input[5] != (byte)'0' || !TryHex(input.Slice(6, 3), out var length))
        {
            return Dc09Error.Format;
        }

        body = input[PrefixLength..^1];
        if (body.Length != length)
        {
            return Dc09Error.Length;
        }

        if (Crc16Arc.Compute(body) != crc)
        {
            return Dc09Error.Crc;
        }

        return Dc09Text.IsPrintable(body) ? Dc09Error.None : Dc09Error.Format;
    }

    private static bool TryReadHeader(string text, [NotNullWhen(true)] out Dc09Frame? header, out int position)
    {
        header = null;
        var pos = 0;
        if (!Expect(text, ref pos, '"'))
        {
            position = pos;
            return false;
        }

        var encrypted = Expect(text, ref pos, '*');
        var id = ReadRun(text, ref pos, Dc09Text.IsIdChar);
        var ok = id.Length is > 0 and <= MaxIdLength && Expect(text, ref pos, '"');

        var sequenceText = ok ? ReadRun(text, ref pos, char.IsAsciiDigit) : "";
        ok = ok && sequenceText.Length == 4;

        string? receiver = null;
        if (ok && Expect(text, ref pos, 'R'))
        {
            receiver = ReadRun(text, ref pos, char.IsAsciiHexDigit);
            ok = receiver.Length is > 0 and <= MaxHexFieldLength;
        }

        var line = "";
        if (ok && Expect(text, ref pos, 'L'))
        {
            line = ReadRun(text, ref pos, char.IsAsciiHexDigit);
        }

        ok = ok && line.Length is > 0 and <= MaxHexFieldLength;

        string? account = null;
        if (ok && Expect(text, ref pos, '#'))
        {
            account = ReadRun(text, ref pos, char.IsAsciiLetterOrDigit);
            ok = account.Length is > 0 and <= MaxAccountLength;
        }

        position = pos;
        if (!ok || pos >= text.Length || text[pos] != '[')
        {
            return false;
        }

        header = new Dc09Frame
        {
            Id = id,
            Encrypted = encrypted,
            Sequence = int.Parse(sequenceText, System.Globalization.CultureInfo.InvariantCulture),
            Receiver = receiver,
            Line = line,
            Account = account,
        };
        return true;
    }

    /// <summary>Reads <c>data][ext]…[_timestamp]</c>, the part after the first '['.</summary>
    private static bool TryReadContent(
        string content, out string data, out IReadOnlyList<string> extended, out DateTimeOffset? timestamp)
    {
        data = "";
        extended = [];
        timestamp = null;
        var span = content.AsSpan();
        var close = span.IndexOfAny('[', ']');
        if (close < 0 || span[close] != ']')
        {
            return false;
        }

        data = span[..close].ToString();
        var rest = span[(close + 1)..];
        var fields = new List<string>();
        while (!rest.IsEmpty && rest[0] == '[')
        {
            var end = rest[1..].IndexOfAny('[', ']');
            if (end <= 0 || rest[1 + end] != ']')
            {
                return false;
            }

            fields.Add(rest.Slice(1, end).ToString());
            rest = rest[(end + 2)..];
        }

        extended = fields;
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != '_' || !Dc09Timestamp.TryParse(rest[1..], out var sent))
        {
            return false;
        }

        timestamp = sent;
        return true;
    }

    private static bool Expect(string text, ref int pos, char c)
    {
        if (pos < text.Length && text[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static string ReadRun(string text, ref int pos, Func<char, bool> accept)
    {
        var start = pos;
        while (pos < text.Length && accept(text[pos]))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var nibble = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | nibble;
        }

        return true;
    }
}
