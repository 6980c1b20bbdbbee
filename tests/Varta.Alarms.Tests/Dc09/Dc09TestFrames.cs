using System.Globalization;
using System.Text;
using Varta.Alarms.Dc09;

namespace Varta.Alarms.Tests.Dc09;

/// <summary>Frames and helpers shared by the DC-09 tests.</summary>
internal static class Dc09TestFrames
{
    public static readonly DateTimeOffset At = new(2025, 5, 1, 14, 30, 0, TimeSpan.Zero);

    /// <summary>AES-128 key used by the encrypted tests.</summary>
    public static readonly byte[] Key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    /// <summary>Key used by another implementation's published test frames.</summary>
    public static readonly byte[] InteropKey = Convert.FromHexString("ABCDABCDABCDABCDABCDABCDABCDABCD");

    public static Dc09Frame ContactId(int sequence = 1, string account = "1234", string data = "#1234|1130 01 015",
        DateTimeOffset? at = null) => new()
        {
            Id = Dc09Ids.AdmCid,
            Sequence = sequence,
            Line = "0",
            Account = account,
            Data = data,
            Timestamp = at ?? At,
        };

    public static Dc09Frame Sia(int sequence = 2, string data = "#1234|Nri1/BA001") => new()
    {
        Id = Dc09Ids.SiaDcs,
        Sequence = sequence,
        Receiver = "1",
        Line = "0",
        Account = "1234",
        Data = data,
        Timestamp = At,
    };

    public static Dc09Frame Null(int sequence = 3, string account = "1234") => new()
    {
        Id = Dc09Ids.Null,
        Sequence = sequence,
        Line = "0",
        Account = account,
        Timestamp = At,
    };

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Wraps a body with LF, CRC, length and CR, the way a correct sender would.</summary>
    public static byte[] Wrap(string body)
    {
        var bytes = Bytes(body);
        return Bytes(string.Create(CultureInfo.InvariantCulture, $"\n{Crc16Arc.Compute(bytes):X4}0{bytes.Length:X3}{body}\r"));
    }

    public static Dc09Frame Parse(byte[] frame, Dc09ParseOptions? options = null)
    {
        Assert.True(Dc09Codec.TryParse(frame, options ?? Dc09ParseOptions.Default, out var parsed, out var error),
            $"rejected ({error}): {Text(frame)}");
        return parsed;
    }

    /// <summary>Same fields, whatever the raw text.</summary>
    public static void AssertSameContent(Dc09Frame expected, Dc09Frame actual)
    {
        Assert.Equal(expected with { Raw = "", ExtendedData = [] }, actual with { Raw = "", ExtendedData = [] });
        Assert.Equal(expected.ExtendedData, actual.ExtendedData);
    }
}
