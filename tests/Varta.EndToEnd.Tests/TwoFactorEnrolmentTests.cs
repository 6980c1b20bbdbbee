using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

public sealed class TwoFactorEnrolmentTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_privileged_user_is_led_through_enrolment_with_a_QR_code_and_then_reaches_the_dashboard()
    {
        const string username = "enrol.analyst";
        using (var admin = await site.Factory.ClientAsAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName = "Тестовий Аналітик", password = DemoData.Password });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            var roles = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles",
                new { assignments = new[] { new { role = Roles.ThreatAnalyst, scopeId = DemoData.KyivCourtSecurity } }, reason = "test" });
            Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        }

        var page = await site.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/enrol");

        var qr = page.GetByTestId("totp-qr");
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth >= 100"), "the QR code image did not load");
        await Screenshots.SaveAsync(page, "enrol-totp-uk.png");

        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var code = Totp.Code(Base32.Decode(key), Totp.StepAt(site.Factory.Clock.GetUtcNow()));
        await page.FillAsync("#code", code);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("h1")).ToContainTextAsync("Тестовий Аналітик");
        await page.Context.CloseAsync();
    }
}
