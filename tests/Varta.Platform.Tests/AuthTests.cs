using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Testing;

namespace Varta.Platform.Tests;

public sealed class AuthTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Password = "Varta-Demo-2026!";

    [Fact]
    public async Task A_demo_user_gets_a_token_and_sees_their_roles()
    {
        using var client = await factory.ClientAsAsync("custody.officer");
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal("custody.officer", me.GetProperty("username").GetString());
        var role = me.GetProperty("roles")[0];
        Assert.Equal("custody-officer", role.GetProperty("role").GetString());
        Assert.Equal("ІТТ №1", role.GetProperty("scopeName").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        using var client = factory.Anonymous("en");
        var wrongPassword = await Problem.AssertAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "judge", password = "not-the-password" }), HttpStatusCode.Unauthorized);
        var unknownUser = await Problem.AssertAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody.here", password = "not-the-password" }), HttpStatusCode.Unauthorized);
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownUser.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var token = await factory.TokenAsync("judge");
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await Problem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var token = await factory.TokenAsync("judge");
        var parts = token.Split('.');
        // Same header and signature, a payload claiming more: the signature no longer matches.
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("judge|", "administrator|", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        await Problem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        await Problem.AssertAsync(await client.GetAsync("/api/v1/audit/verify"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_JSON_gets_400_naming_the_problem_and_changes_nothing()
    {
        using var admin = await factory.ClientAsAsync("admin", "en");
        var before = await CountUsersAsync(admin);
        using var content = new StringContent("{\"username\": \"x\", ", Encoding.UTF8, "application/json");
        var body = await Problem.AssertAsync(await admin.PostAsync("/api/v1/admin/users", content), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", body.GetProperty("detail").GetString());
        Assert.Equal(before, await CountUsersAsync(admin));
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var huge = new string('x', 1024 * 1024 + 10);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "big", displayName = huge, password = huge });
        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Missing_fields_get_a_validation_problem_naming_each_field_and_rule()
    {
        using var client = factory.Anonymous("en");
        var body = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "" }), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal("required", body.GetProperty("rules").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task A_deactivated_users_token_stops_working()
    {
        var username = await CreateUserAsync("soon.gone", "judge");
        var token = await factory.TokenAsync(username);
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        using var admin = await factory.ClientAsAsync("admin");
        var id = await UserIdAsync(admin, username);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).StatusCode);

        await Problem.AssertAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    internal async Task<string> CreateUserAsync(string username, string role, Guid? scope = null)
    {
        using var admin = await factory.ClientAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Тестовий Користувач", password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles",
            new { assignments = new[] { new { role, scopeId = scope ?? Demo.DemoData.ShevchenkivskyiCourt } }, reason = "test" });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        return username;
    }

    private static async Task<int> CountUsersAsync(HttpClient admin) =>
        JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/users")).RootElement.GetArrayLength();

    private static async Task<Guid> UserIdAsync(HttpClient admin, string username) =>
        JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/users")).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();

    private static byte[] Base64UrlDecode(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));

    private static string Base64UrlEncode(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
