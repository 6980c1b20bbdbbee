using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Oversight.Tests;

/// <summary>
/// Issue 13, video linkage (video surveillance in detention facilities): entries reference only cameras of the registry,
/// never sound from a lawyers' room; footage requests within the retention period, decided by the facility's head (not
/// by the one who asked), and every approved view audited.
/// </summary>
public sealed class FootageTests(VartaFactory factory) : IClassFixture<VartaFactory>
{
    private const string Api = "/api/v1/oversight/footage-requests";

    [Fact]
    public async Task Entries_reference_registered_cameras_only_and_never_sound_from_the_lawyers_room()
    {
        using var officer = await factory.ClientAsAsync("custody.officer");
        var booked = await OkAsync(await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(factory, "Відео" + Guid.NewGuid().ToString("N")[..4])));
        var record = booked.GetProperty("id").GetGuid();
        var now = factory.Clock.GetUtcNow();
        object Visit(object video) => new Dictionary<string, object?>
        {
            ["type"] = "note", ["occurredAt"] = At(now.AddMinutes(-3)), ["text"] = "Побачення із захисником", ["video"] = video,
        };

        var unknown = await Problem.AssertAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries",
            Visit(new { cameraId = "NO-SUCH-CAM" })), HttpStatusCode.BadRequest);
        Assert.Equal("custody.unknown-camera", unknown.GetProperty("rules").GetProperty("video.cameraId")[0].GetString());
        var audio = await Problem.AssertAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries",
            Visit(new { cameraId = "ITT1-CAM-30", from = At(now.AddMinutes(-5)), to = At(now.AddMinutes(-4)), audio = true })), HttpStatusCode.BadRequest);
        Assert.Equal("custody.no-audio-in-consultation-room", audio.GetProperty("rules").GetProperty("video.audio")[0].GetString());
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/custody/records/{record}/entries",
            Visit(new { cameraId = "ITT1-CAM-30", from = At(now.AddMinutes(-5)), to = At(now.AddMinutes(-4)) })));
        var timeline = (await OkAsync(await officer.GetAsync($"/api/v1/custody/records/{record}"))).GetProperty("timeline");
        Assert.Equal(2, timeline.GetArrayLength()); // booking and the one accepted note: the refused ones stored nothing

        // The registry: a lawyers' room camera with sound is refused when registered, too.
        using var admin = await factory.ClientAsAsync("admin");
        var refused = await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/v1/custody/facilities/{DemoData.DetentionFacility1}/cameras",
            new { code = "ITT1-CAM-31", room = "Друга кімната захисника", roomType = "lawyer-consultation", hasAudio = true }), HttpStatusCode.BadRequest);
        Assert.Equal("custody.no-audio-in-consultation-room", refused.GetProperty("rules").GetProperty("hasAudio")[0].GetString());
        var cameras = await OkAsync(await officer.GetAsync($"/api/v1/custody/facilities/{DemoData.DetentionFacility1}/cameras"));
        Assert.DoesNotContain(cameras.EnumerateArray(), c => c.GetProperty("code").GetString() == "ITT1-CAM-31");
        Assert.Contains(cameras.EnumerateArray(), c => c.GetProperty("code").GetString() == "ITT1-CAM-30" && c.GetProperty("roomType").GetString() == "lawyer-consultation");
    }

    [Fact]
    public async Task A_footage_request_is_decided_by_the_facility_head_within_retention_and_each_view_is_audited()
    {
        var now = factory.Clock.GetUtcNow();
        using var inspector = await factory.ClientAsAsync("rights.inspector");
        object Body(DateTimeOffset from, DateTimeOffset to, string camera = "ITT1-CAM-03") => new
        {
            facilityId = DemoData.DetentionFacility1, cameraCode = camera, from = At(from), to = At(to), reason = "Перевірка скарги на поводження",
        };

        var old = await Problem.AssertAsync(await inspector.PostAsJsonAsync(Api, Body(now.AddDays(-31), now.AddDays(-31).AddHours(1))), HttpStatusCode.BadRequest);
        Assert.Equal("oversight.footage-past-retention", old.GetProperty("rules").GetProperty("from")[0].GetString());
        var noCamera = await Problem.AssertAsync(await inspector.PostAsJsonAsync(Api, Body(now.AddHours(-2), now.AddHours(-1), "NOPE")), HttpStatusCode.BadRequest);
        Assert.Equal("custody.unknown-camera", noCamera.GetProperty("rules").GetProperty("cameraCode")[0].GetString());
        var (_, lvivInspector) = await factory.CreateUserClientAsync("rights-inspector", DemoData.LvivRegion);
        using (lvivInspector)
        {
            await Problem.AssertAsync(await lvivInspector.PostAsJsonAsync(Api, Body(now.AddHours(-2), now.AddHours(-1))), HttpStatusCode.NotFound);
        }

        var request = await OkAsync(await inspector.PostAsJsonAsync(Api, Body(now.AddHours(-2), now.AddHours(-1))));
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("Камера №3", request.GetProperty("room").GetString());
        await Problem.AssertAsync(await inspector.PostAsync($"{Api}/{id}/views", null), HttpStatusCode.Conflict); // not approved yet
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync($"{Api}/{id}/decision", new { decision = "approve" })).StatusCode);

        var (_, head) = await factory.CreateUserClientAsync("unit-head", DemoData.DetentionFacility1);
        using (head)
        {
            await Problem.AssertAsync(await head.PostAsJsonAsync($"{Api}/{id}/decision", new { decision = "maybe" }), HttpStatusCode.BadRequest);
            var approved = await OkAsync(await head.PostAsJsonAsync($"{Api}/{id}/decision", new { decision = "approve", note = "Погоджено" }));
            Assert.Equal("approved", approved.GetProperty("status").GetString());
            await Problem.AssertAsync(await head.PostAsJsonAsync($"{Api}/{id}/decision", new { decision = "refuse", note = "Ні" }), HttpStatusCode.Conflict);
        }

        Assert.Equal(1, (await OkAsync(await inspector.PostAsync($"{Api}/{id}/views", null))).GetProperty("views").GetInt32());
        Assert.Equal(2, (await OkAsync(await inspector.PostAsync($"{Api}/{id}/views", null))).GetProperty("views").GetInt32());
        using var admin = await factory.ClientAsAsync("admin");
        var audit = await OkAsync(await admin.GetAsync($"/api/v1/audit/entries?resourceType=footage-request&resourceId={id}&limit=100"));
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(2, actions.Count(a => a == "oversight.footage.viewed"));
        Assert.Contains("oversight.footage.approved", actions);
        Assert.Contains("oversight.footage.requested", actions);
    }

    private static string At(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
