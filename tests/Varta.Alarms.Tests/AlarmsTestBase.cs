using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Varta.Platform.Demo;
using Varta.Testing;

namespace Varta.Alarms.Tests;

/// <summary>Creates devices through the admin API and sends signals with their credentials.</summary>
public abstract class AlarmsTestBase(VartaFactory factory)
{
    protected VartaFactory Factory { get; } = factory;

    protected async Task<(Guid Id, string Secret)> CreateDeviceAsync(string name, string kind = "fixed-button", int? heartbeatSeconds = null, Guid? site = null)
    {
        using var admin = await Factory.ClientAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/alarms/devices",
            new { siteId = site ?? DemoData.ShevchenkivskyiCourt, kind, name, heartbeatSeconds });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("device").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    protected HttpClient DeviceClient(string secret)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
