using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>
/// Taking away a dispatcher's access reaches the connections already open: a deactivated user's or a user whose
/// roles were removed hub connection is closed at once, and no connection outlives the token it was opened with.
/// </summary>
public sealed class HubRevocationTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_deactivated_dispatchers_hub_connection_is_closed_at_once()
    {
        var (id, username) = await factory.CreateUserAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        await using var console = await TestConsole.ConnectAsync(factory, username);
        Assert.False(console.Closed.IsCompleted);

        using var admin = await factory.ClientAsAsync("admin");
        (await admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).EnsureSuccessStatusCode();

        await console.Closed.WaitAsync(Soon); // no clock moved: the change itself closes it
    }

    [Fact]
    public async Task A_dispatcher_whose_roles_are_removed_is_disconnected_and_cannot_reconnect()
    {
        var (id, username) = await factory.CreateUserAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        await using var console = await TestConsole.ConnectAsync(factory, username);

        using var admin = await factory.ClientAsAsync("admin");
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { assignments = Array.Empty<object>(), reason = "Переведено" })).EnsureSuccessStatusCode();

        await console.Closed.WaitAsync(Soon);
        await Assert.ThrowsAnyAsync<Exception>(() => TestConsole.ConnectAsync(factory, username));
    }

    [Fact]
    public async Task No_hub_connection_outlives_its_token()
    {
        await using var console = await TestConsole.ConnectAsync(factory, "dispatcher");
        Assert.False(console.Closed.IsCompleted);
        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5)); // past the hour a token lives, waking the sweep
        await console.Closed.WaitAsync(Soon);
    }
}
