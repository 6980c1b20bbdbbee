using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Identity;

/// <summary>
/// Lockout bound to the source as well as the account (OWASP authentication guidance): repeated failures for one
/// username from one address lock that address out of that username, progressively (1, 2, 4 … up to 15 minutes),
/// while the person signing in from their own desk is not locked out by a stranger. Keyed by the username as typed
/// (normalised), so a username that does not exist locks the same way and the lock tells nothing. In memory, per host.
/// </summary>
public sealed class SourceLockout(TimeProvider clock, IOptions<SignInPolicy> policy)
{
    private readonly ConcurrentDictionary<(string User, string Source), State> _states = new();

    private sealed class State
    {
        public int Failures { get; set; }

        public int Locks { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        public DateTimeOffset LastFailure { get; set; }
    }

    public bool IsLocked(string username, string source, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_states.TryGetValue(Key(username, source), out var state))
        {
            return false;
        }

        lock (state)
        {
            retryAfter = state.LockedUntil - clock.GetUtcNow();
            return retryAfter > TimeSpan.Zero;
        }
    }

    public void Failed(string username, string source)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var state = _states.GetOrAdd(Key(username, source), _ => new State());
        lock (state)
        {
            state.Failures++;
            state.LastFailure = now;
            if (state.Failures >= policy.Value.MaxFailedAttempts || state.Locks > 0) // once locked, each further failure locks again, twice as long
            {
                state.Locks++;
                var first = policy.Value.FirstLockout;
                var length = TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(state.Locks - 1, 20)), policy.Value.LockoutDuration.Ticks));
                state.LockedUntil = now + length;
                state.Failures = 0;
            }
        }
    }

    public void Succeeded(string username, string source) => _states.TryRemove(Key(username, source), out _);

    private static (string, string) Key(string username, string source) => (username.Trim().ToUpperInvariant(), source);

    // Forget a source a day after its last failure (its lock is long over by then).
    private void Sweep(DateTimeOffset now)
    {
        if (_states.Count < 10_000)
        {
            return;
        }

        foreach (var (key, state) in _states)
        {
            if (now - state.LastFailure > TimeSpan.FromDays(1))
            {
                _states.TryRemove(key, out _);
            }
        }
    }
}
