using System.Net;
using System.Text.Json;
using Varta.Testing;

namespace Varta.Platform.Tests;

public sealed class HealthAndLanguageTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_without_sign_in()
    {
        using var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Problems_are_in_Ukrainian_by_default_and_in_English_when_asked()
    {
        using var uk = factory.Anonymous();
        var ukBody = await Problem.AssertAsync(await uk.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("Потрібна автентифікація", ukBody.GetProperty("title").GetString());

        using var en = factory.Anonymous("en");
        var enBody = await Problem.AssertAsync(await en.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("Authentication required", enBody.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_sign_in_page_switches_language_with_the_culture_cookie()
    {
        using var client = factory.Anonymous();
        var ukPage = await client.GetStringAsync("/account/login");
        Assert.Contains("lang=\"uk\"", ukPage);

        var switchResponse = await client.GetAsync("/culture?c=en&redirect=/account/login");
        Assert.Equal(HttpStatusCode.Redirect, switchResponse.StatusCode);
        var cookie = switchResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var enPage = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en\"", enPage);
        Assert.Contains("Sign in to Varta", enPage);
    }

    [Fact]
    public async Task The_culture_switch_never_redirects_off_site()
    {
        using var client = factory.Anonymous();
        var response = await client.GetAsync("/culture?c=en&redirect=//evil.example/");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.com")] // "/\t/evil.com": a browser drops the tab and goes to //evil.com
    [InlineData("%2F%0D%0A%2Fevil.com")]
    [InlineData("%2F%5C%2Fevil.com")]
    [InlineData("https%3A%2F%2Fevil.com")]
    [InlineData("%2F%20%2Fevil.com")]
    public async Task A_redirect_that_is_not_a_local_path_is_ignored_never_an_error(string redirect)
    {
        using var client = factory.Anonymous();
        var response = await client.GetAsync($"/culture?c=en&redirect={redirect}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_culture_switch_returns_to_the_page_it_was_clicked_on_and_ignores_a_foreign_referer()
    {
        using var client = factory.Anonymous();
        var stale = new HttpRequestMessage(HttpMethod.Get, "/culture?c=en&redirect=/custody/board");
        stale.Headers.Referrer = new Uri(client.BaseAddress!, "/custody/records/0194f5c2-0000-7000-8000-000000000001?tab=timeline");
        Assert.Equal("/custody/records/0194f5c2-0000-7000-8000-000000000001?tab=timeline",
            (await client.SendAsync(stale)).Headers.Location?.OriginalString);

        var foreign = new HttpRequestMessage(HttpMethod.Get, "/culture?c=en&redirect=/custody/board");
        foreign.Headers.Referrer = new Uri("http://evil.example/custody/records/x");
        Assert.Equal("/custody/board", (await client.SendAsync(foreign)).Headers.Location?.OriginalString);

        var none = new HttpRequestMessage(HttpMethod.Get, "/culture?c=uk&redirect=//evil.example/");
        none.Headers.Referrer = new Uri("https://evil.example/");
        Assert.Equal("/", (await client.SendAsync(none)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_platform_endpoints()
    {
        using var client = factory.Anonymous();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/audit/verify", paths);
        Assert.Contains("/api/v1/admin/users", paths);
    }
}
