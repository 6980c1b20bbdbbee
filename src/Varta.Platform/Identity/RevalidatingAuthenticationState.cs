using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Varta.Platform.Identity;

/// <summary>
/// An interactive page lives as long as its tab: it re-checks its user (active, same security stamp — which
/// changes with roles, password and second factor) the moment a change is made on this host, and every
/// <see cref="RevocationOptions.RevalidateEvery"/> for changes made on another host. When the user no longer
/// holds, the page's user becomes anonymous: the router replaces the page with the sign-in redirect, and the
/// page's subscriptions (live alarms) end with it.
/// </summary>
internal sealed class RevalidatingAuthenticationState : ServerAuthenticationStateProvider, IDisposable
{
    private readonly PrincipalValidator _validator;
    private readonly UserChanges _changes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _every;
    private readonly CancellationTokenSource _stop = new();
    private Guid _userId;
    private bool _revoked;

    public RevalidatingAuthenticationState(PrincipalValidator validator, UserChanges changes, TimeProvider clock, IOptions<RevocationOptions> options)
    {
        _validator = validator;
        _changes = changes;
        _clock = clock;
        _every = options.Value.RevalidateEvery;
        _changes.Changed += OnChanged;
        AuthenticationStateChanged += OnStateChanged;
    }

    private async void OnStateChanged(Task<AuthenticationState> state)
    {
        try
        {
            var user = (await state).User;
            if (_revoked || user.UserId() == Guid.Empty)
            {
                return;
            }

            _userId = user.UserId();
            await RevalidateLoopAsync(user, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The circuit ended.
        }
    }

    private void OnChanged(Guid user)
    {
        if (user == _userId && !_revoked)
        {
            _ = CheckAsync(_stop.Token);
        }
    }

    private async Task RevalidateLoopAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested && !_revoked && user.UserId() == _userId)
            {
                await Task.Delay(_every, _clock, ct);
                try
                {
                    await CheckAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database did not answer this round; the next one asks again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit ended.
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var state = await GetAuthenticationStateAsync();
        if (ct.IsCancellationRequested || _revoked || state.User.UserId() == Guid.Empty)
        {
            return;
        }

        if (!await _validator.IsCurrentAsync(state.User))
        {
            _revoked = true;
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    public void Dispose()
    {
        _changes.Changed -= OnChanged;
        AuthenticationStateChanged -= OnStateChanged;
        _stop.Cancel();
        _stop.Dispose();
    }
}

public sealed class RevocationOptions
{
    /// <summary>How often open pages and hub connections re-check their user for changes made on another host.</summary>
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(5);
}
