using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>A host with the shipped allowance of failed device authentications per address.</summary>
public sealed class DeviceFloodFactory : VartaFactory
{
    public DeviceFloodFactory() => Settings["Alarms:FailedAuthPerMinutePerAddress"] = "30";
}

/// <summary>
/// A client flooding the signal endpoint with made-up device secrets: past its allowance it is answered 429 with
/// Retry-After and costs no look-up, and the audit log gets one row for the first refusal and one with the count of
/// the rest of the minute — not a row per attempt.
/// </summary>
public sealed class DeviceAuthFloodTests(DeviceFloodFactory factory) : IClassFixture<DeviceFloodFactory>
{
    private const string Source = "198.51.100.60";

    [Fact]
    public async Task A_flood_of_made_up_device_secrets_is_throttled_and_audited_as_two_rows_a_minute()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 40; i++)
        {
            last = await SignalAsync($"made-up-device-secret-{i:D4}-0123456789abcdef");
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        await Problem.AssertAsync(last!, HttpStatusCode.TooManyRequests);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Single(await RowsAsync());

        // The next minute: the rest of the last one is one row with its count, and the allowance is back.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignalAsync("made-up-device-secret-next-0123456789abcdef")).StatusCode);
        var rows = await RowsAsync();
        Assert.Equal(3, rows.Count);
        var summary = Assert.Single(rows, r => r.GetProperty("reason").GetString() == "repeated");
        Assert.Equal(39, JsonDocument.Parse(summary.GetProperty("details").GetString()!).RootElement.GetProperty("more").GetInt32());
    }

    private async Task<HttpResponseMessage> SignalAsync(string secret)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alarms/signals") { Content = JsonContent.Create(new { kind = "duress", idempotencyKey = "x" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.Add("X-Forwarded-For", Source);
        return await client.SendAsync(request);
    }

    private async Task<List<JsonElement>> RowsAsync()
    {
        using var admin = await factory.ClientAsAsync("admin");
        var page = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit/entries?actorId=anonymous-device&limit=500")).RootElement;
        return page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("actorName").GetString() == Source).ToList();
    }
}
