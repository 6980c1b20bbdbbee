using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Supervision;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>
/// The real host whose database reads take uneven time, as over a busy network: the order in which requests finish
/// their reads must not decide the order in which consoles hear of their commits.
/// </summary>
public sealed class UnevenReadsFactory : VartaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<VartaDbContext>(o => o.AddInterceptors(new UnevenReads())));
    }

    private sealed class UnevenReads : DbCommandInterceptor
    {
        // Latency on reads outside a transaction, 0–8 ms as over a loaded network, while commits go at full speed.
        // No outcome waits on it: with pushes in commit order the test passes whatever the delays; a push sent after
        // the request's own reads, once its commit is done, is overtaken by later commits.
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.Transaction is null)
            {
                await Task.Delay(Random.Shared.Next(0, 9), cancellationToken);
            }

            return result;
        }
    }
}

/// <summary>What a console connected to the hub receives: every event, in commit order, batched when several wait.</summary>
public sealed class PushTests(UnevenReadsFactory factory) : AlarmsTestBase(factory), IClassFixture<UnevenReadsFactory>
{
    [Fact]
    public async Task Concurrent_signals_reach_a_console_in_increasing_sequence_order()
    {
        await using var console = await TestConsole.ConnectAsync(Factory);
        var devices = new List<HttpClient>();
        for (var d = 0; d < 5; d++)
        {
            devices.Add(DeviceClient((await CreateDeviceAsync($"Кнопка порядок {d}", heartbeatSeconds: 86_400)).Secret));
        }

        // 50 at once, 10 per device (within each device's rate limit).
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            await JsonAsync(await devices[i % devices.Count].PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = $"order-{i}" }))));
        var sequenceOf = answers.ToDictionary(a => a.GetProperty("alarmId").GetGuid(), a => a.GetProperty("sequence").GetInt64());

        var received = await console.WaitForAsync(r => sequenceOf.Keys.All(id => r.Any(p => p.Event.AlarmId == id && p.Event.Kind == "raised")));
        var seqs = received.Select(p => p.Event.Seq).ToList();
        for (var i = 1; i < seqs.Count; i++)
        {
            Assert.True(seqs[i] > seqs[i - 1], $"push {i} has Seq {seqs[i]} after {seqs[i - 1]}: {string.Join(", ", seqs)}");
        }

        Assert.All(received.Where(p => p.Event.Kind == "raised" && sequenceOf.ContainsKey(p.Event.AlarmId!.Value)),
            p => Assert.Equal(sequenceOf[p.Event.AlarmId!.Value], p.Event.Seq));
        foreach (var device in devices)
        {
            device.Dispose();
        }
    }

    [Fact]
    public async Task A_console_speaking_MessagePack_gets_the_same_events_as_one_speaking_JSON()
    {
        await using var json = await TestConsole.ConnectAsync(Factory);
        await using var binary = await TestConsole.ConnectAsync(Factory, messagePack: true);
        using var admin = await Factory.ClientAsAsync("admin", "en");
        var sites = await JsonAsync(await admin.GetAsync("/api/v1/alarms/sites"));
        var zone = sites.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == Varta.Platform.Demo.DemoData.ShevchenkivskyiCourt)
            .GetProperty("zones").EnumerateArray().First();
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices", new
        {
            siteId = Varta.Platform.Demo.DemoData.ShevchenkivskyiCourt, zoneId = zone.GetProperty("id").GetGuid(), kind = "fixed-button", name = "Кнопка протокол", heartbeatSeconds = 86_400,
        }));
        using var device = DeviceClient(created.GetProperty("secret").GetString()!);
        device.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var sent = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "protocol-1" }));
        var alarmId = sent.GetProperty("alarmId").GetGuid();

        var viaJson = (await json.WaitForAsync(r => r.Any(p => p.Event.AlarmId == alarmId))).Single(p => p.Event.AlarmId == alarmId).Event;
        var viaBinary = (await binary.WaitForAsync(r => r.Any(p => p.Event.AlarmId == alarmId))).Single(p => p.Event.AlarmId == alarmId).Event;
        Assert.Equal(sent.GetProperty("sequence").GetInt64(), viaBinary.Seq);
        Assert.Equal(viaJson with { Alarm = null }, viaBinary with { Alarm = null });
        Assert.Equal(viaJson.Alarm, viaBinary.Alarm);
        Assert.Equal("duress", viaBinary.Alarm!.Kind);

        // Where and what, as the console shows it: in the default language, whoever sent it (this device asked in English).
        Assert.Equal(zone.GetProperty("name").GetString(), viaJson.Alarm!.ZoneName);
        Assert.Equal(zone.GetProperty("floor").GetInt32(), viaJson.Alarm.Floor);
        Assert.Equal("Кнопка протокол", viaJson.Alarm.DeviceName);
        Assert.False(string.IsNullOrEmpty(viaJson.Alarm.SiteName));
        Assert.Null(viaJson.Alarm!.AcknowledgedAt); // null properties are left out of JSON pushes and read back as null
    }

    [Fact]
    public async Task Alarms_escalated_together_arrive_as_one_batch_oldest_first()
    {
        await using var console = await TestConsole.ConnectAsync(Factory);
        var (_, secret) = await CreateDeviceAsync("Кнопка пакет", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var watch = Factory.Services.GetRequiredService<AlarmWatch>();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = $"batch-{i}" }))).GetProperty("alarmId").GetGuid());
            var scanned = watch.NextScanAsync();
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await scanned.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // All three are overdue at the same moment: one scan escalates them in one save.
        Factory.Clock.Advance(TimeSpan.FromSeconds(70));
        var received = await console.WaitForAsync(r => ids.All(id => r.Any(p => p.Event.AlarmId == id && p.Event.Kind == "escalated")));

        var escalations = received.Where(p => p.Event.Kind == "escalated" && ids.Contains(p.Event.AlarmId!.Value)).ToList();
        Assert.Equal(3, escalations.Count);
        Assert.Single(escalations.Select(p => p.Frame).Distinct());
        Assert.True(escalations[0].Batched);
        Assert.Equal(ids, escalations.Select(p => p.Event.AlarmId!.Value));
        Assert.Equal(escalations.Select(p => p.Event.Seq).Order(), escalations.Select(p => p.Event.Seq));
        Assert.All(escalations, p => Assert.Equal(1, p.Event.Alarm!.EscalationLevel));
    }
}

