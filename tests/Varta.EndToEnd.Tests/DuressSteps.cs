using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>What the duress tests do over and over: hold the button, and look at (or close) the open duress alarms.</summary>
internal static class DuressSteps
{
    /// <summary>Press and hold for the two seconds the button asks.</summary>
    public static async Task HoldAsync(IPage page, ILocator button)
    {
        await button.HoverAsync();
        await page.Mouse.DownAsync();
        await Expect(button).ToHaveClassAsync(new Regex("holding"));
        await Expect(button).Not.ToHaveClassAsync(new Regex("holding"), new() { Timeout = 15_000 }); // the ring is full: sent
        await page.Mouse.UpAsync();
    }

    /// <summary>Closes every open duress alarm (what another test of the same host left open).</summary>
    public static async Task ResolveAllAsync(HttpClient dispatcher)
    {
        foreach (var alarm in await DuressAlarmsAsync(dispatcher))
        {
            (await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{alarm.GetProperty("id").GetGuid()}/resolve", new { outcome = "test", note = "Кінець перевірки" }))
                .EnsureSuccessStatusCode();
        }
    }

    /// <summary>The open duress alarms, as the monitoring centre sees them.</summary>
    public static async Task<List<JsonElement>> DuressAlarmsAsync(HttpClient dispatcher) =>
        (await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "duress").ToList();
}
