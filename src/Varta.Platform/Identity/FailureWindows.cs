using System.Collections.Concurrent;

namespace Varta.Platform.Identity;

/// <summary>
/// Counts failures per key (a client address, a username) in one-minute windows on the injected clock, and says when a
/// key has used up its allowance for the current window. In memory, per host: hosts behind a load balancer each keep
/// their own count. Old windows are dropped as keys come back, and all of them every few minutes.
/// </summary>
public sealed class FailureWindows(TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Kind, string Key), (long Window, int Count)> _counts = new();
    private long _sweptWindow;

    /// <summary>Whether <paramref name="key"/> has already had <paramref name="allowed"/> failures this minute, and how long until the next.</summary>
    public bool IsBlocked(string kind, string key, int allowed, out TimeSpan retryAfter)
    {
        var (current, next) = Window();
        retryAfter = next;
        return _counts.TryGetValue((kind, key), out var entry) && entry.Window == current && entry.Count >= allowed;
    }

    /// <summary>Counts one failure; answers how many this key has had in the current minute.</summary>
    public int Count(string kind, string key)
    {
        var (current, _) = Window();
        Sweep(current);
        return _counts.AddOrUpdate((kind, key), _ => (current, 1), (_, e) => e.Window == current ? (current, e.Count + 1) : (current, 1)).Count;
    }

    private (long Current, TimeSpan UntilNext) Window()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var current = now / Minute.Ticks;
        return (current, TimeSpan.FromTicks(((current + 1) * Minute.Ticks) - now));
    }

    private void Sweep(long current)
    {
        if (current - Interlocked.Read(ref _sweptWindow) < 5)
        {
            return;
        }

        Interlocked.Exchange(ref _sweptWindow, current);
        foreach (var (key, entry) in _counts)
        {
            if (entry.Window < current)
            {
                _counts.TryRemove(key, out _);
            }
        }
    }
}
