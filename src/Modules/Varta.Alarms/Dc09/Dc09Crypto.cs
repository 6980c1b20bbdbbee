using System.Security.Cryptography;

namespace Varta.Alarms.Dc09;

/// <summary>
/// The encrypted form of DC-09. Everything after the '[' of the data (data, ']', extended data, timestamp) is
/// prefixed with random pad characters and a '|', so the plaintext fills whole 16-byte blocks, then encrypted with
/// AES-CBC under the account's key and a zero IV, and sent as hex. The pad never contains '|', '[' or ']', so the
/// reader drops everything up to the first '|'.
/// </summary>
internal static class Dc09Crypto
{
    private const int BlockSize = 16;
    private const string PadAlphabet =
        "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ\\^_`abcdefghijklmnopqrstuvwxyz{}~";

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");

    public static bool IsValidKey(ReadOnlySpan<byte> key) => key.Length is 16 or 24 or 32;

    /// <summary>Returns the uppercase hex ciphertext of pad + '|' + <paramref name="content"/>.</summary>
    public static string Encrypt(string content, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IsValidKey(key))
        {
            throw new ArgumentException("An AES key is 16 bytes (24 or 32 are accepted too).", nameof(key));
        }

        // At least one pad character, so the plaintext never starts with the separator.
        var padLength = BlockSize - ((content.Length + 1) % BlockSize);
        var plain = new byte[padLength + 1 + content.Length];
        for (var i = 0; i < padLength; i++)
        {
            plain[i] = (byte)PadAlphabet[RandomNumberGenerator.GetInt32(PadAlphabet.Length)];
        }

        plain[padLength] = (byte)'|';
        Dc09Text.Encoding.GetBytes(content, plain.AsSpan(padLength + 1));

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var cipher = aes.EncryptCbc(plain, new byte[BlockSize], PaddingMode.None);
        return Convert.ToHexString(cipher);
    }

    /// <summary>Decrypts hex ciphertext and returns what follows the pad and its '|'; false for anything malformed.</summary>
    public static bool TryDecrypt(ReadOnlySpan<char> hex, ReadOnlySpan<byte> key, out string content)
    {
        content = "";
        if (!IsValidKey(key) || hex.IsEmpty || hex.Length % (2 * BlockSize) != 0 || hex.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        var cipher = Convert.FromHexString(hex);
        byte[] plain;
        try
        {
            using var aes = Aes.Create();
            aes.Key = key.ToArray();
            plain = aes.DecryptCbc(cipher, new byte[BlockSize], PaddingMode.None);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var separator = plain.AsSpan().IndexOf((byte)'|');
        if (separator < 0)
        {
            return false;
        }

        var rest = plain.AsSpan(separator + 1);
        if (!Dc09Text.IsPrintable(rest))
        {
            return false;
        }

        content = Dc09Text.Encoding.GetString(rest);
        return true;
    }
}
