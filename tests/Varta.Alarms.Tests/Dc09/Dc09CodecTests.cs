using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

public sealed class Dc09CodecTests
{
    // Derived by hand: body length counted, CRC-16/ARC computed with an independent bitwise implementation.
    private const string ContactIdBurglary = "\n683C003B\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025\r";
    private const string SiaBurglary = "\n00C5003C\"SIA-DCS\"0002R1L0#1234[#1234|Nri1/BA001]_14:30:00,05-01-2025\r";
    private const string NullHeartbeat = "\n34360027\"NULL\"0003L0#1234[]_14:30:00,05-01-2025\r";

    [Fact]
    public void A_Contact_ID_burglary_from_account_1234_is_built_byte_for_byte() =>
        Assert.Equal(ContactIdBurglary, Text(Dc09Codec.Build(ContactId())));

    [Fact]
    public void A_SIA_burglary_alarm_is_built_byte_for_byte() =>
        Assert.Equal(SiaBurglary, Text(Dc09Codec.Build(Sia())));

    [Fact]
    public void A_NULL_heartbeat_is_built_byte_for_byte() =>
        Assert.Equal(NullHeartbeat, Text(Dc09Codec.Build(Null())));

    [Fact]
    public void The_hand_derived_Contact_ID_frame_parses_into_its_fields()
    {
        var frame = Parse(Bytes(ContactIdBurglary));

        Assert.Equal(Dc09Ids.AdmCid, frame.Id);
        Assert.False(frame.Encrypted);
        Assert.Equal(1, frame.Sequence);
        Assert.Null(frame.Receiver);
        Assert.Equal("0", frame.Line);
        Assert.Equal("1234", frame.Account);
        Assert.Equal("#1234|1130 01 015", frame.Data);
        Assert.Empty(frame.ExtendedData);
        Assert.Equal(At, frame.Timestamp);
        Assert.Equal(ContactIdBurglary, frame.Raw);
    }

    [Fact]
    public void The_hand_derived_SIA_and_NULL_frames_parse_back_to_what_built_them()
    {
        AssertSameContent(Sia(), Parse(Bytes(SiaBurglary)));
        AssertSameContent(Null(), Parse(Bytes(NullHeartbeat)));
    }

    [Fact]
    public void A_frame_from_another_implementation_with_several_extended_data_fields_parses()
    {
        var frame = Parse(Bytes("\n7C37006b\"SIA-DCS\"0000RC0FFDL1234#080027E62A64[#080027E62A64|NHB0003][X115000][X115000][X115000]_13:53:11,06-22-2015\r"));

        Assert.Equal("C0FFD", frame.Receiver);
        Assert.Equal("1234", frame.Line);
        Assert.Equal("080027E62A64", frame.Account);
        Assert.Equal("#080027E62A64|NHB0003", frame.Data);
        Assert.Equal(["X115000", "X115000", "X115000"], frame.ExtendedData);
        Assert.Equal(new DateTimeOffset(2015, 6, 22, 13, 53, 11, TimeSpan.Zero), frame.Timestamp);
    }

    [Fact]
    public void Lower_case_hex_and_a_missing_timestamp_are_accepted_and_echoed_as_sent()
    {
        var frame = Parse(Bytes("\n525a0024\"NULL\"0000Rc0ffdL1234#080027E62A64[]\r"));

        Assert.Equal("c0ffd", frame.Receiver);
        Assert.Null(frame.Timestamp);
        Assert.Equal("", frame.Data);
    }

    [Fact]
    public void Location_in_extended_data_is_kept_and_readable()
    {
        var frame = Parse(Dc09Codec.Build(ContactId() with { ExtendedData = ["X030E50.3812", "Y050N30.5234"] }));

        Assert.Equal(["X030E50.3812", "Y050N30.5234"], frame.ExtendedData);
        Assert.True(Dc09Location.TryRead(frame.ExtendedData, out var location));
        Assert.Equal(30 + (50.3812 / 60), location!.Longitude, 6);
        Assert.Equal(50 + (30.5234 / 60), location.Latitude, 6);
    }

    [Fact]
    public void Alarm_text_outside_ASCII_survives_the_round_trip()
    {
        var frame = ContactId() with { ExtendedData = ["ICaf\u00e9 entr\u00e9e"] };
        AssertSameContent(frame, Parse(Dc09Codec.Build(frame)));
    }

    [Fact]
    public void A_wrong_CRC_is_reported_as_crc()
    {
        var bytes = Bytes(ContactIdBurglary.Replace("683C", "683D", StringComparison.Ordinal));

        Assert.False(Dc09Codec.TryParse(bytes, out _, out var error));
        Assert.Equal(Dc09Error.Crc, error);
    }

    [Fact]
    public void A_changed_body_under_the_old_CRC_is_reported_as_crc()
    {
        var bytes = Bytes(ContactIdBurglary.Replace("1130", "1131", StringComparison.Ordinal));

        Assert.False(Dc09Codec.TryParse(bytes, out _, out var error));
        Assert.Equal(Dc09Error.Crc, error);
    }

