using System.Globalization;
using System.Text;
using System.Text.Json;
using Varta.Alarms.Dc09;

namespace Varta.Alarms.Tests;

/// <summary>
/// Frame shapes real panels send (issue 12), byte for byte between the quotes and the timestamp: an ACK always means
/// every event was stored, on the account in the header.
/// </summary>
public sealed class Dc09PanelShapesTests(Dc09Factory factory) : Dc09HostTestBase(factory), IClassFixture<Dc09Factory>
{
    /// <summary>LF, CRC, length, the body as given, CR.</summary>
    private static byte[] Wrap(string body)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        var head = string.Create(CultureInfo.InvariantCulture, $"\n{Crc16Arc.Compute(bytes):X4}0{bytes.Length:X3}");
        return [.. Encoding.ASCII.GetBytes(head), .. bytes, (byte)'\r'];
    }

    private string Stamp(TimeSpan offset = default) => Dc09Timestamp.Format(Factory.Clock.GetUtcNow() + offset);

    private async Task<List<JsonElement>> OpenAsync(string account)
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        return (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).EnumerateArray()
            .Where(a => a.GetProperty("deviceName").GetString() == $"Панель {account}").ToList();
    }

    [Theory]
    [InlineData("1EA3", "\"SIA-DCS\"0001L0#1EA3[|Nri1/PA101]", "panic")]
    [InlineData("1EA4", "\"ADM-CID\"0002L0#1EA4[|1121 01 102]", "duress")]
    public async Task Data_with_an_empty_account_before_the_bar_is_stored_before_it_is_acknowledged(string account, string body, string kind)
    {
        await CreatePanelAsync(account);
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap(body + Stamp()))).Id);

        var alarm = Assert.Single(await OpenAsync(account));
        Assert.Equal(kind, alarm.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_historic_timestamp_of_a_plain_frame_is_accepted_and_a_clock_far_off_raises_a_clock_wrong_fault()
    {
        await CreatePanelAsync("1EB3");
        using var tcp = await ConnectAsync();

        // The frame as a panel sent it, with its own (months old) timestamp: a plain frame is not refused for its clock.
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap("\"SIA-DCS\"0001L0#1EB3[|Nri1/PA101]_19:53:11,12-03-2026"))).Id);

        var open = await OpenAsync("1EB3");
        Assert.Single(open, a => a.GetProperty("kind").GetString() == "panic");
        var fault = Assert.Single(open, a => a.GetProperty("kind").GetString() == "fault");
        Assert.StartsWith("Clock wrong", fault.GetProperty("panelText").GetString(), StringComparison.Ordinal);

        // A minute off (a panel on drifting time) is within the limit: stored, no second fault.
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap("\"SIA-DCS\"0002L0#1EB3[|Nri1/PA102]" + Stamp(TimeSpan.FromSeconds(-70))))).Id);
        open = await OpenAsync("1EB3");
        Assert.Equal(2, open.Count(a => a.GetProperty("kind").GetString() == "panic"));
        Assert.Single(open, a => a.GetProperty("kind").GetString() == "fault");
    }

    [Fact]
    public async Task Every_event_of_a_SIA_block_is_stored_each_once_even_when_retransmitted()
    {
        await CreatePanelAsync("1EA5");
        using var tcp = await ConnectAsync();
        var frame = Wrap("\"SIA-DCS\"0003L0#1EA5[#1EA5|Nri1/PA038/MA039/GA040]" + Stamp());

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, frame)).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, frame)).Id);

        var open = await OpenAsync("1EA5");
        Assert.Equal(["environmental", "medical", "panic"], open.Select(a => a.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(open, a => a.GetProperty("panelText").GetString() == "GA Gas alarm · 040");
    }

    [Theory]
    [InlineData("1EA6", "\"SIA-DCS\"0004L0#1EA6[#1EA6|Nri1/ZZ001]", "ZZ")]
    [InlineData("1EA7", "\"ADM-CID\"0005L0#1EA7[#1EA7|11X1 01 046]", "11X1 01 046")]
    [InlineData("1EA8", "\"SIA-DCS\"0006L0#1EA8[#1EA8|garbled?]", "garbled?")]
    public async Task A_code_not_known_or_data_not_read_is_stored_as_unrecognised_with_what_the_panel_said(string account, string body, string said)
    {
        await CreatePanelAsync(account);
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap(body + Stamp()))).Id);

        var alarm = Assert.Single(await OpenAsync(account));
        Assert.Equal("unrecognised", alarm.GetProperty("kind").GetString());
        Assert.Contains(said, alarm.GetProperty("panelText").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"SIA-DCS\"0007L0#1E01[|Nri1/MA001]", "medical")]
    [InlineData("\"ADM-CID\"0008L0#1E01[#1E01|1100 01 001]", "medical")]
    [InlineData("\"ADM-CID\"0009L0#1E01[#1E01|1150 01 002]", "zone-alarm")]
    [InlineData("\"SIA-DCS\"0010L0#1E01[#1E01|Nri1/UA003]", "zone-alarm")]
    [InlineData("\"SIA-DCS\"0011L0#1E01[#1E01|Nri1/BB004]", "bypass")]
    [InlineData("\"ADM-CID\"0012L0#1E01[#1E01|1101 01 005]", "medical")]
    public async Task Standard_codes_medical_untyped_zone_and_bypass_are_mapped_not_dropped(string body, string kind)
    {
        var account = "1E" + Math.Abs(body.GetHashCode(StringComparison.Ordinal) % 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
        await CreatePanelAsync(account);
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap(body.Replace("1E01", account, StringComparison.Ordinal) + Stamp()))).Id);

        Assert.Equal(kind, Assert.Single(await OpenAsync(account)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_account_in_the_header_is_the_panels_identity_whatever_the_data_says()
    {
        await CreatePanelAsync("1EC1");
        await CreatePanelAsync("1EC4");
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap("\"SIA-DCS\"0001L0#1EC1[#1EC4|Nri1/PA001]" + Stamp()))).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Wrap("\"SIA-DCS\"0002L0#1EC1[#0000|Nri1/PA002]" + Stamp()))).Id);

        Assert.Equal(2, (await OpenAsync("1EC1")).Count);
        Assert.Empty(await OpenAsync("1EC4"));
    }
}
