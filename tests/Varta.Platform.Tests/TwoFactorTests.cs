using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Platform.Tests;

public sealed class TwoFactorTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Password = "Varta-Demo-2026!";

    [Fact]
    public async Task A_privileged_role_without_two_factor_cannot_get_a_token_until_enrolled()
    {
        var username = await new AuthTests(factory).CreateUserAsync("new.inspector", Roles.RightsInspector, Demo.DemoData.KyivRegion);
        using var client = factory.Anonymous("en");
        var body = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password }), HttpStatusCode.Forbidden);
        Assert.Equal("enrolment-required", body.GetProperty("twoFactor").GetString());
    }

    [Fact]
    public async Task An_enrolled_user_needs_a_fresh_code_and_a_code_cannot_be_replayed()
    {
        var username = await new AuthTests(factory).CreateUserAsync("new.analyst", Roles.ThreatAnalyst, Demo.DemoData.KyivCourtSecurity);
        var key = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<VartaUser>>();
            var user = (await users.FindByNameAsync(username))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return Base32.Decode((await users.GetAuthenticatorKeyAsync(user))!);
        });
        using var client = factory.Anonymous();

        var noCode = await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password }), HttpStatusCode.Unauthorized);
        Assert.Equal("required", noCode.GetProperty("twoFactor").GetString());

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password, totp = "000000" == Code(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var code = Code(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password, totp = code })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password, totp = code })).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = Password, totp = Code(key) })).StatusCode);
    }

    [Fact]
    public async Task Demo_accounts_are_exempt_so_the_demo_works_out_of_the_box()
    {
        using var client = factory.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "rights.inspector", password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Totp_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits → 287082.
        var key = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal("081804", Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(1111111109))));
    }

    private string Code(byte[] key) => Totp.Code(key, Totp.StepAt(factory.Clock.GetUtcNow()));
}
