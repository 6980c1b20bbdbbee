using System.Security.Cryptography;
using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

public sealed class Dc09CryptoTests
{
    private static readonly Dc09ParseOptions WithKey = new() { KeyForAccount = account => account == "1234" ? Key : null };

    [Fact]
    public void An_encrypted_Contact_ID_frame_round_trips_with_the_accounts_key()
    {
        var original = ContactId() with { Encrypted = true, ExtendedData = ["X030E50.3812", "Y050N30.5234"] };

        var bytes = Dc09Codec.Build(original, Key);
        var parsed = Parse(bytes, WithKey);

        AssertSameContent(original, parsed);
        Assert.True(ContactIdEvent.TryParse(parsed.Data, parsed.Account, out var panelEvent));
        Assert.Equal((PanelEventKind.Intrusion, "130", "01", "015"), (panelEvent.Kind, panelEvent.Code, panelEvent.Partition, panelEvent.Zone));
    }

    [Fact]
    public void Only_the_header_stays_readable_on_the_wire()
    {
        var text = Text(Dc09Codec.Build(ContactId() with { Encrypted = true }, Key));

        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        Assert.Equal("\"*ADM-CID\"0001L0#1234[", text[9..(bracket + 1)]);
        var hex = text[(bracket + 1)..^1];
        Assert.Equal(0, hex.Length % 32);
        Assert.True(hex.All(Uri.IsHexDigit));
        Assert.DoesNotContain("1130", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plaintext_is_random_pad_then_a_bar_then_the_data_in_whole_AES_blocks()
    {
        var content = "#1234|1130 01 015]_14:30:00,05-01-2025";

        var plain = DecryptRaw(Dc09Crypto.Encrypt(content, Key), Key);

        Assert.Equal(0, plain.Length % 16);
        var bar = plain.IndexOf('|', StringComparison.Ordinal);
        Assert.InRange(bar, 1, 16);
        Assert.DoesNotContain(plain[..bar], c => c is '|' or '[' or ']');
        Assert.Equal(content, plain[(bar + 1)..]);
    }

    [Theory]
    [InlineData(15)] // content + bar fills a block exactly: a whole block of pad, never none
    [InlineData(16)]
    [InlineData(0)]
    public void Every_content_length_gets_at_least_one_pad_character(int length)
    {
        var content = new string('A', length);

        Assert.True(Dc09Crypto.TryDecrypt(Dc09Crypto.Encrypt(content, Key), Key, out var back));
        Assert.Equal(content, back);
        Assert.NotEqual('|', DecryptRaw(Dc09Crypto.Encrypt(content, Key), Key)[0]);
    }

    [Fact]
    public void Frames_encrypted_by_another_implementation_decrypt()
    {
        var options = new Dc09ParseOptions { KeyForAccount = _ => InteropKey };

        var sia = Parse(Bytes("\nE88800a7\"*SIA-DCS\"0000RC0FFDL1234#080027E62A64[A054F111518361720BAB126501C6D994CD9151D2C84881C0FEA933A0790F49A9236EBD45F2AED32FAA252EB1AA18FC3CDEDE2452F33185E5931D31308D9B9882\r"), options);
        var poll = Parse(Bytes("\nCAC10064\"*NULL\"0000RC0FFDL1234#080027E62A64[70D7DC480FA7DC0DE428CE02447BA2E2981A161EA14CB780D2CD917208059E11\r"), options);

        Assert.True(sia.Encrypted);
        Assert.Equal("#080027E62A64|NHB0003", sia.Data);
        Assert.Equal(["E115000"], sia.ExtendedData);
        Assert.Equal(new DateTimeOffset(2015, 6, 22, 15, 12, 40, TimeSpan.Zero), sia.Timestamp);
        Assert.Equal((Dc09Ids.Null, "", new DateTimeOffset(2015, 6, 22, 13, 43, 9, TimeSpan.Zero)), (poll.Id, poll.Data, poll.Timestamp!.Value));
    }

    [Fact]
    public void An_encrypted_frame_for_an_account_without_key_is_unsupported()
    {
        var bytes = Dc09Codec.Build(ContactId(account: "9999") with { Encrypted = true }, Key);

        Assert.False(Dc09Codec.TryParse(bytes, WithKey, out var frame, out var error));
        Assert.Equal(Dc09Error.Unsupported, error);
        Assert.Equal("9999", frame?.Account);
        Assert.False(Dc09Codec.TryParse(bytes, out _, out error));
        Assert.Equal(Dc09Error.Unsupported, error);
    }

    [Fact]
    public void An_encrypted_frame_under_the_wrong_key_fails_decryption()
    {
        // Many times over: each build has a fresh random pad, so the wrong-key noise differs every time. Every frame
        // is refused (the receiver answers NAK to both errors). Rarely (≈ 1 in 40,000) the noise happens to end in
        // "|…]" with printable bytes between: it then reads as content without a timestamp and is refused for that.
        var decryption = 0;
        for (var i = 0; i < 500; i++)
        {
            var bytes = Dc09Codec.Build(ContactId() with { Encrypted = true }, InteropKey);

            Assert.False(Dc09Codec.TryParse(bytes, WithKey, out var frame, out var error));
            Assert.Contains(error, new[] { Dc09Error.Decryption, Dc09Error.Timestamp });
            Assert.Equal("1234", frame?.Account);
            decryption += error == Dc09Error.Decryption ? 1 : 0;
        }

        Assert.True(decryption >= 495, $"only {decryption} of 500 wrong-key frames were reported as undecryptable");
    }

    [Fact]
    public void An_encrypted_frame_without_timestamp_is_refused_for_its_timestamp()
    {
        var body = "\"*ADM-CID\"0001L0#1234[" + Dc09Crypto.Encrypt("#1234|1130 01 015]", Key);

        Assert.False(Dc09Codec.TryParse(Wrap(body), WithKey, out _, out var error));
        Assert.Equal(Dc09Error.Timestamp, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("0123456789ABCDEF0123456789ABCDEZ")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01")]
    public void Ciphertext_that_is_not_whole_hex_blocks_fails_decryption(string hex) =>
        Assert.False(Dc09Crypto.TryDecrypt(hex, Key, out _));

    private static string DecryptRaw(string hex, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return Text(aes.DecryptCbc(Convert.FromHexString(hex), new byte[16], PaddingMode.None));
    }
}
