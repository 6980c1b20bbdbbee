using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Issue 12: a device's owner is checked, medical profiles stay in the owner's building, alarm reads are audited, signal times are sane.</summary>
public sealed class DataProtectionTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_device_owner_must_work_in_the_building_and_be_managed_by_the_caller()
    {
        var (_, courtAdmin) = await Factory.CreateUserClientAsync(Roles.Administrator, DemoData.ShevchenkivskyiCourt);
        var (lvivJudge, _) = await Factory.CreateUserAsync(Roles.Judge, DemoData.LvivRegion);
        var (nationalJudge, _) = await Factory.CreateUserAsync(Roles.Judge, DemoData.Country);
        var (kyivJudge, _) = await Factory.CreateUserAsync(Roles.Judge, DemoData.ShevchenkivskyiCourt);

        // Another region's judge, a person the court's administrator does not manage, and nobody at all: the same answer.
        foreach (var owner in new[] { lvivJudge, nationalJudge, Guid.NewGuid() })
        {
            var problem = await Problem.AssertAsync(await courtAdmin.PostAsJsonAsync("/api/v1/alarms/devices",
                new { siteId = DemoData.ShevchenkivskyiCourt, kind = "phone", name = "Телефон " + owner.ToString("N")[..6], ownerUserId = owner }), HttpStatusCode.BadRequest);
            Assert.Equal("owner-not-of-building", problem.GetProperty("rules").GetProperty("ownerUserId")[0].GetString());
        }

        var created = await JsonAsync(await courtAdmin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "phone", name = "Телефон судді", ownerUserId = kyivJudge }));
        Assert.Equal(kyivJudge, created.GetProperty("device").GetProperty("ownerUserId").GetGuid());
    }

    [Fact]
    public async Task The_problem_for_a_wrong_owner_is_in_the_callers_language()
    {
        var (_, courtAdmin) = await Factory.CreateUserClientAsync(Roles.Administrator, DemoData.ShevchenkivskyiCourt);
        courtAdmin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await Problem.AssertAsync(await courtAdmin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "phone", name = "Phone", ownerUserId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.Contains("works in this building", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_medical_profile_goes_only_to_responders_of_a_building_where_its_person_works()
    {
        var (judgeId, judge) = await Factory.CreateUserClientAsync(Roles.Judge, DemoData.ShevchenkivskyiCourt);
        await JsonAsync(await judge.PutAsJsonAsync("/api/v1/alarms/medical-profile/me", new { bloodType = "AB-", consent = true }));
        var (_, courtAdmin) = await Factory.CreateUserClientAsync(Roles.Administrator, DemoData.ShevchenkivskyiCourt);
        var created = await JsonAsync(await courtAdmin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = DemoData.ShevchenkivskyiCourt, kind = "phone", name = "Телефон судді", ownerUserId = judgeId, heartbeatSeconds = 86_400 }));
        using var phone = DeviceClient(created.GetProperty("secret").GetString()!);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");

        var first = await RaiseAsync(phone);
        Assert.Equal("AB-", (await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{first}/medical-profile"))).GetProperty("bloodType").GetString());

        // The judge moves to Lviv; the phone left behind at the Kyiv court no longer opens their profile there.
        using var admin = await Factory.ClientAsAsync("admin");
        await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{judgeId}/roles",
            new { assignments = new[] { new { role = Roles.Judge, scopeId = DemoData.LvivRegion } }, reason = "transfer" }));
        var second = await RaiseAsync(phone);
        await Problem.AssertAsync(await dispatcher.GetAsync($"/api/v1/alarms/{second}/medical-profile"), HttpStatusCode.NotFound);
        await Problem.AssertAsync(await dispatcher.GetAsync($"/api/v1/alarms/{first}/medical-profile"), HttpStatusCode.NotFound);

        var audit = await JsonAsync(await admin.GetAsync($"/api/v1/audit/entries?limit=100&resourceType=medical-profile&resourceId={judgeId}"));
        Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarms.medical-profile.viewed");
    }

    [Fact]
    public async Task Each_alarm_read_request_is_audited_once_not_once_per_alarm()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка аудиту", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var first = await RaiseAsync(device);
        await RaiseAsync(device);

        var (dispatcherId, dispatcher) = await Factory.CreateUserClientAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        Assert.True((await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).GetArrayLength() >= 2);
        Assert.True((await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/feed"))).GetArrayLength() >= 2);
        await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{first}"));

        using var admin = await Factory.ClientAsAsync("admin");
        var rows = (await JsonAsync(await admin.GetAsync($"/api/v1/audit/entries?limit=100&actorId={dispatcherId}"))).GetProperty("items").EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Category: e.GetProperty("category").GetString())).ToList();
        Assert.Single(rows, r => r.Action == "alarms.open.read");
        Assert.Single(rows, r => r.Action == "alarms.feed.read");
        Assert.Single(rows, r => r.Action == "alarms.alarm.read");
        Assert.All(rows.Where(r => r.Action!.StartsWith("alarms.", StringComparison.Ordinal)), r => Assert.Equal("read", r.Category, ignoreCase: true));
    }

    [Theory]
    [InlineData("bare-local", "instant-required")]
    [InlineData("-30d", "signal-too-old")]
    [InlineData("-9y", "signal-too-old")]
    [InlineData("+1h", "not-in-future")]
    [InlineData("+20y", "instant-out-of-range")]
    public async Task A_signal_time_without_its_offset_or_outside_a_sane_window_is_refused_naming_occurredAt(string when, string rule)
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка часу " + when, heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var now = Factory.Clock.GetUtcNow();
        var occurredAt = when switch
        {
            "bare-local" => now.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            "-30d" => now.AddDays(-30).ToString("O"),
            "-9y" => now.AddYears(-9).ToString("O"),
            "+1h" => now.AddHours(1).ToString("O"),
            _ => now.AddYears(20).ToString("O"),
        };
        var problem = await Problem.AssertAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals",
            new { kind = "panic", idempotencyKey = "time-" + when, occurredAt }), HttpStatusCode.BadRequest);
        Assert.Equal(rule, problem.GetProperty("rules").GetProperty("occurredAt")[0].GetString());

        // Within the window, with its offset, it is taken.
        await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals",
            new { kind = "panic", idempotencyKey = "time-ok-" + when, occurredAt = now.AddHours(-2).ToOffset(TimeSpan.FromHours(2)).ToString("O") }));
    }

    private static async Task<Guid> RaiseAsync(HttpClient device) =>
        (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = Guid.NewGuid().ToString("N") })))
        .GetProperty("alarmId").GetGuid();
}
