using System.Net.Http.Json;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Two hosts on one database with the Redis backplane: an alarm sent to host A reaches a console on host B.</summary>
#pragma warning disable CA1001 // The hosts are disposed in DisposeAsync, which xunit calls.
public sealed class ScaleOutTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private RedisServer _redis = default!;
    private VartaFactory _a = default!;
    private VartaFactory _b = default!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _a = new VartaFactory();
        _a.Settings["Alarms:Redis"] = _redis.ConnectionString;
        await _a.InitializeAsync();
        _b = new VartaFactory { SharedDatabase = _a.Database };
        _b.Settings["Alarms:Redis"] = _redis.ConnectionString;
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task An_alarm_sent_to_host_A_appears_on_a_console_connected_to_host_B()
    {
        await using var console = await TestConsole.ConnectAsync(_b);

        var helper = new DeviceHelper(_a);
        var (_, secret) = await helper.CreateDeviceAsync("Кнопка хост А");
        using var device = helper.DeviceClient(secret);
        var accepted = await (await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "two-hosts" })).Content
            .ReadFromJsonAsync<System.Text.Json.JsonElement>();

        var e = (await console.WaitForAsync(r => r.Any(p => p.Event.Kind == "raised"))).First(p => p.Event.Kind == "raised").Event;
        Assert.Equal(accepted.GetProperty("alarmId").GetGuid(), e.AlarmId);
        Assert.Equal(accepted.GetProperty("sequence").GetInt64(), e.Seq);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
        await _redis.DisposeAsync();
    }

    private sealed class DeviceHelper(VartaFactory f) : AlarmsTestBase(f)
    {
        public Task<(Guid Id, string Secret)> CreateDeviceAsync(string name) => base.CreateDeviceAsync(name, heartbeatSeconds: 86_400);

        public new HttpClient DeviceClient(string secret) => base.DeviceClient(secret);
    }
}
