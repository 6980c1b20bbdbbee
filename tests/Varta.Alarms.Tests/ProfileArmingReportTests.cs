using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Alarms.Arming;
using Varta.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;
using Varta.Testing;

namespace Varta.Alarms.Tests;

public sealed class ProfileArmingReportTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_medical_profile_is_shown_only_while_the_persons_alarm_is_open_and_each_view_is_audited()
    {
        using var judge = await Factory.ClientAsAsync("judge");
        var noConsent = await Problem.AssertAsync(await judge.PutAsJsonAsync("/api/v1/alarms/medical-profile/me", new { bloodType = "A+" }), HttpStatusCode.BadRequest);
        Assert.Equal("consent-required", noConsent.GetProperty("rules").GetProperty("consent")[0].GetString());
        await JsonAsync(await judge.PutAsJsonAsync("/api/v1/alarms/medical-profile/me",
            new { bloodType = "A+", allergies = "пеніцилін", emergencyContactName = "Вигадана Особа", emergencyContactPhone = "+380000000000", consent = true }));

        var alarmId = await RaiseAsJudgeAsync();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        var profile = await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}/medical-profile"));
        Assert.Equal("A+", profile.GetProperty("bloodType").GetString());
        Assert.Equal("пеніцилін", profile.GetProperty("allergies").GetString());

        using var admin = await Factory.ClientAsAsync("admin");
        var audit = await JsonAsync(await admin.GetAsync("/api/v1/audit/entries?limit=100&resourceType=medical-profile"));
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "alarms.medical-profile.viewed"
            && e.GetProperty("actorName").GetString() == "dispatcher");

        await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarmId}/resolve", new { outcome = "real" }));
        await Problem.AssertAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}/medical-profile"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdrawing_consent_erases_the_profile_and_responders_see_nothing()
    {
        using var judge = await Factory.ClientAsAsync("judge");
        await JsonAsync(await judge.PutAsJsonAsync("/api/v1/alarms/medical-profile/me", new { bloodType = "O-", conditions = "астма", consent = true }));
        Assert.Equal(HttpStatusCode.NoContent, (await judge.PostAsync("/api/v1/alarms/medical-profile/me/withdraw", null)).StatusCode);
        var mine = await JsonAsync(await judge.GetAsync("/api/v1/alarms/medical-profile/me"));
        Assert.False(mine.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("conditions").ValueKind);

        var alarmId = await RaiseAsJudgeAsync();
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        await Problem.AssertAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}/medical-profile"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_console_offers_the_medical_profile_only_for_an_alarm_raised_by_someone_who_has_consented_to_one()
    {
        using var judge = await Factory.ClientAsAsync("judge");
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        Assert.Equal(HttpStatusCode.NoContent, (await judge.PostAsync("/api/v1/alarms/medical-profile/me/withdraw", null)).StatusCode);
        var alarmId = await RaiseAsJudgeAsync();
        Assert.False((await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"))).GetProperty("hasMedicalProfile").GetBoolean());

        await JsonAsync(await judge.PutAsJsonAsync("/api/v1/alarms/medical-profile/me", new { bloodType = "B+", consent = true }));
        Assert.True((await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{alarmId}"))).GetProperty("hasMedicalProfile").GetBoolean());
        Assert.Contains((await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/open"))).EnumerateArray(),
            a => a.GetProperty("id").GetGuid() == alarmId && a.GetProperty("hasMedicalProfile").GetBoolean());

        // A button nobody carries raises alarms without a person behind them.
        var (_, secret) = await CreateDeviceAsync("Кнопка без профілю", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var button = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "no-profile" }))).GetProperty("alarmId").GetGuid();
        Assert.False((await JsonAsync(await dispatcher.GetAsync($"/api/v1/alarms/{button}"))).GetProperty("hasMedicalProfile").GetBoolean());
    }

    [Fact]
    public void A_building_is_armed_in_its_windows_overnight_and_on_holidays_in_Kyiv_time()
    {
        ArmingWindow[] windows = [new(1, "18:00", "08:00"), new(6, "00:00", "23:59")]; // Monday night, Saturday
        string[] holidays = ["2026-12-25"];
        // 2026-11-30 is a Monday. Kyiv is UTC+2 in winter.
        Assert.False(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 11, 30, 17, 59)));
        Assert.True(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 11, 30, 18, 0)));
        Assert.True(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 12, 1, 7, 59)));
        Assert.False(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 12, 1, 8, 0)));
        Assert.True(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 12, 5, 12, 0)));
        Assert.True(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 12, 25, 12, 0)));
        Assert.False(ArmingRules.IsArmed(windows, holidays, Kyiv(2026, 12, 24, 12, 0)));
    }

    [Fact]
    public async Task Intrusion_while_disarmed_is_logged_but_raises_no_alarm_and_while_armed_it_does()
    {
        using var admin = await Factory.ClientAsAsync("admin");
        // Armed only on a day that is neither today nor yesterday (Kyiv time), so now is disarmed.
        var today = Platform.Localization.KyivTime.ToKyiv(Factory.Clock.GetUtcNow());
        var otherDay = ((int)today.DayOfWeek + 3) % 7;
        await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/arming",
            new { windows = new[] { new { day = otherDay, from = "00:00", to = "23:59" } }, holidays = Array.Empty<string>() }));
        var bad = await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/arming",
            new { windows = new[] { new { day = 9, from = "25:00", to = "08:00" } } }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("windows[0].day", out _));

        var (_, secret) = await CreateDeviceAsync("Датчик тест", "fixed-button", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        var disarmed = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "intrusion", idempotencyKey = "i1" }));
        Assert.Equal(JsonValueKind.Null, disarmed.GetProperty("alarmId").ValueKind);

        await JsonAsync(await admin.PutAsJsonAsync($"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/arming",
            new { windows = Array.Empty<object>(), holidays = new[] { today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } }));
        var armed = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "intrusion", idempotencyKey = "i2" }));
        Assert.Equal(JsonValueKind.String, armed.GetProperty("alarmId").ValueKind);
    }

    [Fact]
    public async Task Buttons_not_tested_in_24_hours_are_listed_and_a_test_clears_them_without_calling_anyone()
    {
        var (id, secret) = await CreateDeviceAsync("Кнопка щоденний тест", heartbeatSeconds: 86_400);
        using var security = await Factory.ClientAsAsync("security.officer");
        Assert.Contains((await JsonAsync(await security.GetAsync("/api/v1/alarms/tests/untested"))).EnumerateArray(), d => d.GetProperty("deviceId").GetGuid() == id);

        using var device = DeviceClient(secret);
        var test = await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "test", idempotencyKey = "daily-1" }));
        Assert.DoesNotContain((await JsonAsync(await security.GetAsync("/api/v1/alarms/tests/untested"))).EnumerateArray(), d => d.GetProperty("deviceId").GetGuid() == id);
        Assert.DoesNotContain((await JsonAsync(await security.GetAsync("/api/v1/alarms/open"))).EnumerateArray(), a => a.GetProperty("id").GetGuid() == test.GetProperty("alarmId").GetGuid());

        // A day later the test is stale again (moved in the database: a 25-hour clock jump would replay every one-second watch tick).
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Platform.Persistence.VartaDbContext>();
            var d = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Data.Device>(), x => x.Id == id);
            d.LastTestAt = Factory.Clock.GetUtcNow().UtcDateTime.AddHours(-25);
            return await db.SaveChangesAsync();
        });
        Assert.Contains((await JsonAsync(await security.GetAsync("/api/v1/alarms/tests/untested"))).EnumerateArray(), d => d.GetProperty("deviceId").GetGuid() == id);
    }

    [Fact]
    public async Task Statistics_give_times_to_acknowledge_and_the_false_alarm_rate()
    {
        var (_, secret) = await CreateDeviceAsync("Кнопка статистика", heartbeatSeconds: 86_400);
        using var device = DeviceClient(secret);
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        for (var i = 0; i < 4; i++)
        {
            var id = (await JsonAsync(await device.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = $"s{i}" }))).GetProperty("alarmId").GetGuid();
            Factory.Clock.Advance(TimeSpan.FromSeconds(10 * (i + 1)));
            await JsonAsync(await dispatcher.PostAsync($"/api/v1/alarms/{id}/acknowledge", null));
            await JsonAsync(await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{id}/resolve", new { outcome = i == 0 ? "real" : "false" }));
        }

        var stats = (await JsonAsync(await dispatcher.GetAsync("/api/v1/alarms/stats?days=1"))).EnumerateArray().Single(s => s.GetProperty("siteId").GetGuid() == DemoData.ShevchenkivskyiCourt);
        var device4 = stats.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Кнопка статистика");
        Assert.Equal(4, device4.GetProperty("alarms").GetInt32());
        Assert.Equal(0.75, device4.GetProperty("falseRate").GetDouble(), 3);
        Assert.True(stats.GetProperty("toAcknowledge").GetProperty("medianSeconds").GetDouble() >= 10);
    }

    private async Task<Guid> RaiseAsJudgeAsync()
    {
        var principal = await Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Platform.Identity.VartaUser>>();
            var user = (await users.FindByNameAsync("judge"))!;
            return await sp.GetRequiredService<Platform.Identity.SignInService>().CreatePrincipalAsync(user, "test", "pwd");
        });
        var deviceId = await Factory.WithScopeAsync(sp => sp.GetRequiredService<Duress.PhoneDevices>().EnsureAsync(principal, CancellationToken.None));
        var accepted = await Factory.WithScopeAsync(sp => sp.GetRequiredService<SendSignal.SignalHandler>()
            .HandleAsync(deviceId!.Value, new SendSignal.SignalRequest("duress", null, null, false, Guid.NewGuid().ToString("N"), null), CancellationToken.None));
        return accepted.Value!.AlarmId!.Value;
    }

    private static DateTimeOffset Kyiv(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(2));
}
