namespace Varta.Alarms.Dc09;

/// <summary>A complete LF…CR candidate frame, or (when <see cref="Frame"/> is null) a run of bytes that was not one.</summary>
internal readonly record struct Dc09Chunk(byte[]? Frame)
{
    public static Dc09Chunk Garbage { get; } = new(null);

    public bool IsGarbage => Frame is null;
}

/// <summary>
/// Cuts a TCP byte stream into frames. A frame starts at LF and ends at CR; whatever arrives outside one is garbage,
/// reported once when its CR arrives (so it can be NAKed), and whitespace or NUL padding between frames is ignored.
/// A candidate longer than the maximum is dropped and the reader skips to the next LF, so memory never exceeds
/// one maximum-length frame however much garbage arrives.
/// </summary>
internal sealed class Dc09FrameReader
{
    private readonly byte[] _buffer;
    private int _count;
    private bool _inFrame;
    private bool _garbage;

    public Dc09FrameReader(int maxFrameLength = Dc09Codec.MaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 16);
        _buffer = new byte[maxFrameLength];
    }

    /// <summary>Consumes <paramref name="data"/> and appends every chunk it completes to <paramref name="output"/>, in order.</summary>
    public void Feed(ReadOnlySpan<byte> data, List<Dc09Chunk> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var b in data)
        {
            if (b == Dc09Codec.Lf)
            {
                // A new frame starts; an unfinished one or garbage before it is dropped (a sender that was cut off retries).
                _inFrame = true;
                _garbage = false;
                _count = 0;
                _buffer[_count++] = b;
            }
            else if (_inFrame)
            {
                if (_count == _buffer.Length)
                {
                    _inFrame = false;
                    _garbage = true;
                    continue;
                }

                _buffer[_count++] = b;
                if (b == Dc09Codec.Cr)
                {
                    // A bare LF CR is a line ending, not an empty frame.
                    if (_count > 2)
                    {
                        output.Add(new Dc09Chunk(_buffer.AsSpan(0, _count).ToArray()));
                    }

                    _inFrame = false;
                    _count = 0;
                }
            }
            else if (b == Dc09Codec.Cr)
            {
                if (_garbage)
                {
                    output.Add(Dc09Chunk.Garbage);
                    _garbage = false;
                }
            }
            else if (b is not (0x00 or (byte)' ' or (byte)'\t'))
            {
                _garbage = true;
            }
        }
    }
}
