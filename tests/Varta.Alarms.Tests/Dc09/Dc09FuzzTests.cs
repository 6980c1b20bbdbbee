using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

/// <summary>
/// Seeded random inputs. The properties: the reader never throws; whatever it accepts, the builder writes back
/// byte for byte (so nothing is read lossily); and a valid frame with one byte changed is never accepted with
/// different content.
/// </summary>
public sealed class Dc09FuzzTests
{
    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    private static readonly Dc09Frame[] Seeds =
    [
        ContactId(),
        Sia(),
        Null(),
        ContactId() with { Timestamp = null },
        Sia() with { ExtendedData = ["X030E50.3812", "Y050N30.5234", "ICorridor 2"] },
        Null() with { Receiver = "c0ffd", Line = "1234", Account = "080027E62A64", Data = "" },
    ];

    [Fact]
    public void Random_bytes_never_throw_and_anything_accepted_is_rebuilt_exactly()
    {
        var random = new Random(20250501);
        for (var i = 0; i < 20_000; i++)
        {
            var input = (i % 3) switch
            {
                // Random noise.
                0 => RandomBytes(random, random.Next(0, 200)),
                // Noise between LF and CR.
                1 => [Dc09Codec.Lf, .. RandomBytes(random, random.Next(0, 200)), Dc09Codec.Cr],
                // A correct envelope (CRC, length) around a random printable body, to reach the body grammar.
                _ => Wrap(RandomBody(random)),
            };

            AssertAcceptedMeansRebuilt(input);
        }
    }

    [Fact]
    public void Mutated_frames_never_throw_and_anything_accepted_is_rebuilt_exactly()
    {
        var random = new Random(7);
        var originals = Seeds.Select(seed => Dc09Codec.Build(seed)).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            var which = random.Next(originals.Length);
            var original = originals[which];
            var (mutated, singleByte) = Mutate(random, original);

            var accepted = AssertAcceptedMeansRebuilt(mutated);
            var changedAt = FirstDifference(original, mutated);
            if (singleByte && changedAt >= 0)
            {
                // CRC-16 catches every single-byte change in the body, so only the CRC and length digits may
                // change and still be accepted: an equivalent spelling (upper/lower case) with the same content.
                Assert.False(accepted && changedAt is 0 or >= 9, $"accepted a change at {changedAt}: {Text(mutated)}");
                if (accepted)
                {
                    Assert.True(Dc09Codec.TryParse(mutated, out var frame, out _));
                    AssertSameContent(Seeds[which], frame);
                }
            }
        }
    }

    [Fact]
    public void Mutated_encrypted_frames_never_throw_and_never_change_content_through_one_byte()
    {
        var options = new Dc09ParseOptions { KeyForAccount = _ => Key };
        var seed = ContactId() with { Encrypted = true, ExtendedData = ["X030E50.3812"] };
        var original = Dc09Codec.Build(seed, Key);
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var (mutated, singleByte) = Mutate(random, original);
            if (Dc09Codec.TryParse(mutated, options, out var frame, out _) && singleByte)
            {
                AssertSameContent(seed, frame);
            }
        }
    }

    [Fact]
    public void Random_valid_frames_round_trip_through_build_and_parse()
    {
        var random = new Random(42);
        for (var i = 0; i < 2_000; i++)
        {
            var frame = RandomFrame(random);
            var bytes = Dc09Codec.Build(frame);

            var parsed = Parse(bytes);

            AssertSameContent(frame, parsed);
            Assert.Equal(bytes, Dc09Codec.Build(parsed));
        }
    }

    private static bool AssertAcceptedMeansRebuilt(byte[] input)
    {
        if (!Dc09Codec.TryParse(input, out var frame, out var error))
        {
            Assert.NotEqual(Dc09Error.None, error);
            return false;
        }

        var rebuilt = Dc09Codec.Build(frame);
        Assert.Equal(input.Length, rebuilt.Length);
        Assert.Equal(Text(input[..9]).ToUpperInvariant(), Text(rebuilt[..9])); // CRC and length: hex in either case
        Assert.Equal(input[9..], rebuilt[9..]);
        Assert.Equal(Text(input), frame.Raw);
        return true;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : length;
    }

    private static (byte[] Mutated, bool SingleByte) Mutate(Random random, byte[] original)
    {
        var bytes = original.ToList();
        switch (random.Next(6))
        {
            case 0:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                return ([.. bytes], true);
            case 1:
                bytes[random.Next(bytes.Count)] = (byte)Printable[random.Next(Printable.Length)];
                return ([.. bytes], true);
            case 2:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)Printable[random.Next(Printable.Length)]);
                return ([.. bytes], false);
            case 3:
                bytes.RemoveAt(random.Next(bytes.Count));
                return ([.. bytes], false);
            case 4:
                var at = random.Next(bytes.Count);
                var other = random.Next(bytes.Count);
                (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                return ([.. bytes], false);
            default:
                for (var n = random.Next(2, 6); n > 0; n--)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                return ([.. bytes], false);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomBody(Random random)
    {
        // Mostly grammar-shaped, with random characters mixed in.
        string[] pieces = ["\"", "*", "SIA-DCS", "ADM-CID", "NULL", "ACK", "0001", "R1", "L0", "#1234", "[", "]", "|",
            "1130 01 015", "[X1]", "_14:30:00,05-01-2025", "_99:99:99,99-99-9999", "Nri1/BA001"];
        var length = random.Next(0, 12);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(3) == 0
                ? Printable[random.Next(Printable.Length)].ToString()
                : pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static Dc09Frame RandomFrame(Random random)
    {
        string Hex(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => "0123456789ABCDEFabcdef"[random.Next(22)])]);
        string Field(int max, bool allowEmpty)
        {
            var chars = Enumerable.Range(0, random.Next(0, max + 1))
                .Select(_ => Printable[random.Next(Printable.Length)]).Where(c => c is not ('[' or ']')).ToArray();
            return chars.Length == 0 && !allowEmpty ? "x" : new string(chars);
        }

        string[] ids = [Dc09Ids.SiaDcs, Dc09Ids.AdmCid, Dc09Ids.Null, Dc09Ids.Ack, Dc09Ids.Duh];
        return new Dc09Frame
        {
            Id = ids[random.Next(ids.Length)],
            Sequence = random.Next(10_000),
            Receiver = random.Next(2) == 0 ? null : Hex(1, 6),
            Line = Hex(1, 6),
            Account = random.Next(4) == 0 ? null : Hex(1, 16),
            Data = Field(60, allowEmpty: true),
            ExtendedData = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Field(20, allowEmpty: false))],
            Timestamp = random.Next(3) == 0 ? null : At.AddSeconds(random.Next(-100_000_000, 100_000_000)),
        };
    }
}
