using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

public sealed class Dc09FrameReaderTests
{
    private readonly Dc09FrameReader _reader = new();
    private readonly List<Dc09Chunk> _chunks = [];

    [Fact]
    public void Two_frames_in_one_read_come_out_as_two_frames_in_order()
    {
        byte[] first = Dc09Codec.Build(ContactId(1)), second = Dc09Codec.Build(ContactId(2));

        _reader.Feed([.. first, .. second], _chunks);

        Assert.Equal(new[] { first, second }, _chunks.Select(c => c.Frame!).ToArray());
    }

    [Fact]
    public void A_frame_delivered_one_byte_at_a_time_comes_out_once_complete()
    {
        var frame = Dc09Codec.Build(Sia());

        foreach (var b in frame[..^1])
        {
            _reader.Feed([b], _chunks);
        }

        Assert.Empty(_chunks);
        _reader.Feed([frame[^1]], _chunks);
        Assert.Equal(frame, Assert.Single(_chunks).Frame);
    }

    [Fact]
    public void Line_endings_and_NUL_padding_between_frames_are_ignored()
    {
        var frame = Dc09Codec.Build(Null());

        _reader.Feed([.. frame, (byte)'\n', (byte)'\r', 0, 0, (byte)' ', .. frame, (byte)'\r', (byte)'\n'], _chunks);

        Assert.Equal(2, _chunks.Count);
        Assert.All(_chunks, c => Assert.Equal(frame, c.Frame));
    }

    [Fact]
    public void Garbage_ending_in_CR_is_reported_once_and_the_next_frame_still_comes_through()
    {
        var frame = Dc09Codec.Build(Null());

        _reader.Feed([.. Bytes("hello there\r"), .. frame], _chunks);

        Assert.Equal(2, _chunks.Count);
        Assert.True(_chunks[0].IsGarbage);
        Assert.Equal(frame, _chunks[1].Frame);
    }

    [Fact]
    public void Garbage_right_before_a_frame_is_dropped_silently()
    {
        var frame = Dc09Codec.Build(Null());

        _reader.Feed([.. Bytes("noise"), .. frame], _chunks);

        Assert.Equal(frame, Assert.Single(_chunks).Frame);
    }

    [Fact]
    public void Garbage_dropped_before_a_frame_is_not_reported_later()
    {
        var frame = Dc09Codec.Build(Null());

        _reader.Feed([.. Bytes("noise"), .. frame, (byte)'\r'], _chunks);

        Assert.Equal(frame, Assert.Single(_chunks).Frame);
    }

    [Fact]
    public void An_endless_frame_is_dropped_at_the_maximum_length_and_reading_resumes_at_the_next_LF()
    {
        var reader = new Dc09FrameReader(maxFrameLength: 64);
        var frame = Dc09Codec.Build(Null());
        var flood = Enumerable.Repeat((byte)'x', 1_000_000).ToArray();

        reader.Feed([Dc09Codec.Lf], _chunks);
        for (var i = 0; i < 10; i++)
        {
            reader.Feed(flood, _chunks);
        }

        Assert.Empty(_chunks);
        reader.Feed([Dc09Codec.Cr, .. frame], _chunks);
        Assert.Equal(2, _chunks.Count);
        Assert.True(_chunks[0].IsGarbage);
        Assert.Equal(frame, _chunks[1].Frame);
    }

    [Fact]
    public void A_frame_of_exactly_the_maximum_length_is_kept()
    {
        var frame = Dc09Codec.Build(ContactId(data: new string('9', 200)));
        var reader = new Dc09FrameReader(maxFrameLength: frame.Length);

        reader.Feed(frame, _chunks);

        Assert.Equal(frame, Assert.Single(_chunks).Frame);
    }
}
