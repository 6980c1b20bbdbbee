using System.Net;

namespace Varta.Alarms.Dc09;

/// <summary>What the handler tells the receiver to answer, once the signal is safely stored (or not).</summary>
internal enum Dc09Verdict
{
    /// <summary>Stored: the sender may forget the event.</summary>
    Ack,

    /// <summary>Not stored: the sender should retry (possibly over another path).</summary>
    Nak,

    /// <summary>Understood but not supported: retrying will not help.</summary>
    Duh,
}

internal sealed record Dc09ReceiverOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port (tests); <see cref="Dc09Receiver.Start"/> returns the one bound.</summary>
    public int Port { get; init; }

    /// <summary>A connection that sends nothing for this long is closed. Time spent in the handler does not count.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxConnections { get; init; } = 1000;

    public int MaxFrameLength { get; init; } = Dc09Codec.MaxFrameLength;

    /// <summary>A connection that sends this many bad frames or garbage runs in a row is closed rather than NAKed forever.</summary>
    public int MaxConsecutiveErrors { get; init; } = 16;

    public Dc09TimestampWindow TimestampWindow { get; init; } = Dc09TimestampWindow.Standard;

    /// <summary>The AES key of an account that sends encrypted frames, or null.</summary>
    public Func<string, byte[]?>? KeyForAccount { get; init; }
}
