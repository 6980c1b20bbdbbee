using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Varta.Alarms.Contracts;
using Varta.Alarms.EventStream;

namespace Varta.Alarms.Tests;

/// <summary>One server-sent event as read off the wire: its type, id and data (a comment has type ":").</summary>
internal sealed record StreamEvent(string Type, string? Id, string Data);

/// <summary>A client of <c>GET /api/v1/alarms/stream</c> on a test host, parsing the event stream as a browser would.</summary>
internal sealed class TestStream : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<StreamEvent> _events = [];
    private readonly List<(Func<IReadOnlyList<StreamEvent>, bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private HttpResponseMessage _response = default!;

    /// <summary>Completes when the server ends the stream.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Opens the stream with <paramref name="client"/>'s credentials; the answer must be 200.</summary>
    public static async Task<TestStream> OpenAsync(HttpClient client, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alarms/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var stream = new TestStream { _response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead) };
        Assert.Equal(200, (int)stream._response.StatusCode);
        Assert.Equal("text/event-stream", stream._response.Content.Headers.ContentType?.MediaType);
        _ = stream.ReadAsync();
        await stream.WaitForAsync(e => e.Any(x => x.Type == "ready"));
        return stream;
    }

    /// <summary>The alarm events received so far, in the order they arrived, with the frame each came in.</summary>
    public IReadOnlyList<(AlarmEventDto Event, int Frame)> Alarms
    {
        get
        {
            lock (_gate)
            {
                return AlarmsOf(_events);
            }
        }
    }

    public IReadOnlyList<StreamEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public static IReadOnlyList<(AlarmEventDto Event, int Frame)> AlarmsOf(IReadOnlyList<StreamEvent> events) =>
        events.Where(e => e.Type == "alarms").SelectMany((e, frame) =>
            JsonSerializer.Deserialize<AlarmEventDto[]>(e.Data, StreamFrame.Json)!.Select(a => (a, frame))).ToList();

    /// <summary>Everything received once <paramref name="done"/> holds for it; fails after 30 s.</summary>
    public async Task<IReadOnlyList<StreamEvent>> WaitForAsync(Func<IReadOnlyList<StreamEvent>, bool> done)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (done(_events))
            {
                return _events.ToList();
            }

            _waiters.Add((done, signal));
        }

        await signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        lock (_gate)
        {
            return _events.ToList();
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
            string? type = null, id = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (type is not null || data.Length > 0)
                    {
                        Add(new StreamEvent(type ?? "message", id, data.ToString()));
                    }

                    (type, id) = (null, null);
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    Add(new StreamEvent(":", null, line[1..].Trim()));
                }
                else
                {
                    var colon = line.IndexOf(':');
                    var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                    switch (field)
                    {
                        case "event": type = value; break;
                        case "id": id = value; break;
                        case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by the test or cut off by the server.
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    private void Add(StreamEvent e)
    {
        lock (_gate)
        {
            _events.Add(e);
            foreach (var waiter in _waiters.Where(w => w.Done(_events)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
