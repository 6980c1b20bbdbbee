using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

public sealed class Dc09ResponseTests
{
    private static readonly Dc09Frame Request = new()
    {
        Id = Dc09Ids.SiaDcs,
        Sequence = 1,
        Receiver = "5678",
        Line = "1234",
        Account = "080027E62A64",
        Data = "#080027E62A64|NRP000",
        Timestamp = new DateTimeOffset(2015, 4, 14, 16, 7, 50, TimeSpan.Zero),
    };

    [Fact]
    public void NAK_carries_only_the_receivers_time_and_matches_a_published_frame() =>
        Assert.Equal("\n3C830025\"NAK\"0000R0L0A0[]_16:09:09,04-14-2015\r",
            Text(Dc09Codec.Nak(new DateTimeOffset(2015, 4, 14, 16, 9, 9, TimeSpan.Zero))));

    [Fact]
    public void ACK_echoes_sequence_receiver_line_and_account_and_matches_a_published_frame() =>
        Assert.Equal("\n416A0036\"ACK\"0001R5678L1234#080027E62A64[]_16:07:53,04-14-2015\r",
            Text(Dc09Codec.Ack(Request, new DateTimeOffset(2015, 4, 14, 16, 7, 53, TimeSpan.Zero))));

    [Fact]
    public void ACK_without_receiver_number_leaves_it_out() =>
        Assert.Equal("\n2729002E\"ACK\"0001L0#080027E62A64[]_16:07:07,04-14-2015\r",
            Text(Dc09Codec.Ack(Request with { Receiver = null, Line = "0" },
                new DateTimeOffset(2015, 4, 14, 16, 7, 7, TimeSpan.Zero))));

    [Fact]
    public void ACK_echoes_hex_fields_exactly_as_the_sender_wrote_them()
    {
        var ack = Parse(Dc09Codec.Ack(Request with { Receiver = "c0ffd", Sequence = 9999 }, At));

        Assert.Equal((Dc09Ids.Ack, 9999, "c0ffd"), (ack.Id, ack.Sequence, ack.Receiver));
    }

    [Fact]
    public void DUH_echoes_the_header_like_an_ACK()
    {
        var duh = Parse(Dc09Codec.Duh(Request, At));

        Assert.Equal(Dc09Ids.Duh, duh.Id);
        Assert.Equal((Request.Sequence, Request.Receiver, Request.Line, Request.Account), (duh.Sequence, duh.Receiver, duh.Line, duh.Account));
        Assert.Equal(At, duh.Timestamp);
    }

    [Fact]
    public void The_answer_to_an_encrypted_frame_is_encrypted_with_the_accounts_key()
    {
        var request = Request with { Encrypted = true };
        var options = new Dc09ParseOptions { KeyForAccount = _ => Key };

        var ack = Dc09Codec.Ack(request, At, Key);

        Assert.StartsWith("\"*ACK\"0001R5678L1234#080027E62A64[", Text(ack)[9..], StringComparison.Ordinal);
        Assert.DoesNotContain("]", Text(ack), StringComparison.Ordinal);
        var parsed = Parse(ack, options);
        Assert.True(parsed.Encrypted);
        Assert.Equal((Dc09Ids.Ack, "", At), (parsed.Id, parsed.Data, parsed.Timestamp));
    }

    [Fact]
    public void NAK_is_never_encrypted_and_DUH_is_clear_when_no_key_is_known()
    {
        var request = Request with { Encrypted = true };

        Assert.DoesNotContain("*", Text(Dc09Codec.Nak(At)), StringComparison.Ordinal);
        Assert.Contains("\"DUH\"0001R5678L1234#080027E62A64[]_", Text(Dc09Codec.Duh(request, At)), StringComparison.Ordinal);
    }
}
