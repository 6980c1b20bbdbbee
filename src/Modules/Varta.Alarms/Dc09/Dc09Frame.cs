namespace Varta.Alarms.Dc09;

/// <summary>The message IDs this layer knows. Frames carry them between quotes, with a leading '*' when encrypted.</summary>
internal static class Dc09Ids
{
    public const string SiaDcs = "SIA-DCS";
    public const string AdmCid = "ADM-CID";
    public const string Null = "NULL";
    public const string Ack = "ACK";
    public const string Nak = "NAK";
    public const string Duh = "DUH";

    /// <summary>IDs a panel sends to a receiver; anything else that reaches the receiver is answered with DUH.</summary>
    public static bool IsPanelMessage(string id) => id is SiaDcs or AdmCid or Null;

    /// <summary>IDs the codec parses at all: the panel messages plus the receiver's answers (for our own simulator).</summary>
    public static bool IsKnown(string id) => IsPanelMessage(id) || id is Ack or Nak or Duh;
}

/// <summary>
/// One DC-09 frame. For an encrypted frame <see cref="Data"/>, <see cref="ExtendedData"/> and
/// <see cref="Timestamp"/> are the decrypted values; <see cref="Raw"/> is always the text as it was on the wire.
/// </summary>
internal sealed record Dc09Frame
{
    /// <summary>Message ID without quotes or '*', e.g. "SIA-DCS", "ADM-CID", "NULL".</summary>
    public required string Id { get; init; }

    public bool Encrypted { get; init; }

    /// <summary>0000–9999; the sender repeats it when it retransmits, the ACK echoes it.</summary>
    public int Sequence { get; init; }

    /// <summary>Hex digits after 'R', exactly as sent (so an ACK echoes them unchanged); null when absent.</summary>
    public string? Receiver { get; init; }

    /// <summary>Hex digits after 'L', exactly as sent.</summary>
    public string Line { get; init; } = "0";

    /// <summary>Characters after '#' in the header, exactly as sent; null when absent.</summary>
    public string? Account { get; init; }

    /// <summary>What stands between the first pair of brackets, e.g. "#1234|1130 01 015"; empty for a NULL message.</summary>
    public string Data { get; init; } = "";

    /// <summary>Each extended data field without its brackets, e.g. "X030E50.3812".</summary>
    public IReadOnlyList<string> ExtendedData { get; init; } = [];

    /// <summary>The sender's UTC timestamp, when it sent one (mandatory for encrypted frames).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The complete frame as received, LF to CR; empty for frames built in code.</summary>
    public string Raw { get; init; } = "";
}
