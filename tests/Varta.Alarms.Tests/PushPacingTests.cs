using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Alarms.EventStream;
using Varta.Alarms.Feed;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>
/// The notifier's pacing: quiet traffic goes out at <c>PushInterval</c>; under sustained load the passes are spaced by
/// the consoles connected, so the host's writes a second stay bounded however many consoles there are.
/// </summary>
public sealed class PushPacingTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    private static AlarmsOptions Defaults() => new();

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void Below_the_busy_rate_passes_follow_the_push_interval_whatever_the_consoles(int connections)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(20), PushPacing.Interval(Defaults(), eventsPerSecond: 50, connections));
        Assert.Equal(TimeSpan.FromMilliseconds(20), PushPacing.Interval(Defaults(), eventsPerSecond: 0, connections));
    }

    [Theory]
    [InlineData(0, 40)]
    [InlineData(100, 40)]
    [InlineData(600, 40)]
    [InlineData(1_000, 60)]
    [InlineData(2_000, 120)]
    [InlineData(4_000, 200)]
    [InlineData(50_000, 200)]
    public void Under_load_the_interval_grows_with_the_consoles_between_its_floor_and_its_cap(int connections, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), PushPacing.Interval(Defaults(), eventsPerSecond: 100, connections));
    }

    [Fact]
    public void No_pacing_stays_no_pacing_and_no_per_console_spacing_leaves_the_busy_interval_alone()
    {
        Assert.Equal(TimeSpan.Zero, PushPacing.Interval(new AlarmsOptions { PushInterval = TimeSpan.Zero }, 1_000, 5_000));
        Assert.Equal(TimeSpan.FromMilliseconds(40), PushPacing.Interval(new AlarmsOptions { BusyPushIntervalPerConnection = TimeSpan.Zero }, 1_000, 5_000));
        // A busy interval configured below the quiet one never makes busy passes more frequent.
        Assert.Equal(TimeSpan.FromMilliseconds(20), PushPacing.Interval(new AlarmsOptions { BusyPushInterval = TimeSpan.FromMilliseconds(5) }, 1_000, 10));
    }

    [Fact]
    public void Event_streams_are_counted_as_they_open_and_close()
    {
        var streams = new AlarmStreams();
        var kyiv = new HashSet<Guid> { Guid.NewGuid() };
        var first = streams.Add(new StreamConnection(new DefaultHttpContext(), kyiv));
        var second = streams.Add(new StreamConnection(new DefaultHttpContext(), kyiv));
        var elsewhere = streams.Add(new StreamConnection(new DefaultHttpContext(), new HashSet<Guid> { Guid.NewGuid() }));
        Assert.Equal(3, streams.Count);

        first.Dispose();
        elsewhere.Dispose();
        Assert.Equal(1, streams.Count);
        second.Dispose();
        Assert.Equal(0, streams.Count);
    }

    [Fact]
    public async Task The_notifier_counts_the_event_streams_and_hub_consoles_it_writes_to()
    {
        var notifier = Factory.Services.GetRequiredService<AlarmNotifier>();
        Assert.Equal(0, notifier.Connections);

        using var client = await Factory.ClientAsAsync("dispatcher");
        await using var stream = await TestStream.OpenAsync(client);
        await stream.WaitForAsync(e => e.Any(x => x.Type == "ready"));
        Assert.Equal(1, notifier.Connections);

        // A hub connection is counted before it joins its buildings' groups, so by the time it gets a push.
        await using var hub = await TestConsole.ConnectAsync(Factory);
        using var button = DeviceClient((await CreateDeviceAsync("Кнопка підрахунку", heartbeatSeconds: 86_400)).Secret);
        var raised = await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "count-1" }));
        await hub.WaitForAsync(r => r.Any(p => p.Event.AlarmId == raised.GetProperty("alarmId").GetGuid()));
        Assert.Equal(2, notifier.Connections);
    }
}
