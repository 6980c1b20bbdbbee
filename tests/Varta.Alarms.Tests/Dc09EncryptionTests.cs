using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Alarms.Dc09;
using Varta.Alarms.ReceiveDc09;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Panels that encrypt their DC-09 frames with an AES key issued by an administrator, over loopback TCP.</summary>
public sealed class Dc09EncryptionTests(Dc09Factory factory) : Dc09HostTestBase(factory), IClassFixture<Dc09Factory>
{
    [Fact]
    public async Task An_encrypted_frame_under_the_panels_key_is_acknowledged_encrypted_and_stored_once_and_the_key_is_shown_only_at_creation()
    {
        var created = await CreatePanelAsync("4101", "aes-128");
        var key = Convert.FromHexString(created.GetProperty("dc09Key").GetString()!);
        Assert.Equal(16, key.Length);
        Assert.Equal("aes-128", created.GetProperty("device").GetProperty("encryption").GetString());

        using var tcp = await ConnectAsync();
        var frame = Encrypted("4101", 1, "#4101|1130 01 015");
        var ack = await ExchangeAsync(tcp, Dc09Codec.Build(frame, key), key);
        Assert.Equal(Dc09Ids.Ack, ack.Id);
        Assert.True(ack.Encrypted);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(frame, key), key)).Id); // a retransmission
        Assert.Equal(1, await OpenAlarmsAsync("4101"));

        // Never again: not in the device list, not in the audit log, not in the database as such.
        using var admin = await Factory.ClientAsAsync("admin");
        var hex = Convert.ToHexString(key);
        var devices = await admin.GetStringAsync("/api/v1/alarms/devices");
        Assert.DoesNotContain(hex, devices, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(JsonDocument.Parse(devices).RootElement.EnumerateArray(), d => d.GetProperty("accountNumber").GetString() == "4101" && d.GetProperty("encryption").GetString() == "aes-128");
        Assert.DoesNotContain(hex, await admin.GetStringAsync("/api/v1/audit/entries?limit=200&resourceType=alarm-device"), StringComparison.OrdinalIgnoreCase);
        var stored = await Factory.WithScopeAsync(sp => sp.GetRequiredService<VartaDbContext>().Set<Dc09Key>().Select(k => k.Protected).ToListAsync());
        Assert.DoesNotContain(stored, p => p.Contains(hex, StringComparison.OrdinalIgnoreCase) || p.Contains(Convert.ToBase64String(key), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_frame_under_a_wrong_key_or_with_a_stale_timestamp_gets_NAK_and_nothing_is_stored()
    {
        var key = Convert.FromHexString((await CreatePanelAsync("4102", "aes-192")).GetProperty("dc09Key").GetString()!);
        Assert.Equal(24, key.Length);
        using var tcp = await ConnectAsync();

        var wrongKey = RandomNumberGenerator.GetBytes(24);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4102", 1, "#4102|1130 01 015"), wrongKey))).Id);

        // DC-09's window is 40 s behind and 20 s ahead of the receiver's clock.
        var now = Factory.Clock.GetUtcNow();
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4102", 2, "#4102|1130 01 015", now.AddSeconds(-41)), key))).Id);
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4102", 3, "#4102|1130 01 015", now.AddSeconds(21)), key))).Id);
        Assert.Equal(0, await OpenAlarmsAsync("4102"));

        // Within the window it is taken: the NAKs were about the frames, not the panel.
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4102", 4, "#4102|1130 01 015", now.AddSeconds(-39)), key), key)).Id);
        Assert.Equal(1, await OpenAlarmsAsync("4102"));
    }

    [Fact]
    public async Task After_the_key_is_rotated_the_old_key_is_refused_and_the_new_one_works_and_the_rotation_is_audited_without_the_key()
    {
        var created = await CreatePanelAsync("4103", "aes-128");
        var id = created.GetProperty("device").GetProperty("id").GetGuid();
        var oldKey = Convert.FromHexString(created.GetProperty("dc09Key").GetString()!);

        using var admin = await Factory.ClientAsAsync("admin");
        var rotated = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/alarms/devices/{id}/dc09-key", new { encryption = "aes-256" }));
        var newKey = Convert.FromHexString(rotated.GetProperty("dc09Key").GetString()!);
        Assert.Equal(32, newKey.Length);
        Assert.Equal("aes-256", rotated.GetProperty("device").GetProperty("encryption").GetString());

        using var tcp = await ConnectAsync();
        Assert.Equal(Dc09Ids.Nak, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4103", 1, "#4103|1130 01 015"), oldKey))).Id);
        Assert.Equal(0, await OpenAlarmsAsync("4103"));
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4103", 2, "#4103|1130 01 015"), newKey), newKey)).Id);
        Assert.Equal(1, await OpenAlarmsAsync("4103"));

        var audit = await admin.GetStringAsync("/api/v1/audit/entries?limit=200&resourceType=alarm-device");
        Assert.Contains(JsonDocument.Parse(audit).RootElement.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "alarms.device.dc09-key-issued" && e.GetProperty("resourceId").GetString() == id.ToString());
        Assert.DoesNotContain(Convert.ToHexString(newKey), audit, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_encrypted_account_refuses_plain_frames_with_DUH_and_once_encryption_is_off_plain_is_taken_and_encrypted_is_not()
    {
        var created = await CreatePanelAsync("4104", "aes-128");
        var id = created.GetProperty("device").GetProperty("id").GetGuid();
        var key = Convert.FromHexString(created.GetProperty("dc09Key").GetString()!);
        using var tcp = await ConnectAsync();

        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("4104", 1, "#4104|1130 01 015")))).Id);
        var link = new Dc09Frame { Id = Dc09Ids.Null, Sequence = 2, Account = "4104", Timestamp = Factory.Clock.GetUtcNow() };
        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(tcp, Dc09Codec.Build(link))).Id);
        Assert.Equal(0, await OpenAlarmsAsync("4104"));

        using var admin = await Factory.ClientAsAsync("admin");
        var off = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/alarms/devices/{id}/dc09-key", new { encryption = (string?)null }));
        Assert.Equal(JsonValueKind.Null, off.GetProperty("dc09Key").ValueKind);
        Assert.Equal(JsonValueKind.Null, off.GetProperty("device").GetProperty("encryption").ValueKind);

        // The old key opens nothing any more: the account has no key, so encrypted frames are not supported (DUH).
        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4104", 3, "#4104|1130 01 015"), key))).Id);
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Frame("4104", 4, "#4104|1130 01 015")))).Id);
        Assert.Equal(1, await OpenAlarmsAsync("4104"));
    }

    [Fact]
    public async Task A_key_issued_on_another_host_reaches_this_receiver_at_the_next_refresh()
    {
        var id = (await CreatePanelAsync("4105")).GetProperty("device").GetProperty("id").GetGuid();
        var key = RandomNumberGenerator.GetBytes(16);
        await Factory.WithScopeAsync(async sp =>
        {
            // What another host's administrator endpoint writes; this host is not told.
            var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(Dc09Keys.Purpose);
            var db = sp.GetRequiredService<VartaDbContext>();
            db.Set<Dc09Key>().Add(new Dc09Key { DeviceId = id, Bits = 128, Protected = Convert.ToBase64String(protector.Protect(key)), IssuedAt = Factory.Clock.GetUtcNow().UtcDateTime, IssuedBy = "admin" });
            return await db.SaveChangesAsync();
        });

        using var tcp = await ConnectAsync();
        Assert.Equal(Dc09Ids.Duh, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4105", 1, "#4105|1130 01 015"), key))).Id);

        var reloaded = Factory.Services.GetRequiredService<Dc09Keys>().NextReload;
        Factory.Clock.Advance(Dc09Keys.RefreshInterval);
        await reloaded.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4105", 2, "#4105|1130 01 015"), key), key)).Id);
        Assert.Equal(1, await OpenAlarmsAsync("4105"));
    }

    [SkippableFact]
    public async Task On_PostgreSQL_a_key_changed_on_another_host_reaches_this_receiver_at_once_through_a_notification()
    {
        Skip.IfNot(Factory.Database.IsPostgres, "Several hosts share a database only on PostgreSQL; SQLite serves one host, which reloads its own changes.");
        var keys = Factory.Services.GetRequiredService<Dc09Keys>();
        await keys.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var id = (await CreatePanelAsync("4107")).GetProperty("device").GetProperty("id").GetGuid();
        var key = RandomNumberGenerator.GetBytes(16);
        await Factory.WithScopeAsync(async sp =>
        {
            // What another host's administrator endpoint does: store the key, then notify once it has committed.
            var protector = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(Dc09Keys.Purpose);
            var db = sp.GetRequiredService<VartaDbContext>();
            db.Set<Dc09Key>().Add(new Dc09Key { DeviceId = id, Bits = 128, Protected = Convert.ToBase64String(protector.Protect(key)), IssuedAt = Factory.Clock.GetUtcNow().UtcDateTime, IssuedBy = "admin" });
            await db.SaveChangesAsync();
            return await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Dc09Keys.Channel}, '')");
        });

        // The clock does not move, so the periodic refresh cannot be what brings the key.
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency * 10;
        while (keys.KeyFor("4107") is null && System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
            await keys.NextReload.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(key, keys.KeyFor("4107"));
        using var tcp = await ConnectAsync();
        Assert.Equal(Dc09Ids.Ack, (await ExchangeAsync(tcp, Dc09Codec.Build(Encrypted("4107", 1, "#4107|1130 01 015"), key), key)).Id);
    }

    [Fact]
    public async Task Only_an_administrator_of_the_building_sets_a_key_and_only_on_an_intrusion_panel()
    {
        var id = (await CreatePanelAsync("4106")).GetProperty("device").GetProperty("id").GetGuid();
        var url = $"/api/v1/alarms/devices/{id}/dc09-key";

        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        await Problem.AssertAsync(await dispatcher.PostAsJsonAsync(url, new { encryption = "aes-128" }), HttpStatusCode.Forbidden);
        var (_, lvivAdmin) = await CreateUserAsync("admin.lviv.dc09", "Адміністратор Львів", "administrator", DemoData.LvivRegion);
        using (lvivAdmin)
        {
            await Problem.AssertAsync(await lvivAdmin.PostAsJsonAsync(url, new { encryption = "aes-128" }), HttpStatusCode.NotFound);
        }

        using var admin = await Factory.ClientAsAsync("admin", "en");
        var (buttonId, _) = await CreateDeviceAsync("Кнопка без DC-09");
        var notPanel = await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/alarms/devices/{buttonId}/dc09-key", new { encryption = "aes-128" }), HttpStatusCode.BadRequest);
        Assert.Equal("dc09-panel-only", notPanel.GetProperty("rules").GetProperty("encryption")[0].GetString());
        Assert.StartsWith("DC-09 encryption is only for an intrusion panel", notPanel.GetProperty("errors").GetProperty("encryption")[0].GetString());

        var badSize = await Problem.AssertAsync(await admin.PostAsJsonAsync(url, new { encryption = "aes-512" }), HttpStatusCode.BadRequest);
        Assert.Equal("one-of", badSize.GetProperty("rules").GetProperty("encryption")[0].GetString());

        // An empty body does not quietly turn encryption off: "encryption" must be there, null to turn it off.
        await Problem.AssertAsync(await admin.PostAsJsonAsync(url, new { }), HttpStatusCode.BadRequest);

        var buttonWithKey = await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка з ключем", encryption = "aes-128" }), HttpStatusCode.BadRequest);
        Assert.Equal("dc09-panel-only", buttonWithKey.GetProperty("rules").GetProperty("encryption")[0].GetString());
    }

    private Dc09Frame Encrypted(string account, int seq, string data, DateTimeOffset? at = null) =>
        Frame(account, seq, data) with { Encrypted = true, Timestamp = at ?? Factory.Clock.GetUtcNow() };

    private async Task<int> OpenAlarmsAsync(string account)
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        return open.EnumerateArray().Count(a => a.GetProperty("deviceName").GetString() == $"Панель {account}");
    }
}
