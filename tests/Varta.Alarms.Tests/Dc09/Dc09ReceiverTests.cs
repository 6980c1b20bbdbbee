using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Varta.Alarms.Dc09;
using static Varta.Alarms.Tests.Dc09.Dc09TestFrames;

namespace Varta.Alarms.Tests.Dc09;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class Dc09ReceiverTests : IAsyncLifetime
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(At);
    private readonly ConcurrentQueue<(Dc09Frame Frame, PanelEvent? Event)> _handled = new();
    private readonly CancellationTokenSource _testTimeout = new(TimeSpan.FromSeconds(30));
    private readonly List<TcpClient> _clients = [];
    private Func<Dc09Frame, PanelEvent?, CancellationToken, Task<Dc09Verdict>> _handler;
    private Dc09Receiver _receiver = null!;
    private System.Net.IPEndPoint _endpoint = null!;

    public Dc09ReceiverTests() => _handler = (_, _, _) => Task.FromResult(Dc09Verdict.Ack);

    private CancellationToken Timeout => _testTimeout.Token;

    public Task InitializeAsync()
    {
        _receiver = new Dc09Receiver(
            new Dc09ReceiverOptions
            {
                IdleTimeout = IdleTimeout,
                MaxConsecutiveErrors = 5,
                KeyForAccount = account => account == "7777" ? Key : null,
            },
            async (frame, panelEvent, ct) =>
            {
                var verdict = await _handler(frame, panelEvent, ct);
                _handled.Enqueue((frame, panelEvent));
                return verdict;
            },
            _time);
        _endpoint = _receiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _receiver.DisposeAsync();
        _testTimeout.Dispose();
    }

    [Fact]
    public async Task Two_frames_in_one_write_and_one_split_across_writes_are_acked_in_order()
    {
        var stream = await ConnectAsync();
        var third = Dc09Codec.Build(Sia(sequence: 3));

        await stream.WriteAsync((byte[])[.. Dc09Codec.Build(ContactId(1)), .. Dc09Codec.Build(Null(2))], Timeout);
        await stream.WriteAsync(third.AsMemory(0, 7), Timeout);
        await stream.WriteAsync(third.AsMemory(7, 20), Timeout);
        await stream.WriteAsync(third.AsMemory(27), Timeout);

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var ack = Parse(await ReadFrameAsync(stream));
            Assert.Equal((Dc09Ids.Ack, sequence, "1234"), (ack.Id, ack.Sequence, ack.Account));
            Assert.Equal(At, ack.Timestamp);
        }

        Assert.Equal([1, 2, 3], _handled.Select(h => h.Frame.Sequence));
        Assert.Equal([PanelEventKind.Intrusion, PanelEventKind.Heartbeat, PanelEventKind.Intrusion],
            _handled.Select(h => h.Event!.Kind));
    }

    [Fact]
    public async Task The_ACK_is_held_back_until_the_handler_has_completed()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = false;
        _handler = async (frame, _, _) =>
        {
            if (frame.Account == "1111")
            {
                entered.SetResult();
                await release.Task;
                completed = true;
            }

            return Dc09Verdict.Ack;
        };
        var held = await ConnectAsync();
        var other = await ConnectAsync();

        await held.WriteAsync(Dc09Codec.Build(ContactId(account: "1111", data: "#1111|1121 01 001")), Timeout);
        await entered.Task.WaitAsync(Timeout);
        var pendingAck = ReadFrameAsync(held);

        // A full round trip on another connection, after the handler was entered: had the receiver answered
        // before calling the handler, that answer would be waiting on the first connection by now.
        await other.WriteAsync(Dc09Codec.Build(Null(account: "2222")), Timeout);
        Assert.Equal(Dc09Ids.Ack, Parse(await ReadFrameAsync(other)).Id);
        Assert.False(pendingAck.IsCompleted);
        Assert.Equal(0, _clients[0].Available);

        release.SetResult();
        var ack = Parse(await pendingAck);
        Assert.True(completed);
        Assert.Equal((Dc09Ids.Ack, 1, "1111"), (ack.Id, ack.Sequence, ack.Account));
    }

    [Fact]
    public async Task Garbage_gets_a_NAK_and_the_connection_survives()
    {
        var stream = await ConnectAsync();
        var badCrc = Text(Dc09Codec.Build(ContactId())).Replace("683C", "0000", StringComparison.Ordinal);

        await stream.WriteAsync(Bytes("GET / HTTP/1.1\r"), Timeout);
        var nak = Parse(await ReadFrameAsync(stream));
        await stream.WriteAsync(Bytes(badCrc), Timeout);
        var crcNak = Parse(await ReadFrameAsync(stream));
        await stream.WriteAsync(Dc09Codec.Build(ContactId(5)), Timeout);
        var ack = Parse(await ReadFrameAsync(stream));

        Assert.Equal((Dc09Ids.Nak, 0, At), (nak.Id, nak.Sequence, nak.Timestamp!.Value));
        Assert.Equal(Dc09Ids.Nak, crcNak.Id);
        Assert.Equal((Dc09Ids.Ack, 5), (ack.Id, ack.Sequence));
        Assert.Equal([5], _handled.Select(h => h.Frame.Sequence));
    }

    [Fact]
    public async Task A_plain_frame_from_a_panel_whose_clock_is_five_minutes_behind_reaches_the_handler_with_its_timestamp()
    {
        var stream = await ConnectAsync();

        await stream.WriteAsync(Dc09Codec.Build(ContactId(at: At.AddMinutes(-5))), Timeout);
        var ack = Parse(await ReadFrameAsync(stream));

        Assert.Equal(Dc09Ids.Ack, ack.Id);
        Assert.Equal(At.AddMinutes(-5), Assert.Single(_handled).Frame.Timestamp);
    }

    [Fact]
    public async Task An_unknown_message_ID_gets_DUH_echoing_its_sequence()
    {
        var stream = await ConnectAsync();

        await stream.WriteAsync(Wrap("\"ADM-4/2\"0042L0#1234[1234 11]_14:30:00,05-01-2025"), Timeout);
        var duh = Parse(await ReadFrameAsync(stream));

        Assert.Equal((Dc09Ids.Duh, 42, "1234"), (duh.Id, duh.Sequence, duh.Account));
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_handler_that_fails_gets_the_frame_NAKed_so_the_panel_retries()
    {
        _handler = (_, _, _) => throw new InvalidOperationException("database down");
        var stream = await ConnectAsync();

        await stream.WriteAsync(Dc09Codec.Build(ContactId()), Timeout);

        Assert.Equal(Dc09Ids.Nak, Parse(await ReadFrameAsync(stream)).Id);
    }

    [Fact]
    public async Task The_handlers_DUH_verdict_is_sent_as_DUH()
    {
        _handler = (_, _, _) => Task.FromResult(Dc09Verdict.Duh);
        var stream = await ConnectAsync();

        await stream.WriteAsync(Dc09Codec.Build(Sia(sequence: 9)), Timeout);

        var duh = Parse(await ReadFrameAsync(stream));

        Assert.Equal((Dc09Ids.Duh, 9), (duh.Id, duh.Sequence));
    }

    [Fact]
    public async Task An_encrypted_frame_is_acked_with_an_encrypted_ACK()
    {
        var stream = await ConnectAsync();

        await stream.WriteAsync(Dc09Codec.Build(ContactId(account: "7777", data: "#7777|1120 01 003") with { Encrypted = true }, Key), Timeout);
        var response = await ReadFrameAsync(stream);

        Assert.StartsWith("\"*ACK\"0001L0#7777[", Text(response)[9..], StringComparison.Ordinal);
        var ack = Parse(response, new Dc09ParseOptions { KeyForAccount = _ => Key });
        Assert.Equal(At, ack.Timestamp);
        var (frame, panelEvent) = Assert.Single(_handled);
        Assert.Equal("#7777|1120 01 003", frame.Data);
        Assert.Equal(PanelEventKind.Panic, panelEvent!.Kind);
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout()
    {
        var stream = await ConnectAsync();
        await stream.WriteAsync(Dc09Codec.Build(Null()), Timeout);
        Assert.Equal(Dc09Ids.Ack, Parse(await ReadFrameAsync(stream)).Id);

        _time.Advance(IdleTimeout + TimeSpan.FromSeconds(1));

        Assert.Equal(0, await stream.ReadAsync(new byte[1], Timeout));
    }

    [Fact]
    public async Task A_connection_that_sends_only_garbage_is_closed_after_a_few_NAKs()
    {
        var stream = await ConnectAsync();

        await stream.WriteAsync(Bytes(string.Concat(Enumerable.Repeat("junk\r", 50))), Timeout);

        var naks = 0;
        try
        {
            while (true)
            {
                Assert.Equal(Dc09Ids.Nak, Parse(await ReadFrameAsync(stream)).Id);
                naks++;
            }
        }
        catch (EndOfStreamException)
        {
        }
        catch (IOException)
        {
        }

        Assert.Equal(5, naks);
    }

    [Fact]
    public async Task Many_connections_at_once_are_all_served()
    {
        var streams = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ConnectAsync()));

        var acks = await Task.WhenAll(streams.Select(async (stream, i) =>
        {
            await stream.WriteAsync(Dc09Codec.Build(ContactId(i, account: (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))), Timeout);
            return Parse(await ReadFrameAsync(stream));
        }));

        Assert.All(acks, (ack, i) => Assert.Equal((Dc09Ids.Ack, i), (ack.Id, ack.Sequence)));
        Assert.Equal(50, _handled.Count);
    }

    [Fact]
    public async Task Stopping_cancels_a_running_handler_and_closes_the_connection_without_an_answer()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        _handler = async (_, _, ct) =>
        {
            entered.SetResult();
            try
            {
                await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return Dc09Verdict.Ack;
        };
        var stream = await ConnectAsync();
        await stream.WriteAsync(Dc09Codec.Build(ContactId()), Timeout);
        await entered.Task.WaitAsync(Timeout);

        await _receiver.StopAsync().WaitAsync(Timeout);

        Assert.True(cancelled);
        Assert.Equal(0, _receiver.ConnectionCount);
        Assert.Equal(0, await ReadToEndAsync(stream));
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task Run_serves_until_its_token_is_cancelled_and_then_stops()
    {
        await using var receiver = new Dc09Receiver(new Dc09ReceiverOptions(), (_, _, _) => Task.FromResult(Dc09Verdict.Ack), _time);
        using var stop = new CancellationTokenSource();

        var run = receiver.RunAsync(stop.Token);
        await stop.CancelAsync();

        await run.WaitAsync(Timeout);
        Assert.Throws<InvalidOperationException>(() => receiver.Start()); // it did start, once
    }

    private async Task<NetworkStream> ConnectAsync()
    {
        var client = new TcpClient { NoDelay = true };
        lock (_clients)
        {
            _clients.Add(client);
        }

        await client.ConnectAsync(_endpoint, Timeout);
        return client.GetStream();
    }

    private async Task<byte[]> ReadFrameAsync(NetworkStream stream)
    {
        var frame = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, Timeout) == 0)
            {
                throw new EndOfStreamException($"connection closed after {frame.Count} bytes");
            }

            frame.Add(one[0]);
            if (one[0] == Dc09Codec.Cr)
            {
                return [.. frame];
            }
        }
    }

    private async Task<int> ReadToEndAsync(NetworkStream stream)
    {
        var total = 0;
        var buffer = new byte[256];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, Timeout)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
        }

        return total;
    }
}
