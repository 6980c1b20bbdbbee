using System.Net;
using System.Net.Http.Json;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>"No schedule: always armed" and "an empty schedule: never armed" are told apart by the arming API.</summary>
public sealed class ArmingModeTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    private static readonly string Url = $"/api/v1/alarms/sites/{DemoData.ShevchenkivskyiCourt}/arming";

    [Fact]
    public async Task No_schedule_is_mode_always_an_empty_one_is_mode_never_and_always_can_be_set_again()
    {
        using var admin = await Factory.ClientAsAsync("admin", "en");
        var none = await JsonAsync(await admin.GetAsync(Url));
        Assert.Equal("always", none.GetProperty("mode").GetString());
        Assert.True(none.GetProperty("armedNow").GetBoolean());

        var empty = await JsonAsync(await admin.PutAsJsonAsync(Url, new { windows = Array.Empty<object>(), holidays = Array.Empty<string>() }));
        Assert.Equal("never", empty.GetProperty("mode").GetString());
        Assert.False(empty.GetProperty("armedNow").GetBoolean());
        Assert.Equal("never", (await JsonAsync(await admin.GetAsync(Url))).GetProperty("mode").GetString());

        var scheduled = await JsonAsync(await admin.PutAsJsonAsync(Url, new { windows = new[] { new { day = 1, from = "18:00", to = "08:00" } }, mode = "schedule" }));
        Assert.Equal("schedule", scheduled.GetProperty("mode").GetString());

        var always = await JsonAsync(await admin.PutAsJsonAsync(Url, new { mode = "always" }));
        Assert.Equal("always", always.GetProperty("mode").GetString());
        Assert.True(always.GetProperty("armedNow").GetBoolean());
        var read = await JsonAsync(await admin.GetAsync(Url));
        Assert.Equal("always", read.GetProperty("mode").GetString());
        Assert.Equal(0, read.GetProperty("windows").GetArrayLength());
    }

    [Fact]
    public async Task A_mode_that_contradicts_the_windows_is_refused_in_the_users_language()
    {
        using var admin = await Factory.ClientAsAsync("admin", "en");
        var bad = await Problem.AssertAsync(await admin.PutAsJsonAsync(Url, new { windows = new[] { new { day = 1, from = "18:00", to = "08:00" } }, mode = "always" }), HttpStatusCode.BadRequest);
        Assert.Equal("arming-mode-windows", bad.GetProperty("rules").GetProperty("mode")[0].GetString());
        Assert.StartsWith("The mode does not match", bad.GetProperty("errors").GetProperty("mode")[0].GetString());
        bad = await Problem.AssertAsync(await admin.PutAsJsonAsync(Url, new { mode = "schedule" }), HttpStatusCode.BadRequest);
        Assert.Equal("arming-mode-windows", bad.GetProperty("rules").GetProperty("mode")[0].GetString());
        bad = await Problem.AssertAsync(await admin.PutAsJsonAsync(Url, new { mode = "sometimes" }), HttpStatusCode.BadRequest);
        Assert.Equal("one-of", bad.GetProperty("rules").GetProperty("mode")[0].GetString());

        using var uk = await Factory.ClientAsAsync("admin");
        bad = await Problem.AssertAsync(await uk.PutAsJsonAsync(Url, new { mode = "schedule" }), HttpStatusCode.BadRequest);
        Assert.StartsWith("Режим не відповідає", bad.GetProperty("errors").GetProperty("mode")[0].GetString());
    }
}
