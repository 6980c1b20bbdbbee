using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Identity;

/// <summary>
/// Hub connections end when their user's access does: at once when the change is made on this host, within
/// <see cref="RevocationOptions.RevalidateEvery"/> when made on another, and when the token they connected with
/// expires (a token's lifetime bounds every long-lived connection).
/// </summary>
internal sealed class HubRevocation(PrincipalValidator validator, UserChanges changes, TimeProvider clock, IOptions<RevocationOptions> options)
    : BackgroundService, IHubFilter
{
    private readonly ConcurrentDictionary<string, Connection> _open = new();

    private sealed record Connection(HubCallerContext Context, Guid UserId, DateTimeOffset? ExpiresAt);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        if (IsBlazorCircuit(context.Hub))
        {
            // A page's circuit: RevalidatingAuthenticationState signs the page out, which then leaves for the sign-in
            // page; closing its connection under it would only leave the page trying to reconnect.
            await next(context);
            return;
        }

        if (caller.User is { } user && user.UserId() is var id && id != Guid.Empty)
        {
            var expires = SessionWatch.ExpiresAt(user);
            if (expires <= clock.GetUtcNow() || !await validator.IsCurrentAsync(user))
            {
                caller.Abort();
                return;
            }

            _open[caller.ConnectionId] = new Connection(caller, id, expires);
        }

        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        changes.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.RevalidateEvery, clock, stoppingToken);
                await SweepAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            changes.Changed -= OnChanged;
        }
    }

    /// <summary>Closes expired connections and those whose user no longer holds (changes made on another host).</summary>
    internal async Task SweepAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var connection in _open.Values)
        {
            if (connection.ExpiresAt <= now || !await validator.IsCurrentAsync(connection.Context.User!))
            {
                Close(connection);
            }
        }
    }

    private void OnChanged(Guid user)
    {
        foreach (var connection in _open.Values.Where(c => c.UserId == user))
        {
            _ = CheckAsync(connection);
        }
    }

    private async Task CheckAsync(Connection connection)
    {
        if (!await validator.IsCurrentAsync(connection.Context.User!))
        {
            Close(connection);
        }
    }

    private void Close(Connection connection)
    {
        _open.TryRemove(connection.Context.ConnectionId, out _);
        connection.Context.Abort();
    }

    private static bool IsBlazorCircuit(Hub hub) =>
        hub.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) == true;
}
