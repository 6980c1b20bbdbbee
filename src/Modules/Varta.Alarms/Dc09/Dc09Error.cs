namespace Varta.Alarms.Dc09;

/// <summary>Why <see cref="Dc09Codec.TryParse(ReadOnlySpan{byte}, Dc09ParseOptions, out Dc09Frame?, out Dc09Error)"/> refused a frame.</summary>
internal enum Dc09Error
{
    None = 0,

    /// <summary>Not LF…CR, bad header, bad characters or a body that does not follow the grammar. Answer: NAK.</summary>
    Format,

    /// <summary>The length field does not match the number of bytes between it and the CR. Answer: NAK.</summary>
    Length,

    /// <summary>The CRC field does not match the body. Answer: NAK.</summary>
    Crc,

    /// <summary>Timestamp missing on an encrypted frame, or outside the receiver's window. Answer: NAK.</summary>
    Timestamp,

    /// <summary>The encrypted part did not decrypt, under the account's key, into pad, '|' and well-formed content. Answer: NAK.</summary>
    Decryption,

    /// <summary>A well-formed frame this layer does not handle (unknown ID, or encrypted with no key for the account). Answer: DUH.</summary>
    Unsupported,
}
