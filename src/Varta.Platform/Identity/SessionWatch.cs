using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Identity;

/// <summary>
/// For long-lived responses (event streams): tells when the user a request was authenticated as no longer holds —
/// at once when the change is made on this host, within <see cref="RevocationOptions.RevalidateEvery"/> when made on
/// another, and when the token the request carried expires. Hub connections and pages have their own watchers.
/// </summary>
public sealed class SessionWatch
{
    private readonly PrincipalValidator _validator;
    private readonly UserChanges _changes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _every;

    internal SessionWatch(PrincipalValidator validator, UserChanges changes, TimeProvider clock, IOptions<RevocationOptions> options)
    {
        _validator = validator;
        _changes = changes;
        _clock = clock;
        _every = options.Value.RevalidateEvery;
    }

    /// <summary>Completes when <paramref name="user"/>'s access has ended; cancelled with <paramref name="ct"/>.</summary>
    public async Task UntilRevokedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.UserId();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(Guid who)
        {
            if (who == id)
            {
                changed.TrySetResult();
            }
        }

        _changes.Changed += OnChanged;
        try
        {
            while (true)
            {
                if (ExpiresAt(user) <= _clock.GetUtcNow() || !await IsCurrentAsync(user))
                {
                    return;
                }

                var tick = Task.Delay(_every, _clock, ct);
                await Task.WhenAny(tick, changed.Task).WaitAsync(ct);
                if (changed.Task.IsCompleted)
                {
                    changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        finally
        {
            _changes.Changed -= OnChanged;
        }
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        try
        {
            return await _validator.IsCurrentAsync(user);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true; // the database did not answer this round; the next one asks again
        }
    }

    /// <summary>When the token the principal came from expires; null for a cookie session.</summary>
    internal static DateTimeOffset? ExpiresAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue("exp"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
