using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

public sealed class AdminScopeTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_regional_administrator_manages_only_their_region()
    {
        var auth = new AuthTests(factory);
        await auth.CreateUserAsync("lviv.officer", Roles.CustodyOfficer, DemoData.LvivFacility);
        await auth.CreateUserAsync("kyiv.admin", Roles.Administrator, DemoData.KyivRegion);
        using var kyivAdmin = await EnrolledClientAsync("kyiv.admin");

        var users = JsonDocument.Parse(await kyivAdmin.GetStringAsync("/api/v1/admin/users")).RootElement.EnumerateArray()
            .Select(u => u.GetProperty("username").GetString()).ToList();
        Assert.Contains("custody.officer", users);
        Assert.DoesNotContain("lviv.officer", users);
        Assert.DoesNotContain("admin", users); // a national administrator is outside a regional one's scope

        using var national = await factory.ClientAsAsync("admin");
        var lvivId = JsonDocument.Parse(await national.GetStringAsync("/api/v1/admin/users")).RootElement.EnumerateArray()
            .Single(u => u.GetProperty("username").GetString() == "lviv.officer").GetProperty("id").GetGuid();

        // Outside the scope answers 404, exactly like a user that does not exist.
        await Problem.AssertAsync(await kyivAdmin.GetAsync($"/api/v1/admin/users/{lvivId}"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await kyivAdmin.PostAsync($"/api/v1/admin/users/{lvivId}/deactivate", null), HttpStatusCode.NotFound);

        var created = await kyivAdmin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "kyiv.staff", displayName = "Тест Працівник", password = "Quarry-Lantern-Meadow-58" });
        var newId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var grant = await kyivAdmin.PutAsJsonAsync($"/api/v1/admin/users/{newId}/roles",
            new { assignments = new[] { new { role = Roles.CustodyOfficer, scopeId = DemoData.LvivFacility } } });
        var body = await Problem.AssertAsync(grant, HttpStatusCode.BadRequest);
        Assert.Equal("outside-your-scope", body.GetProperty("rules").GetProperty("assignments[0].scopeId")[0].GetString());

        var ok = await kyivAdmin.PutAsJsonAsync($"/api/v1/admin/users/{newId}/roles",
            new { assignments = new[] { new { role = Roles.CustodyOfficer, scopeId = DemoData.DetentionFacility1 } }, reason = "new shift" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_checks_every_field()
    {
        using var admin = await factory.ClientAsAsync("admin", "en");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "Not Valid!", displayName = "", password = "short" });
        var body = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        var rules = body.GetProperty("rules");
        Assert.Equal("username-format", rules.GetProperty("username")[0].GetString());
        Assert.Equal("required", rules.GetProperty("displayName")[0].GetString());
        Assert.Equal("min-length", rules.GetProperty("password")[0].GetString());

        var duplicate = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "judge", displayName = "Двійник", password = "Quarry-Lantern-Meadow-58" });
        await Problem.AssertAsync(duplicate, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changing_roles_is_audited_with_before_after_and_reason()
    {
        await new AuthTests(factory).CreateUserAsync("role.changer", Roles.Judge);
        using var admin = await factory.ClientAsAsync("admin");
        var entries = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/entries?limit=200")).RootElement.GetProperty("items");
        var change = entries.EnumerateArray().First(e => e.GetProperty("action").GetString() == "admin.user.roles-set");
        Assert.Equal("test", change.GetProperty("reason").GetString());
        Assert.Contains("judge@", change.GetProperty("details").GetString());
        Assert.Equal("admin", change.GetProperty("actorName").GetString());
    }

    private async Task<HttpClient> EnrolledClientAsync(string username)
    {
        var key = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VartaUser>>();
            var user = (await users.FindByNameAsync(username))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return Base32.Decode((await users.GetAuthenticatorKeyAsync(user))!);
        });
        var token = await factory.TokenAsync(username, "Varta-Demo-2026!", Totp.Code(key, Totp.StepAt(factory.Clock.GetUtcNow())));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
