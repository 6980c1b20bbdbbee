using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Issue 17: an alarm says who raised it (name and role, as at the press) and who acknowledged it, by name.</summary>
public sealed class AlarmWhoTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_persons_alarm_names_them_and_their_role_as_at_the_press_and_the_acknowledger_by_display_name()
    {
        var username = "who." + Guid.NewGuid().ToString("N")[..8];
        var (staffId, _) = await CreateUserAsync(username, "Вигадана Марта", Roles.CourtStaff, DemoData.ShevchenkivskyiCourt);
        using var admin = await Factory.ClientAsAsync("admin");
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка секретаря", ownerUserId = staffId, heartbeatSeconds = 86_400 }));
        using var button = DeviceClient(created.GetProperty("secret").GetString()!);
        var alarmId = (await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = Guid.NewGuid().ToString("N") })))
            .GetProperty("alarmId").GetGuid();

        // A later change of the person's role does not rewrite who pressed.
        await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{staffId}/roles",
            new { assignments = new[] { new { role = Roles.Judge, scopeId = DemoData.ShevchenkivskyiCourt } }, reason = "appointed" }));

        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var alarm = await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"));
        Assert.Equal("Вигадана Марта", alarm.GetProperty("raisedByName").GetString());
        Assert.Equal(Roles.CourtStaff, alarm.GetProperty("raisedByRole").GetString());

        var acknowledged = await JsonAsync(await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null));
        Assert.Equal("dispatcher", acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("Демо Диспетчер", acknowledged.GetProperty("acknowledgedByName").GetString());
        await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "false" }));
    }

    [Fact]
    public async Task A_panels_alarm_names_nobody()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка без власника", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = Guid.NewGuid().ToString("N") })))
            .GetProperty("alarmId").GetGuid();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var alarm = await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"));
        Assert.False(alarm.TryGetProperty("raisedByName", out var name) && name.ValueKind != System.Text.Json.JsonValueKind.Null);
        await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "false" }));
    }
}
