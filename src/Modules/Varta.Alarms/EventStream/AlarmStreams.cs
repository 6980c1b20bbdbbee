using Varta.Alarms.Contracts;

namespace Varta.Alarms.EventStream;

/// <summary>
/// The open event streams of this host, grouped by the set of buildings they watch. Each pass of the notifier
/// serialises one frame per group (the group's events of the pass, in Seq order) and writes those same bytes to every
/// stream of the group: the per-connection work is a copy into the socket's buffer and a flush.
/// </summary>
internal sealed class AlarmStreams
{
    private readonly Lock _gate = new();

    // Copy-on-write: the notifier reads a snapshot without locking; connects and disconnects are rare by comparison.
    private volatile Group[] _groups = [];

    private sealed record Group(IReadOnlySet<Guid> Sites, StreamConnection[] Members);

    /// <summary>Open event streams (read once a second by the notifier's pacing).</summary>
    public int Count => _groups.Sum(g => g.Members.Length);

    /// <summary>Adds an open stream; disposing the result removes it.</summary>
    public IDisposable Add(StreamConnection connection)
    {
        lock (_gate)
        {
            var groups = _groups;
            var i = Array.FindIndex(groups, g => g.Sites.SetEquals(connection.Sites));
            _groups = i < 0
                ? [.. groups, new Group(connection.Sites, [connection])]
                : [.. groups[..i], groups[i] with { Members = [.. groups[i].Members, connection] }, .. groups[(i + 1)..]];
        }

        return new Registration(this, connection);
    }

    /// <summary>Called by the notifier's single reader with each pass's events, in Seq order.</summary>
    public void Publish(IReadOnlyList<AlarmEventDto> batch)
    {
        foreach (var group in _groups)
        {
            List<AlarmEventDto>? mine = null;
            foreach (var e in batch)
            {
                if (group.Sites.Contains(e.SiteId))
                {
                    (mine ??= []).Add(e);
                }
            }

            if (mine is null)
            {
                continue;
            }

            var frame = StreamFrame.Alarms(mine);
            foreach (var connection in group.Members)
            {
                connection.Send(frame);
            }
        }
    }

    private void Remove(StreamConnection connection)
    {
        lock (_gate)
        {
            _groups = _groups.Select(g => g with { Members = g.Members.Where(m => m != connection).ToArray() })
                .Where(g => g.Members.Length > 0).ToArray();
        }
    }

    private sealed class Registration(AlarmStreams streams, StreamConnection connection) : IDisposable
    {
        public void Dispose()
        {
            connection.Close();
            streams.Remove(connection);
        }
    }
}
