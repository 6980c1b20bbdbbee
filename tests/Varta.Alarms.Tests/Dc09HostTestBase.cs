using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Dc09;
using Varta.Alarms.ReceiveDc09;
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

/// <summary>Panels created through the admin API, and frames exchanged with the host's receiver over loopback TCP.</summary>
public abstract class Dc09HostTestBase(VartaFactory factory) : AlarmsTestBase(factory)
{
    private protected Dc09Frame Frame(string account, int seq, string data) => new()
    {
        Id = Dc09Ids.AdmCid,
        Sequence = seq,
        Account = account,
        Data = data,
        Timestamp = Factory.Clock.GetUtcNow(),
    };

    /// <summary>An intrusion panel; with <paramref name="encryption"/> the answer holds its DC-09 key once.</summary>
    protected async Task<JsonElement> CreatePanelAsync(string account, string? encryption = null)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        return await JsonAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = Platform.Demo.DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = $"Панель {account}", accountNumber = account, heartbeatSeconds = 86_400, encryption }));
    }

    protected async Task<TcpClient> ConnectAsync()
    {
        var endpoint = await Factory.Services.GetRequiredService<Dc09Ingest>().Endpoint.WaitAsync(TimeSpan.FromSeconds(30));
        var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint);
        return tcp;
    }

    /// <summary>A UDP socket on loopback, connected to the host's UDP receiver.</summary>
    protected async Task<UdpClient> ConnectUdpAsync()
    {
        var endpoint = await Factory.Services.GetRequiredService<Dc09Ingest>().UdpEndpoint.WaitAsync(TimeSpan.FromSeconds(30));
        var udp = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        udp.Connect(endpoint);
        return udp;
    }

    /// <summary>Sends one datagram and reads the one datagram answered; an encrypted answer is read with <paramref name="key"/>.</summary>
    private protected static async Task<Dc09Frame> ExchangeAsync(UdpClient udp, byte[] frame, byte[]? key = null)
    {
        await udp.SendAsync(frame);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = (await udp.ReceiveAsync(timeout.Token)).Buffer;
        Assert.Equal((byte)'\n', answer[0]);
        Assert.Equal((byte)'\r', answer[^1]);
        Dc09Codec.TryParse(answer, new Dc09ParseOptions { KeyForAccount = _ => key }, out var parsed, out var error);
        Assert.True(parsed is not null, $"unparseable answer ({error}): {Encoding.ASCII.GetString(answer)}");
        return parsed!;
    }

    /// <summary>Sends a frame and reads the answer; an encrypted answer is read with <paramref name="key"/>.</summary>
    private protected static async Task<Dc09Frame> ExchangeAsync(TcpClient tcp, byte[] frame, byte[]? key = null)
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
        Dc09Codec.TryParse(buffer.Skip(start).ToArray(), new Dc09ParseOptions { KeyForAccount = _ => key }, out var answer, out var error);
        Assert.True(answer is not null, $"unparseable answer ({error}): {Encoding.ASCII.GetString(buffer.ToArray())}");
        return answer!;
    }
}
