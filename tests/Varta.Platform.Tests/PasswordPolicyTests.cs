using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>ASVS 5.0 level 2 passwords: 12 characters at least, not guessable by a strength estimator, not the username, no control characters.</summary>
public sealed class PasswordPolicyTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Theory]
    [InlineData("password1234", "легко вгадати")]           // on every common-password list
    [InlineData("qwertyuiop12", "легко вгадати")]           // a keyboard walk
    [InlineData("Harbour-{username}-Kettle", "ім'я користувача")]
    [InlineData("Sunflower\u0007Harbour-Kettle", "керувальн")] // refused by the input rules before the password rules
    [InlineData("Short-1!", "Щонайменше 12")]
    public async Task A_weak_password_is_refused_beside_its_field_in_plain_words(string password, string said)
    {
        using var admin = await factory.ClientAsAsync("admin");
        var username = "olena.k" + Random.Shared.Next(1000, 9999);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username, displayName = "Олена Коваленко", password = password.Replace("{username}", username, StringComparison.Ordinal) });

        var body = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        var errors = string.Join(" ", body.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(said, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_phrase_of_unrelated_words_is_accepted()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "taras." + Guid.NewGuid().ToString("N")[..6], displayName = "Тарас Вигаданий", password = "Sunflower-Harbour-Kettle-2026" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task After_a_password_change_the_old_token_is_refused_at_once()
    {
        var (id, client) = await factory.CreateUserClientAsync(Roles.CustodyOfficer, Demo.DemoData.DetentionFacility1);
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode); // the token is good (and its stamp cached)
            await factory.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<VartaUser>>();
                var result = await users.ChangePasswordAsync((await users.FindByIdAsync(id.ToString()))!, Demo.DemoData.Password, "Lantern-Orchard-Pebble-91");
                Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
                return 0;
            });

            // No waiting for a cache to expire: the change reached this host's validator when it committed.
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        }
    }
}
