using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Contracts;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>One event as a console received it: in which invocation (frame) and whether that frame carried several.</summary>
internal sealed record Pushed(AlarmEventDto Event, int Frame, bool Batched);

/// <summary>A SignalR console on a test host, recording every push in the order it arrived.</summary>
internal sealed class TestConsole : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Pushed> _received = [];
    private readonly List<(Func<IReadOnlyList<Pushed>, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection _connection = default!;
    private int _frames;

    /// <summary>Completes when the server closes the connection (no automatic reconnect is configured).</summary>
    public Task Closed => _closed.Task;

    /// <param name="messagePack">Speak the binary MessagePack hub protocol instead of JSON.</param>
    public static async Task<TestConsole> ConnectAsync(VartaFactory host, string username = "dispatcher", bool messagePack = false)
    {
        var token = await host.TokenAsync(username);
        var console = new TestConsole();
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/hubs/alarms"), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        console._connection = builder.Build();
        console._connection.Closed += _ =>
        {
            console._closed.TrySetResult();
            return Task.CompletedTask;
        };
        console._connection.On<AlarmEventDto>(nameof(IAlarmClient.AlarmEvent), e => console.Receive([e]));
        console._connection.On<AlarmEventDto[]>(nameof(IAlarmClient.AlarmEvents), console.Receive);
        await console._connection.StartAsync();
        return console;
    }

    /// <summary>Everything received once <paramref name="done"/> holds for it; fails after 30 s.</summary>
    public async Task<IReadOnlyList<Pushed>> WaitForAsync(Func<IReadOnlyList<Pushed>, bool> done)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (done(_received))
            {
                return _received.ToList();
            }

            _waiters.Add((done, signal));
        }

        await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (_gate)
        {
            return _received.ToList();
        }
    }

    private void Receive(AlarmEventDto[] events)
    {
        lock (_gate)
        {
            var frame = ++_frames;
            _received.AddRange(events.Select(e => new Pushed(e, frame, events.Length > 1)));
            foreach (var waiter in _waiters.Where(w => w.Done(_received)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>What has arrived so far.</summary>
    public IReadOnlyList<Pushed> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
