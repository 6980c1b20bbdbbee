using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Dc09;
using Varta.Alarms.Signals;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>The host with its DC-09 receiver on a free loopback port.</summary>
public sealed class Dc09Factory : VartaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Alarms:Dc09Enabled", "true");
        builder.UseSetting("Alarms:Dc09Port", "0");
        builder.UseSetting("Alarms:Dc09Address", "127.0.0.1");
    }
}

public sealed class Dc09IngestTests(Dc09Factory factory) : AlarmsTestBase(factory), IClassFixture<Dc09Factory>
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

    private Dc09Frame Frame(string account, int seq, string data) => new()
    {
        Id = Dc09Ids.AdmCid,
        Sequence = seq,
        Account = account,
        Data = data,
        Timestamp = Factory.Clock.GetUtcNow(),
    };

    private async Task CreatePanelAsync(string account)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        await JsonAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = Platform.Demo.DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = $"Панель {account}", accountNumber = account, heartbeatSeconds = 86_400 }));
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var endpoint = await Factory.Services.GetRequiredService<Dc09Ingest>().Endpoint.WaitAsync(TimeSpan.FromSeconds(30));
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint);
        return tcp;
    }

    private static async Task<Dc09Frame> ExchangeAsync(TcpClient tcp, byte[] frame)
    {
        var stream = tcp.GetStream();
        await stream.WriteAsync(frame);
        var buffer = new List<byte>();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var n = await stream.ReadAsync(one, timeout.Token);
            Assert.True(n > 0, "connection closed before an answer");
            buffer.Add(one[0]);
            if (one[0] == (byte)'\r')
            {
                break;
            }
        }

        var start = buffer.IndexOf((byte)'\n');
        Dc09Codec.TryParse(buffer.Skip(start).ToArray(), Dc09ParseOptions.Default, out var answer, out var error);
        Assert.True(answer is not null, $"unparseable answer ({error}): {Encoding.ASCII.GetString(buffer.ToArray())}");
        return answer!;
    }
}
