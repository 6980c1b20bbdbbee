using System.Globalization;
using System.Text;

namespace Varta.Alarms.Dc09;

/// <summary>Writes DC-09 frames and the receiver's answers (ACK, NAK, DUH).</summary>
internal static partial class Dc09Codec
{
    /// <summary>
    /// Builds the frame LF…CR. An encrypted frame needs the account's key and a timestamp. Throws
    /// <see cref="ArgumentException"/> for fields the reader would not accept, so that whatever we build parses back.
    /// </summary>
    public static byte[] Build(Dc09Frame frame, ReadOnlySpan<byte> key = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Validate(frame);

        var body = new StringBuilder(64);
        body.Append('"').Append(frame.Encrypted ? "*" : "").Append(frame.Id).Append('"')
            .Append(frame.Sequence.ToString("D4", CultureInfo.InvariantCulture));
        if (frame.Receiver is not null)
        {
            body.Append('R').Append(frame.Receiver);
        }

        body.Append('L').Append(frame.Line);
        if (frame.Account is not null)
        {
            body.Append('#').Append(frame.Account);
        }

        body.Append('[');
        var content = new StringBuilder(frame.Data.Length + 32);
        content.Append(frame.Data).Append(']');
        foreach (var field in frame.ExtendedData)
        {
            content.Append('[').Append(field).Append(']');
        }

        if (frame.Timestamp is { } timestamp)
        {
            content.Append(Dc09Timestamp.Format(timestamp));
        }

        if (frame.Encrypted)
        {
            if (key.IsEmpty)
            {
                throw new ArgumentException("An encrypted frame needs the account's key.", nameof(key));
            }

            if (frame.Timestamp is null)
            {
                throw new ArgumentException("An encrypted frame must carry a timestamp.", nameof(frame));
            }

            body.Append(Dc09Crypto.Encrypt(content.ToString(), key));
        }
        else
        {
            body.Append(content);
        }

        return Wrap(body.ToString());
    }

    /// <summary>ACK: echoes sequence, receiver, line and account, with the receiver's time; encrypted when the request was.</summary>
    public static byte[] Ack(Dc09Frame request, DateTimeOffset now, ReadOnlySpan<byte> key = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Build(Reply(Dc09Ids.Ack, request, request.Encrypted, now), request.Encrypted ? key : default);
    }

    /// <summary>
    /// DUH: the frame was read but is not supported. Encrypted only when the request was and its key is known
    /// (a frame is often unsupported precisely because there is no key for its account).
    /// </summary>
    public static byte[] Duh(Dc09Frame request, DateTimeOffset now, ReadOnlySpan<byte> key = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var encrypted = request.Encrypted && !key.IsEmpty;
        return Build(Reply(Dc09Ids.Duh, request, encrypted, now), encrypted ? key : default);
    }

    /// <summary>
    /// NAK: never encrypted and echoes nothing (the frame may be unreadable), only the receiver's time so that the
    /// sender can correct its clock: <c>"NAK"0000R0L0A0[]_HH:MM:SS,MM-DD-YYYY</c>.
    /// </summary>
    public static byte[] Nak(DateTimeOffset now) => Wrap("\"NAK\"0000R0L0A0[]" + Dc09Timestamp.Format(now));

    private static Dc09Frame Reply(string id, Dc09Frame request, bool encrypted, DateTimeOffset now) => new()
    {
        Id = id,
        Encrypted = encrypted,
        Sequence = request.Sequence,
        Receiver = request.Receiver,
        Line = request.Line,
        Account = request.Account,
        Timestamp = now,
    };

    private static byte[] Wrap(string body)
    {
        if (body.Length > MaxBodyLength)
        {
            throw new ArgumentException($"A DC-09 body is at most {MaxBodyLength} bytes; this one is {body.Length}.");
        }

        var frame = new byte[EnvelopeLength + body.Length];
        frame[0] = Lf;
        frame[^1] = Cr;
        var bodyBytes = frame.AsSpan(PrefixLength, body.Length);
        Dc09Text.Encoding.GetBytes(body, bodyBytes);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{Crc16Arc.Compute(bodyBytes):X4}0{body.Length:X3}");
        Dc09Text.Encoding.GetBytes(prefix, frame.AsSpan(1, PrefixLength - 1));
        return frame;
    }

    private static void Validate(Dc09Frame frame)
    {
        static void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new ArgumentException($"Invalid DC-09 {what}.", nameof(frame));
            }
        }

        Require(frame.Id.Length is > 0 and <= MaxIdLength && Dc09Text.All(frame.Id, Dc09Text.IsIdChar), "message ID");
        Require(frame.Sequence is >= 0 and <= 9999, "sequence number");
        Require(frame.Receiver is null || IsHexField(frame.Receiver), "receiver number");
        Require(IsHexField(frame.Line), "line prefix");
        Require(frame.Account is null
            || (frame.Account.Length is > 0 and <= MaxAccountLength && Dc09Text.All(frame.Account, char.IsAsciiLetterOrDigit)),
            "account");
        Require(Dc09Text.All(frame.Data, Dc09Text.IsFieldChar), "data");
        foreach (var field in frame.ExtendedData)
        {
            Require(field.Length > 0 && Dc09Text.All(field, Dc09Text.IsFieldChar), "extended data");
        }
    }

    private static bool IsHexField(string value) =>
        value.Length is > 0 and <= MaxHexFieldLength && Dc09Text.All(value, char.IsAsciiHexDigit);
}
