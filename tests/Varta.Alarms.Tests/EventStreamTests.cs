using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>
/// <c>GET /api/v1/alarms/stream</c>: the console feed as server-sent events. A stream gets what the hub pushes for its
/// buildings and nothing of others', resumes after the last event it saw without gaps or repeats, and ends the moment
/// its user's access does.
/// </summary>
public sealed class EventStreamTests(VartaFactory factory) : AlarmsTestBase(factory), IClassFixture<VartaFactory>
{
    [Fact]
    public async Task A_stream_gets_the_same_events_as_a_hub_console_of_its_building_and_a_stream_elsewhere_gets_none()
    {
        using var kyivClient = await Factory.ClientAsAsync("dispatcher");
        await using var kyiv = await TestStream.OpenAsync(kyivClient);
        var (_, lvivClient) = await Factory.CreateUserClientAsync(Roles.Dispatcher, DemoData.LvivRegion);
        await using var lviv = await TestStream.OpenAsync(lvivClient);
        await using var hub = await TestConsole.ConnectAsync(Factory);

        var ready = JsonDocument.Parse(kyiv.Events.First(e => e.Type == "ready").Data).RootElement;
        Assert.Contains(DemoData.ShevchenkivskyiCourt, ready.GetProperty("sites").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Empty(JsonDocument.Parse(lviv.Events.First(e => e.Type == "ready").Data).RootElement.GetProperty("sites").EnumerateArray());

        using var button = DeviceClient((await CreateDeviceAsync("Кнопка потоку", heartbeatSeconds: 86_400)).Secret);
        var answers = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = $"stream-{i}" })));
        }

        var ids = answers.Select(a => a.GetProperty("alarmId").GetGuid()).ToHashSet();
        await kyiv.WaitForAsync(e => ids.All(id => TestStream.AlarmsOf(e).Any(a => a.Event.AlarmId == id && a.Event.Kind == "raised")));
        var pushed = await hub.WaitForAsync(r => ids.All(id => r.Any(p => p.Event.AlarmId == id && p.Event.Kind == "raised")));

        var streamed = kyiv.Alarms.Select(a => a.Event).Where(e => e.AlarmId is { } id && ids.Contains(id)).ToList();
        var fromHub = pushed.Select(p => p.Event).Where(e => e.AlarmId is { } id && ids.Contains(id)).ToList();
        Assert.Equal(fromHub.Select(e => (e.Seq, e.Kind, e.AlarmId)), streamed.Select(e => (e.Seq, e.Kind, e.AlarmId)));
        Assert.All(streamed, e => Assert.Equal(DemoData.ShevchenkivskyiCourt, e.Alarm!.SiteId));
        // Each frame's id is its last event's Seq: what the client sends back to resume.
        var frames = kyiv.Events.Where(e => e.Type == "alarms").ToList();
        Assert.All(frames, f => Assert.Equal(TestStream.AlarmsOf([f])[^1].Event.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Id));

        // The Lviv stream was written to in the same passes if at all; a keep-alive written after them proves it got none.
        await WaitForKeepAliveAsync(lviv);
        Assert.Empty(lviv.Alarms);
    }

    [Fact]
    public async Task A_stream_resumed_with_Last_Event_ID_gets_every_event_it_missed_once_and_in_order_then_the_live_ones()
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher");
        using var button = DeviceClient((await CreateDeviceAsync("Кнопка відновлення", heartbeatSeconds: 86_400)).Secret);

        string lastSeen;
        Guid first;
        await using (var stream = await TestStream.OpenAsync(dispatcher))
        {
            first = (await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "resume-1" }))).GetProperty("alarmId").GetGuid();
            var seen = await stream.WaitForAsync(e => TestStream.AlarmsOf(e).Any(a => a.Event.AlarmId == first));
            lastSeen = seen.Last(e => e.Type == "alarms").Id!;
        }

        // While the console is away: the first alarm is acknowledged and a second one is raised.
        await JsonAsync(await dispatcher.PostAsync($"/api/v1/alarms/{first}/acknowledge", null));
        var second = (await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "resume-2" }))).GetProperty("alarmId").GetGuid();

        await using var resumed = await TestStream.OpenAsync(dispatcher, lastSeen);
        Assert.Equal(lastSeen, resumed.Events.First(e => e.Type == "ready").Id);
        await resumed.WaitForAsync(e => TestStream.AlarmsOf(e).Any(a => a.Event.AlarmId == second));
        var third = (await JsonAsync(await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "resume-3" }))).GetProperty("alarmId").GetGuid();
        await resumed.WaitForAsync(e => TestStream.AlarmsOf(e).Any(a => a.Event.AlarmId == third));

        var events = resumed.Alarms.Select(a => a.Event).ToList();
        Assert.All(events, e => Assert.True(e.Seq > long.Parse(lastSeen, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(events.Select(e => e.Seq).Distinct().Count(), events.Count);
        Assert.Equal(events.Select(e => e.Seq).Order(), events.Select(e => e.Seq));
        Assert.Contains(events, e => e.AlarmId == first && e.Kind == "acknowledged");
        Assert.Contains(events, e => e.AlarmId == second && e.Kind == "raised");
        Assert.DoesNotContain(events, e => e.AlarmId == first && e.Kind == "raised");
    }

    [Fact]
    public async Task A_deactivated_dispatchers_stream_is_told_and_ends_at_once()
    {
        var (id, client) = await Factory.CreateUserClientAsync(Roles.Dispatcher, DemoData.KyivCourtSecurity);
        await using var stream = await TestStream.OpenAsync(client);
        Assert.False(stream.Ended.IsCompleted);

        using var admin = await Factory.ClientAsAsync("admin");
        (await admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).EnsureSuccessStatusCode();

        await stream.Ended.WaitAsync(TimeSpan.FromSeconds(10)); // no clock moved: the change itself ends it
        Assert.Equal("revoked", stream.Events[^1].Type);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public async Task A_resume_point_that_is_not_a_sequence_number_is_refused_in_the_callers_language(string lastEventId)
    {
        using var dispatcher = await Factory.ClientAsAsync("dispatcher", "en");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/alarms/stream");
        request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await dispatcher.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("whole number", problem.GetProperty("errors").GetProperty("Last-Event-ID")[0].GetString());
    }

    private async Task WaitForKeepAliveAsync(TestStream stream)
    {
        // The stream's keep-alive delay is on the test clock; it is set once the stream is live, so advance until it fires.
        for (var i = 0; i < 100 && !stream.Events.Any(e => e.Type == ":"); i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(15));
            try
            {
                await stream.WaitForAsync(e => e.Any(x => x.Type == ":")).WaitAsync(TimeSpan.FromMilliseconds(100));
            }
            catch (TimeoutException)
            {
                // Not yet: the delay was set after this advance.
            }
        }

        Assert.Contains(stream.Events, e => e.Type == ":");
    }
}
