using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Dc09;

namespace Varta.Alarms.Tests;

public sealed class Dc09IngestTests(Dc09Factory factory) : Dc09HostTestBase(factory), IClassFixture<Dc09Factory>
{
    [Fact]
    public async Task A_panel_burglary_over_DC09_is_acknowledged_after_it_is_stored_and_a_retransmission_makes_no_second_alarm()
    {
        await CreatePanelAsync("5678");
        var frame = Frame("5678", 17, "#5678|1130 01 015");
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(frame))).Id);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        var alarms = open.EnumerateArray().Where(a => a.GetProperty("deviceName").GetString() == "Панель 5678").ToList();
        Assert.Single(alarms);
        Assert.Equal("intrusion", alarms[0].GetProperty("kind").GetString());

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(frame))).Id);
        open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        Assert.Single(open.EnumerateArray(), a => a.GetProperty("deviceName").GetString() == "Панель 5678");
    }

    [Fact]
    public async Task Over_UDP_a_contact_id_frame_is_stored_then_acknowledged_and_a_retransmission_makes_no_second_alarm()
    {
        await CreatePanelAsync("5679");
        var frame = Frame("5679", 18, "#5679|1130 01 015");
        using var udp = await ConnectUdpAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(frame))).Id);
        // The ACK came after the store: the alarm is there as soon as the answer is.
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        var alarms = open.EnumerateArray().Where(a => a.GetProperty("deviceName").GetString() == "Панель 5679").ToList();
        Assert.Single(alarms);
        Assert.Equal("intrusion", alarms[0].GetProperty("kind").GetString());

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(frame))).Id);
        open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        Assert.Single(open.EnumerateArray(), a => a.GetProperty("deviceName").GetString() == "Панель 5679");
    }

    [Fact]
    public async Task Over_UDP_an_unknown_account_gets_DUH_garbage_gets_NAK_and_the_receiver_goes_on()
    {
        await CreatePanelAsync("7778");
        using var udp = await ConnectUdpAsync();
        var heartbeat = new Dc09Frame { Id = Dc09Ids.Null, Sequence = 1, Account = "7778", Timestamp = Factory.Clock.GetUtcNow() };
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(heartbeat))).Id);
        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(udp, Dc09Codec.Build(Frame("9998", 2, "#9998|1130 01 001")))).Id);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(udp, Encoding.ASCII.GetBytes("\n0000000F\"SIA-DCS\"garbage\r"))).Id);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(udp, Encoding.ASCII.GetBytes("hello"))).Id);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(udp, new byte[4000])).Id);
        // Two frames in one datagram are not one frame.
        var two = Dc09Codec.Build(heartbeat with { Sequence = 2 }).Concat(Dc09Codec.Build(heartbeat with { Sequence = 3 })).ToArray();
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(udp, two)).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(heartbeat with { Sequence = 4 }))).Id);
    }

    [Fact]
    public async Task A_null_message_is_a_heartbeat_an_unknown_account_gets_DUH_and_garbage_gets_NAK()
    {
        await CreatePanelAsync("7777");
        using var tcp = await ConnectAsync();
        var heartbeat = new Dc09Frame { Id = Dc09Ids.Null, Sequence = 1, Account = "7777", Timestamp = Factory.Clock.GetUtcNow() };
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(heartbeat))).Id);
        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("9999", 2, "#9999|1130 01 001")))).Id);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(tcp, Encoding.ASCII.GetBytes("\n0000000F\"SIA-DCS\"garbage\r"))).Id);
        // The connection survives a bad frame.
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(heartbeat with { Sequence = 3 }))).Id);
    }

    [Fact]
    public async Task A_contact_id_restore_adds_restored_to_the_open_alarm_of_that_zone_once_and_otherwise_is_only_a_heartbeat()
    {
        await CreatePanelAsync("6060");
        using var tcp = await ConnectAsync();
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("6060", 1, "#6060|1130 01 015")))).Id);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var alarm = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).EnumerateArray().Single(a => a.GetProperty("deviceName").GetString() == "Панель 6060");
        var alarmId = alarm.GetProperty("id").GetGuid();
        var after = await LastSeqAsync(dispatcher);

        // Another zone's restore, and another code's, end nothing: they only keep the link alive.
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("6060", 2, "#6060|3130 01 016")))).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("6060", 3, "#6060|3137 01 015")))).Id);
        Assert.Empty(await RestoredAsync(dispatcher, after));
        var panel = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/devices"))).EnumerateArray().Single(d => d.GetProperty("accountNumber").GetString() == "6060");
        Assert.Equal(Factory.Clock.GetUtcNow(), panel.GetProperty("lastSeenAt").GetDateTimeOffset());

        // The zone's own restore is written on the alarm's timeline, once however often it is sent; the alarm stays open for a person to resolve.
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("6060", 4, "#6060|3130 01 015")))).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("6060", 5, "#6060|3130 01 015")))).Id);
        var restored = await RestoredAsync(dispatcher, after);
        Assert.Single(restored);
        Assert.Equal(alarmId, restored[0].GetProperty("alarmId").GetGuid());
        Assert.Equal("device:Панель 6060", restored[0].GetProperty("actor").GetString());
        Assert.Equal("open", (await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"))).GetProperty("status").GetString());

        var timelines = await Factory.WithScopeAsync(async sp =>
        {
            var user = await DispatcherAsync(sp);
            return await sp.GetRequiredService<Console.ConsoleTimelines>().TimelinesAsync(user, [alarmId], CancellationToken.None);
        });
        Assert.Equal(["raised", "restored"], timelines[alarmId].Select(e => e.Kind));
        Assert.Equal("130/015", timelines[alarmId][^1].Detail);
    }

    private static async Task<long> LastSeqAsync(HttpClient dispatcher) =>
        (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"))).EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).DefaultIfEmpty().Max();

    private static async Task<List<System.Text.Json.JsonElement>> RestoredAsync(HttpClient dispatcher, long after) =>
        (await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/feed?after={after}"))).EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "restored").ToList();

    private static async Task<System.Security.Claims.ClaimsPrincipal> DispatcherAsync(IServiceProvider sp)
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Identity.VartaUser>>();
        return await sp.GetRequiredService<Platform.Identity.SignInService>().CreatePrincipalAsync((await users.FindByNameAsync("dispatcher"))!, "test", "pwd");
    }
}