    [Theory]
    [InlineData("003A")]
    [InlineData("003C")]
    public void A_wrong_length_is_reported_as_length(string length)
    {
        var bytes = Bytes(ContactIdBurglary.Replace("003B", length, StringComparison.Ordinal));

        Assert.False(Dc09Codec.TryParse(bytes, out _, out var error));
        Assert.Equal(Dc09Error.Length, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r")]
    [InlineData("683C003B\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025\r")]
    [InlineData("\n683C003B\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025")]
    [InlineData("\n683C103B\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025\r")]
    [InlineData("\nXYZW003B\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025\r")]
    public void Input_that_is_not_a_frame_is_reported_as_format(string input)
    {
        Assert.False(Dc09Codec.TryParse(Bytes(input), out _, out var error));
        Assert.Equal(Dc09Error.Format, error);
    }

    [Theory]
    [InlineData("\"ADM-CID\"001L0#1234[#1234|1130 01 015]")] // three-digit sequence
    [InlineData("\"ADM-CID\"0001#1234[#1234|1130 01 015]")] // no line prefix
    [InlineData("\"ADM-CID\"0001L0#1234#1234|1130 01 015]")] // no '['
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1130 01 015")] // no ']'
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,02-30-2025")] // 30 February
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1130 01 015]_14:30:00,05-01-2025x")]
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1130 01 015][]")] // empty extended data
    [InlineData("\"ADM-CID\"0001L0#1234[#1234|1130\t01 015]")] // control character
    public void A_body_that_breaks_the_grammar_is_reported_as_format_even_with_a_good_CRC(string body)
    {
        Assert.False(Dc09Codec.TryParse(Wrap(body), out _, out var error));
        Assert.Equal(Dc09Error.Format, error);
    }

    [Fact]
    public void An_unknown_message_ID_is_unsupported_and_its_header_is_kept_for_the_DUH()
    {
        Assert.False(Dc09Codec.TryParse(Wrap("\"ADM-4/2\"0042R7L3#1234[1234 11]"), out var frame, out var error));

        Assert.Equal(Dc09Error.Unsupported, error);
        Assert.NotNull(frame);
        Assert.Equal(("ADM-4/2", 42, "7", "3", "1234"), (frame.Id, frame.Sequence, frame.Receiver, frame.Line, frame.Account));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(40, true)] // sender 40 s behind: the edge of the window
    [InlineData(41, false)]
    [InlineData(-20, true)] // sender 20 s ahead
    [InlineData(-21, false)]
    [InlineData(3600, false)]
    public void An_encrypted_frames_timestamp_must_be_within_plus_20_minus_40_seconds_of_the_receiver_a_plain_frames_need_not(
        int receiverAheadSeconds, bool accepted)
    {
        var key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var options = new Dc09ParseOptions { Now = At.AddSeconds(receiverAheadSeconds), KeyForAccount = _ => key };

        var ok = Dc09Codec.TryParse(Dc09Codec.Build(ContactId() with { Encrypted = true }, key), options, out var frame, out var error);
        var plainOk = Dc09Codec.TryParse(Dc09Codec.Build(ContactId()), options, out var plain, out var plainError);

        Assert.Equal(accepted, ok);
        Assert.Equal(accepted ? Dc09Error.None : Dc09Error.Timestamp, error);
        Assert.NotNull(frame); // a stale frame is still read, so it can be logged
        Assert.True(plainOk, $"A plain frame {receiverAheadSeconds} s behind was refused: {plainError}");
        Assert.Equal(At, plain!.Timestamp); // kept, for the receiver to judge the panel's clock
    }

    [Fact]
    public void The_timestamp_window_is_configurable()
    {
        var options = new Dc09ParseOptions
        {
            Now = At.AddMinutes(5),
            Window = new Dc09TimestampWindow(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10)),
        };

        Assert.True(Dc09Codec.TryParse(Dc09Codec.Build(ContactId()), options, out _, out _));
    }

    [Fact]
    public void A_clear_frame_without_timestamp_is_not_subject_to_the_window()
    {
        var options = new Dc09ParseOptions { Now = At.AddDays(1) };

        Assert.True(Dc09Codec.TryParse(Dc09Codec.Build(ContactId() with { Timestamp = null }), options, out _, out _));
    }

    [Fact]
    public void Building_fields_the_reader_would_refuse_throws()
    {
        Assert.Throws<ArgumentException>(() => Dc09Codec.Build(ContactId(data: "#1234|1130]01 015")));
        Assert.Throws<ArgumentException>(() => Dc09Codec.Build(ContactId(sequence: 10000)));
        Assert.Throws<ArgumentException>(() => Dc09Codec.Build(ContactId() with { Line = "XYZ" }));
        Assert.Throws<ArgumentException>(() => Dc09Codec.Build(ContactId() with { ExtendedData = [""] }));
        Assert.Throws<ArgumentException>(() => Dc09Codec.Build(ContactId() with { Encrypted = true }));
    }
}
