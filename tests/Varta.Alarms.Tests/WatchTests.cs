using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Supervision;
using Varta.Testing;

namespace Varta.Alarms.Tests;

public sealed class WatchTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task An_alarm_not_acknowledged_in_time_escalates_site_region_national_and_stops_there()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка ескалація", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "esc" }))).GetProperty("alarmId").GetGuid();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");

        Assert.Equal(0, await LevelAsync(dispatcher, alarmId));
        await AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await LevelAsync(dispatcher, alarmId));
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await LevelAsync(dispatcher, alarmId));
        await AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await LevelAsync(dispatcher, alarmId));
        await AdvanceAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await LevelAsync(dispatcher, alarmId));

        var feed = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"));
        Assert.Equal(2, feed.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "escalated"
            && e.GetProperty("alarmId").GetGuid() == alarmId));
    }

    [Fact]
    public async Task An_acknowledged_alarm_does_not_escalate()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка без ескалації", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "noesc" }))).GetProperty("alarmId").GetGuid();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        await JsonAsync(await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null));
        await AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await LevelAsync(dispatcher, alarmId));
    }

    [Fact]
    public async Task A_silent_device_is_reported_offline_within_its_reporting_time_and_back_online_when_heard()
    {
        var (deviceId, secret) = await CreateDeviceAsync("Кнопка нагляд", heartbeatSeconds: 20);
        using var device = DeviceClient(secret);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "heartbeat" })).StatusCode);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");

        await AdvanceAsync(TimeSpan.FromSeconds(19));
        Assert.False(await OfflineAlarmAsync(dispatcher, deviceId));
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.True(await OfflineAlarmAsync(dispatcher, deviceId));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "heartbeat" })).StatusCode);
        var feed = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"));
        Assert.Contains(feed.EnumerateArray(), e => e.GetProperty("kind").GetString() == "device-online");
    }

    [Fact]
    public async Task A_device_that_drops_out_again_while_its_offline_alarm_is_open_is_one_alarm_counted_not_a_new_one()
    {
        var (deviceId, secret) = await CreateDeviceAsync("Кнопка, що зникає", heartbeatSeconds: 20);
        using var device = DeviceClient(secret);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "heartbeat" })).StatusCode);
            await AdvanceAsync(TimeSpan.FromSeconds(21));
        }

        var offline = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "device-offline" && a.GetProperty("deviceId").GetGuid() == deviceId).ToList();
        var alarm = Assert.Single(offline);
        Assert.Equal(2, alarm.GetProperty("repeats").GetInt32());
        var feed = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"));
        Assert.Equal(2, feed.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "offline-again"
            && e.GetProperty("alarmId").GetGuid() == alarm.GetProperty("id").GetGuid()));

        // Once it is resolved, the next drop-out is a new alarm again.
        await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarm.GetProperty("id").GetGuid()}/resolve", new { outcome = "technical" }));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "heartbeat" })).StatusCode);
        await AdvanceAsync(TimeSpan.FromSeconds(21));
        Assert.True(await OfflineAlarmAsync(dispatcher, deviceId));
    }

    private async Task AdvanceAsync(TimeSpan by)
    {
        // Step a second at a time so that the one-second watch timer sees every moment, and wait for its scan.
        var watch = Factory.Services.GetRequiredService<AlarmWatch>();
        for (var t = TimeSpan.Zero; t < by; t += TimeSpan.FromSeconds(1))
        {
            var scanned = watch.NextScanAsync();
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await scanned.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // A tick may have landed while a scan was already running; one more scan at this moment settles it.
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlarmWatchScan>().ScanAsync(CancellationToken.None);
    }

    private static async Task<int> LevelAsync(HttpClient client, Guid id) =>
        (await JsonAsync(await client.GetAsync($"/api/v1/alarms/{id}"))).GetProperty("escalationLevel").GetInt32();

    private static async Task<bool> OfflineAlarmAsync(HttpClient client, Guid deviceId) =>
        (await JsonAsync(await client.GetAsync("/api/v1/alarms/open"))).EnumerateArray()
            .Any(a => a.GetProperty("kind").GetString() == "device-offline" && a.GetProperty("deviceId").GetGuid() == deviceId);
}
