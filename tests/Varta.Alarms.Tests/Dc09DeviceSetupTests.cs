using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Varta.Alarms.Dc09;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Setting up a panel as an installer does: its account number, and the AES key it already has.</summary>
public sealed class Dc09DeviceSetupTests(Dc09Factory factory) : Dc09HostTestBase(factory), IClassFixture<Dc09Factory>
{
    [Theory]
    [InlineData("12")]
    [InlineData("12345678901234567")]
    [InlineData("12G4")]
    [InlineData("12 34")]
    public async Task An_account_number_that_is_not_3_to_16_hex_characters_is_refused_in_the_users_language(string account)
    {
        using var admin = await Factory.ClientAsAsync("admin", "en");
        var problem = await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = "Панель з поганим номером", accountNumber = account }), HttpStatusCode.BadRequest);
        Assert.Equal("dc09-account", problem.GetProperty("rules").GetProperty("accountNumber")[0].GetString());
        Assert.StartsWith("An account number is 3 to 16 hexadecimal", problem.GetProperty("errors").GetProperty("accountNumber")[0].GetString());

        using var uk = await Factory.ClientAsAsync("admin");
        problem = await Problem.AssertAsync(await uk.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = "Панель з поганим номером", accountNumber = account }), HttpStatusCode.BadRequest);
        Assert.StartsWith("Номер об'єкта: від 3 до 16", problem.GetProperty("errors").GetProperty("accountNumber")[0].GetString());
    }

    [Fact]
    public async Task A_hex_account_number_of_3_to_16_characters_is_accepted()
    {
        Assert.Equal("abcDEF0123456789", (await CreatePanelAsync("abcDEF0123456789")).GetProperty("device").GetProperty("accountNumber").GetString());
        Assert.Equal("A1F", (await CreatePanelAsync("A1F")).GetProperty("device").GetProperty("accountNumber").GetString());
    }

    [Fact]
    public async Task The_key_is_named_dc09Key_in_every_answer()
    {
        var created = await CreatePanelAsync("4201", "aes-128");
        Assert.Equal(JsonValueKind.String, created.GetProperty("dc09Key").ValueKind);
        var id = created.GetProperty("device").GetProperty("id").GetGuid();
        using var admin = await Factory.ClientAsAsync("admin");
        var rotated = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/alarms/devices/{id}/dc09-key", new { encryption = "aes-256" }));
        Assert.Equal(64, rotated.GetProperty("dc09Key").GetString()!.Length);
        Assert.False(rotated.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task A_panels_existing_hex_key_entered_at_creation_opens_its_frames_and_is_not_repeated()
    {
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F1011121314151617");
        using var admin = await Factory.ClientAsAsync("admin");
        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "intrusion-panel", name = "Панель 4202", accountNumber = "4202", heartbeatSeconds = 86_400, dc09Key = "00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617" }));
        Assert.Equal("aes-192", created.GetProperty("device").GetProperty("encryption").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("dc09Key").ValueKind);

        using var tcp = await ConnectAsync();
        var frame = Frame("4202", 1, "#4202|1130 01 015") with { Encrypted = true };
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(frame, key), key)).Id);
    }

    [Fact]
    public async Task A_panels_existing_text_key_can_be_set_later_and_the_size_chosen_reads_an_ambiguous_one()
    {
        var id = (await CreatePanelAsync("4203")).GetProperty("device").GetProperty("id").GetGuid();
        using var admin = await Factory.ClientAsAsync("admin", "en");
        var url = $"/api/v1/alarms/devices/{id}/dc09-key";

        var text = "Varta-Panel-Key!";
        var set = await JsonAsync(await admin.PostAsJsonAsync(url, new { encryption = (string?)null, dc09Key = text }));
        Assert.Equal("aes-128", set.GetProperty("device").GetProperty("encryption").GetString());
        using var udp = await ConnectUdpAsync();
        var key = Encoding.ASCII.GetBytes(text);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(Frame("4203", 1, "#4203|1130 01 015") with { Encrypted = true }, key), key)).Id);

        // 32 hex digits are AES-128 by default, and the 32-character text form when AES-256 is chosen.
        var ambiguous = "0123456789abcdef0123456789abcdef";
        set = await JsonAsync(await admin.PostAsJsonAsync(url, new { encryption = "aes-256", dc09Key = ambiguous }));
        Assert.Equal("aes-256", set.GetProperty("device").GetProperty("encryption").GetString());
        key = Encoding.ASCII.GetBytes(ambiguous);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(udp, Dc09Codec.Build(Frame("4203", 2, "#4203|1130 01 016") with { Encrypted = true }, key), key)).Id);

        foreach (var (encryption, bad) in new (string?, string)[] { (null, "short"), (null, new string('z', 48)), ("aes-192", "0123456789abcdef0123456789abcdef"), (null, "0123456789abcdef0123456789abcde") })
        {
            var problem = await Problem.AssertAsync(await admin.PostAsJsonAsync(url, new { encryption, dc09Key = bad }), HttpStatusCode.BadRequest);
            Assert.Equal("dc09-key-format", problem.GetProperty("rules").GetProperty("dc09Key")[0].GetString());
            Assert.StartsWith("An AES key is 32, 48 or 64 hexadecimal", problem.GetProperty("errors").GetProperty("dc09Key")[0].GetString());
        }
    }
}
