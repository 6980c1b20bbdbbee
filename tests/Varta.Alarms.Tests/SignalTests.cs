using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Varta.Testing;

namespace Varta.Alarms.Tests;

public sealed class SignalTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_duress_signal_is_stored_and_answered_202_with_its_sequence_and_reaches_the_feed()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 1");
        using var device = DeviceClient(secret);
        var response = await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "k-1" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await JsonAsync(response);
        var alarmId = accepted.GetProperty("alarmId").GetGuid();
        var seq = accepted.GetProperty("sequence").GetInt64();

        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var feed = await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/feed?after={seq - 1}"));
        var raised = feed.EnumerateArray().Single(e => e.GetProperty("seq").GetInt64() == seq);
        Assert.Equal("raised", raised.GetProperty("kind").GetString());
        Assert.Equal(alarmId, raised.GetProperty("alarmId").GetGuid());
        Assert.Equal(1, raised.GetProperty("alarm").GetProperty("priority").GetInt32());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_alarm()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 2");
        using var device = DeviceClient(secret);
        var first = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "same" }));
        var second = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "same" }));
        Assert.Equal(first.GetProperty("alarmId").GetGuid(), second.GetProperty("alarmId").GetGuid());
        Assert.Equal(first.GetProperty("sequence").GetInt64(), second.GetProperty("sequence").GetInt64());
        Assert.True(second.GetProperty("duplicate").GetBoolean());

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "race" })));
        var ids = new HashSet<Guid>();
        foreach (var r in concurrent)
        {
            ids.Add((await JsonAsync(r)).GetProperty("alarmId").GetGuid());
        }

        Assert.Single(ids);
    }

    [Fact]
    public async Task A_wrong_credential_gets_401_and_an_audit_entry()
    {
        using var device = DeviceClient("not-a-real-device-secret-0123456789");
        var response = await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "x" });
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);

        using var admin = await Factory.ClientAsAsync("admin");
        var entries = await JsonAsync(await admin.GetAsync("/api/v1/audit/entries?limit=50"));
        Assert.Contains(entries.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarms.device.auth-failed");
    }

    [Fact]
    public async Task A_user_token_is_not_a_device_credential()
    {
        using var judge = await Factory.ClientAsAsync("judge");
        var response = await judge.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bad_signals_get_a_problem_naming_the_field_and_store_nothing()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 3");
        using var device = DeviceClient(secret);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var before = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).GetArrayLength();

        var unknownKind = await Problem.AssertAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "earthquake", idempotencyKey = "b1" }), HttpStatusCode.BadRequest);
        Assert.Equal("one-of", unknownKind.GetProperty("rules").GetProperty("kind")[0].GetString());
        var noKey = await Problem.AssertAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress" }), HttpStatusCode.BadRequest);
        Assert.Equal("required", noKey.GetProperty("rules").GetProperty("idempotencyKey")[0].GetString());
        var badLocation = await Problem.AssertAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals",
            new { kind = "duress", idempotencyKey = "b2", location = new { latitude = 123.0, longitude = 30.5 } }), HttpStatusCode.BadRequest);
        Assert.True(badLocation.GetProperty("errors").TryGetProperty("location.latitude", out _));
        using var malformed = new StringContent("{\"kind\": \"duress\",", System.Text.Encoding.UTF8, "application/json");
        await Problem.AssertAsync(await device.PostAsync("/api/v1/alarms/signals", malformed), HttpStatusCode.BadRequest);

        Assert.Equal(before, (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).GetArrayLength());
    }

    [Fact]
    public async Task A_flooding_device_is_slowed_down_without_blocking_another()
    {
        var (_, flooder) = await CreateDeviceAsync("Кнопка флуд");
        var (_, quiet) = await CreateDeviceAsync("Кнопка тиха");
        using var flood = DeviceClient(flooder);
        // All at once, so that even a slow, loaded machine sees them inside one refill period.
        var responses = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => flood.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "heartbeat" })));
        var statuses = responses.Select(r => r.StatusCode).ToList();

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        using var other = DeviceClient(quiet);
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "q1" })).StatusCode);
    }

    [Fact]
    public async Task Acknowledge_dispatch_resolve_are_recorded_in_order_and_a_resolved_alarm_leaves_the_console()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 4");
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "flow" }))).GetProperty("alarmId").GetGuid();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher", "en");

        var ack = await JsonAsync(await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null));
        Assert.Equal("acknowledged", ack.GetProperty("status").GetString());
        Assert.Equal("dispatcher", ack.GetProperty("acknowledgedBy").GetString());
        await Problem.AssertAsync(await dispatcher.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null), HttpStatusCode.Conflict);

        var noResponders = await Problem.AssertAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/dispatch", new { responders = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.True(noResponders.GetProperty("errors").TryGetProperty("responders", out _));
        var dispatched = await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/dispatch", new { responders = new[] { "Наряд 1", "Наряд 2" } }));
        Assert.Equal("dispatched", dispatched.GetProperty("status").GetString());

        await Problem.AssertAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "maybe" }), HttpStatusCode.BadRequest);
        var resolved = await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "false", note = "натиснуто випадково" }));
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());

        var open = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"));
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("id").GetGuid() == alarmId);
        var feed = await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"));
        var kinds = feed.EnumerateArray().Where(e => e.GetProperty("alarmId").ValueKind == JsonValueKind.String && e.GetProperty("alarmId").GetGuid() == alarmId)
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["raised", "acknowledged", "dispatched", "resolved"], kinds);
    }

    [Fact]
    public async Task The_buildings_security_officers_are_the_responders_and_see_their_dispatches()
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var responders = await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/sites/{Platform.Demo.DemoData.ShevchenkivskyiCourt}/responders"));
        Assert.Contains(responders.EnumerateArray(), r => r.GetProperty("username").GetString() == "security.officer");
        await Problem.AssertAsync(await dispatcher.GetAsync($"/api/v1/alarms/sites/{Platform.Demo.DemoData.DetentionFacility1}/responders"), HttpStatusCode.NotFound);

        var (_, secret) = await CreateDeviceAsync("Кнопка виклик");
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "mine" }))).GetProperty("alarmId").GetGuid();
        using var officer = await Factory.ClientAsAsync("security.officer");
        Assert.DoesNotContain((await JsonAsync(await officer.GetAsync("/api/v1/alarms/my-dispatches"))).EnumerateArray(), a => a.GetProperty("id").GetGuid() == alarmId);
        await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/dispatch", new { responders = new[] { "security.officer" } }));
        Assert.Contains((await JsonAsync(await officer.GetAsync("/api/v1/alarms/my-dispatches"))).EnumerateArray(), a => a.GetProperty("id").GetGuid() == alarmId);
    }

    [Fact]
    public async Task The_feed_resumes_after_a_sequence_number_and_misses_nothing()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 5");
        using var device = DeviceClient(secret);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var start = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed?after=0&limit=1000"))).EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).DefaultIfEmpty(0).Max();

        var sent = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "test", idempotencyKey = $"resume-{i}" }))).GetProperty("sequence").GetInt64()));

        var seen = new List<long>();
        var after = start;
        while (true)
        {
            var page = (await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/feed?after={after}&limit=7"))).EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page);
            after = page[^1];
        }

        Assert.Equal(seen.OrderBy(s => s), seen);
        Assert.Subset(seen.ToHashSet(), sent.ToHashSet());
    }

    [Fact]
    public async Task Console_roles_outside_the_building_see_nothing_and_the_wrong_role_is_refused()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка тест 6");
        using var device = DeviceClient(secret);
        var alarmId = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "scope" }))).GetProperty("alarmId").GetGuid();

        using var judge = await Factory.ClientAsAsync("judge");
        await Problem.AssertAsync(await judge.PostAsync($"/api/v1/alarms/{alarmId}/acknowledge", null), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await judge.GetAsync("/api/v1/alarms/feed"), HttpStatusCode.Forbidden);
        using var officer = await Factory.ClientAsAsync("custody.officer");
        await Problem.AssertAsync(await officer.GetAsync("/api/v1/alarms/open"), HttpStatusCode.Forbidden);
        using var security = await Factory.ClientAsAsync("security.officer");
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync($"/api/v1/alarms/{alarmId}")).StatusCode);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        await Problem.AssertAsync(await dispatcher.PostAsJsonAsync("/api/v1/alarms/devices", new { siteId = Platform.Demo.DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "x" }), HttpStatusCode.Forbidden);
    }
}
