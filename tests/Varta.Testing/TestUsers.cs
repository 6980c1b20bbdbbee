using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Xunit;

namespace Varta.Testing;

public static class TestUsers
{
    /// <summary>
    /// A new user holding <paramref name="role"/> over <paramref name="scope"/>, created through the admin API, and a
    /// client with their token. The token is issued directly, so roles that must enrol a second factor need none here.
    /// </summary>
    public static async Task<(Guid Id, HttpClient Client)> CreateUserClientAsync(this VartaFactory factory, string role, Guid scope)
    {
        var (id, _) = await factory.CreateUserAsync(role, scope);
        var token = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VartaUser>>();
            var principal = await sp.GetRequiredService<SignInService>().CreatePrincipalAsync((await users.FindByIdAsync(id.ToString()))!, "test", "pwd");
            return sp.GetRequiredService<TokenService>().Issue(principal).Token;
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client);
    }

    /// <summary>A new user (password <see cref="DemoData.Password"/>) holding <paramref name="role"/> over <paramref name="scope"/>.</summary>
    public static async Task<(Guid Id, string Username)> CreateUserAsync(this VartaFactory factory, string role, Guid scope)
    {
        using var admin = await factory.ClientAsAsync("admin");
        var username = "user." + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Тестовий Користувач", password = DemoData.Password });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.IsSuccessStatusCode, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { assignments = new[] { new { role, scopeId = scope } }, reason = "test" });
        Assert.True(roles.IsSuccessStatusCode, await roles.Content.ReadAsStringAsync());
        return (id, username);
    }
}
