using System.Net;
using System.Net.Http.Json;
using System.Text;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Platform.Tests;

/// <summary>
/// Input hygiene in one place of the platform: a JSON property given twice, a control or text-direction character in
/// any text, an instant without its offset or far from now — each refused with problem details naming the field, and
/// nothing stored.
/// </summary>
public sealed class InputHygieneTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_JSON_body_with_a_property_given_twice_is_refused()
    {
        using var client = factory.Anonymous();
        using var body = new StringContent("""{"username":"judge","username":"admin","password":"x"}""", Encoding.UTF8, "application/json");
        await Problem.AssertAsync(await client.PostAsync("/api/v1/auth/token", body), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Олена\u0000Коваленко")]
    [InlineData("Олена\u0007Коваленко")]
    [InlineData("\u202EОлена Коваленко")] // right-to-left override: the name would read backwards
    [InlineData("Олена \u2066Коваленко")]
    public async Task A_text_with_a_control_or_direction_character_is_refused_beside_its_field(string displayName)
    {
        using var admin = await factory.ClientAsAsync("admin", "en");
        var username = "olena." + Random.Shared.Next(10_000, 99_999);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username, displayName, password = "Quarry-Lantern-Meadow-58" });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("forbidden-character", problem.GetProperty("rules").GetProperty("displayName")[0].GetString());
        Assert.Contains("control character", problem.GetProperty("errors").GetProperty("displayName")[0].GetString(), StringComparison.Ordinal);
        var users = await admin.GetStringAsync("/api/v1/admin/users");
        Assert.DoesNotContain(username, users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_text()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "taras." + Random.Shared.Next(10_000, 99_999), displayName = "Тарас\tВигаданий", password = "Quarry-Lantern-Meadow-58" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_custody_entry_text_with_a_direction_override_is_refused()
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, "Чистий"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var note = await officer.PostAsJsonAsync($"/api/v1/custody/records/{id}/entries",
            new Dictionary<string, object?> { ["type"] = "note", ["occurredAt"] = factory.Clock.GetUtcNow().ToString("O"), ["text"] = "Скарг \u202Eнемає" });
        var problem = await Problem.AssertAsync(note, HttpStatusCode.BadRequest);
        Assert.Equal("forbidden-character", problem.GetProperty("rules").GetProperty("text")[0].GetString());
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z", "instant-out-of-range")]
    [InlineData("0001-01-01T00:00:00Z", "instant-out-of-range")]
    [InlineData("2026-11-26T10:00:00", "instant-required")] // no offset: whose ten o'clock?
    public async Task A_duty_shift_at_an_absurd_or_ambiguous_time_is_refused(string startsAt, string rule)
    {
        using var dispatcher = await factory.ClientAsAsync("dispatcher");
        var response = await dispatcher.PostAsJsonAsync($"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/duty",
            new { userId = Guid.NewGuid(), startsAt, endsAt = "2026-11-26T20:00:00+02:00" });
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(rule, problem.GetProperty("rules").GetProperty("startsAt")[0].GetString());
    }

    private sealed record IdBody(Guid Id);
}
