using System.Net;
using System.Net.Http.Headers;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>Headers on pages and API answers; behind a trusted TLS proxy, Secure cookies and HSTS; 401s that say nothing of why.</summary>
public sealed class SecurityHeadersTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_page_carries_nosniff_a_same_origin_referrer_policy_a_CSP_that_forbids_framing_and_no_store()
    {
        using var client = factory.Anonymous();
        var response = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal); // no inline script
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, "a pre-rendered page may carry personal data");
    }

    [Fact]
    public async Task An_API_answer_with_personal_data_is_not_stored_and_not_sniffed()
    {
        using var client = await factory.ClientAsAsync("custody.officer");
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_refused_token_gets_a_401_that_does_not_say_why()
    {
        using var client = factory.Anonymous();
        var token = await factory.TokenAsync("dispatcher");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA"); // signature broken
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(" ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.DoesNotContain("error_description", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("signature", (challenge + await response.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_trusted_TLS_proxy_cookies_are_secure_and_HSTS_is_sent()
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture?c=en&redirect=/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Host = "varta.example"; // HSTS is never sent for localhost
        var response = await client.SendAsync(request);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS on a request the proxy says was HTTPS");

        using var plain = factory.Anonymous();
        var direct = await plain.GetAsync("/culture?c=en&redirect=/account/login");
        Assert.DoesNotContain(direct.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";
}