/// <summary>A host whose pushes are paced, as in production (20 ms); the interval runs on the test's clock.</summary>
public sealed class PacedPushFactory : VartaFactory
{
    public PacedPushFactory() => Settings["Alarms:PushInterval"] = "00:00:00.020";
}

public sealed class PacedPushTests(PacedPushFactory factory) : AlarmsTestBase(factory), IClassFixture<PacedPushFactory>
{
    [Fact]
    public async Task An_event_after_a_quiet_spell_goes_out_at_once_and_those_within_the_interval_after_it_wait_and_share_one_frame()
    {
        await using var console = await TestConsole.ConnectAsync(Factory);
        var (_, secret) = await CreateDeviceAsync("Кнопка темп", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        async Task<Guid> SendAsync(string key) =>
            (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = key }))).GetProperty("alarmId").GetGuid();

        // Nothing was pushed for a while: no waiting, and the clock does not move.
        var first = await SendAsync("paced-1");
        var received = await console.WaitForAsync(r => r.Any(p => p.Event.AlarmId == first));
        Assert.False(received.Single(p => p.Event.AlarmId == first).Batched);

        // Two more, each committed on its own, within the interval: held until it has passed, then one frame.
        var second = await SendAsync("paced-2");
        var third = await SendAsync("paced-3");
        Assert.DoesNotContain(console.Received, p => p.Event.AlarmId == second || p.Event.AlarmId == third);
        Factory.Clock.Advance(TimeSpan.FromMilliseconds(20));
        received = await console.WaitForAsync(r => r.Any(p => p.Event.AlarmId == third));
        var two = received.Where(p => p.Event.AlarmId == second || p.Event.AlarmId == third).ToList();
        Assert.Equal(2, two.Count);
        Assert.Single(two.Select(p => p.Frame).Distinct());
        Assert.True(two[0].Event.Seq < two[1].Event.Seq);
    }
}
