using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Creates devices through the admin API and sends signals with their credentials.</summary>
public abstract class AlarmsTestBase(VartaFactory factory)
{
    protected VartaFactory Factory { get; } = factory;

    protected async Task<(Guid Id, string Secret)> CreateDeviceAsync(string name, string kind = "fixed-button", int? heartbeatSeconds = null, Guid? site = null)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = site ?? DemoData.ShevchenkivskyiCourt, kind, name, heartbeatSeconds });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("device").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    protected HttpClient DeviceClient(string secret)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// A new user holding <paramref name="role"/> over <paramref name="scope"/>, and a client with their token. The
    /// token is issued directly, so roles that must enrol a second factor need no authenticator here.
    /// </summary>
    protected async Task<(Guid Id, HttpClient Client)> CreateUserAsync(string username, string displayName, string role, Guid scope)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName, password = DemoData.Password }));
        var id = created.GetProperty("id").GetGuid();
        await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles",
            new { assignments = new[] { new { role, scopeId = scope } }, reason = "test" }));
        var token = await Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VartaUser>>();
            var principal = await sp.GetRequiredService<SignInService>().CreatePrincipalAsync((await users.FindByIdAsync(id.ToString()))!, "test", "pwd");
            return sp.GetRequiredService<TokenService>().Issue(principal).Token;
        });
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (id, client);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
