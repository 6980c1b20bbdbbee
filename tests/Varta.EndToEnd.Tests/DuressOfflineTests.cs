using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The phone button never loses a press: a press made without a network says so in large type, with 102 to tap, and
/// is sent (once, with the moment it was made) when the network returns, even from a page that was closed meanwhile.
/// A second press while the alarm is open is added to it, and the person is told when it is closed.
/// </summary>
public sealed class DuressOfflineTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_press_without_network_is_shown_unsent_then_stored_once_with_its_press_time_even_after_the_page_is_closed()
    {
        var judge = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(judge, "judge");
        using var dispatcher = await site.Factory.ClientAsAsync("dispatcher");
        await DuressSteps.ResolveAllAsync(dispatcher); // whatever the other test of this host left open
        await Circuit.GotoAsync(judge, "/alarms/duress");
        var button = judge.GetByTestId("duress-button");
        await Expect(button).ToHaveAttributeAsync("data-ready", "true");
        await judge.GetByLabel("Надіслати моє місцезнаходження").UncheckAsync();

        // The phone's clock agrees with the server's (a test clock): the press is made at this moment.
        var pressedAt = site.Factory.Clock.GetUtcNow();
        await judge.Clock.SetFixedTimeAsync(pressedAt.UtcDateTime);
        await judge.Context.SetOfflineAsync(true);
        await DuressSteps.HoldAsync(judge, button);

        var delivery = judge.GetByTestId("duress-delivery");
        await Expect(delivery).ToContainTextAsync("НЕ НАДІСЛАНО — телефонуйте 102");
        await Expect(delivery.Locator("a[href='tel:102']")).ToBeVisibleAsync();
        await Settled.ScreenshotAsync(judge, "duress-unsent-360.png");
        Assert.Empty(await DuressSteps.DuressAlarmsAsync(dispatcher));

        // A minute and a half later the network is back: the press goes out by itself.
        site.Factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var back = Stopwatch.StartNew();
        await judge.Context.SetOfflineAsync(false);
        await Expect(delivery).ToContainTextAsync("Тривогу отримано");
        output.WriteLine($"offline press stored and shown as sent {back.ElapsedMilliseconds} ms after the network returned");
        var alarms = await DuressSteps.DuressAlarmsAsync(dispatcher);
        var alarm = Assert.Single(alarms);
        Assert.Equal(pressedAt.ToUnixTimeSeconds(), alarm.GetProperty("raisedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.True(alarm.GetProperty("receivedAt").GetDateTimeOffset() - alarm.GetProperty("raisedAt").GetDateTimeOffset() >= TimeSpan.FromSeconds(89));
        await Expect(judge.GetByTestId("duress-status")).ToContainTextAsync("Тривога відкрита");
        await Settled.ScreenshotAsync(judge, "duress-sent-360.png");

        // Pressed again while it is open: the same alarm, marked, not a second one.
        await DuressSteps.HoldAsync(judge, button);
        await Expect(delivery).ToContainTextAsync("Натискання додано до вашої відкритої тривоги.");
        var id = alarm.GetProperty("id").GetGuid();
        Assert.Equal(id, Assert.Single(await DuressSteps.DuressAlarmsAsync(dispatcher)).GetProperty("id").GetGuid());
        var feed = await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/alarms/feed?after=0");
        Assert.Single(feed.EnumerateArray(), e => e.GetProperty("kind").GetString() == "pressed-again" && e.GetProperty("alarmId").GetGuid() == id);

        // Closed by the monitoring centre: the person is told, in so many words.
        (await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{id}/resolve", new { outcome = "test", note = "Перевірка" })).EnsureSuccessStatusCode();
        await Expect(judge.GetByTestId("duress-status")).ToHaveTextAsync("Тривогу закрито.");

        // Offline again, a press, and the page closed before the network returns: the next time the button is opened
        // (or the phone's background sync runs first), it goes, once.
        await judge.Context.SetOfflineAsync(true);
        await DuressSteps.HoldAsync(judge, button);
        await Expect(delivery).ToContainTextAsync("НЕ НАДІСЛАНО");
        var context = judge.Context;
        await judge.CloseAsync();
        await context.SetOfflineAsync(false);
        var reopened = await context.NewPageAsync();
        await Circuit.GotoAsync(reopened, "/alarms/duress");
        await Expect(reopened.GetByTestId("duress-status")).ToContainTextAsync("Тривога відкрита");
        var open = Assert.Single(await DuressSteps.DuressAlarmsAsync(dispatcher));
        Assert.NotEqual(id, open.GetProperty("id").GetGuid());
        await context.CloseAsync();
        await DuressSteps.ResolveAllAsync(dispatcher);
    }

    [Fact]
    public async Task When_the_pages_connection_drops_a_strip_in_its_language_stays_below_the_button_and_a_press_still_goes()
    {
        var judge = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(judge, "judge");
        using var dispatcher = await site.Factory.ClientAsAsync("dispatcher");
        await DuressSteps.ResolveAllAsync(dispatcher);
        IWebSocketRoute? live = null;
        var cut = false;
        await judge.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (cut)
            {
                _ = ws.CloseAsync(); // while the connection is "down", every attempt to rejoin fails
                return;
            }

            ws.ConnectToServer();
            live = ws;
        });
        // Nor may it fall back to the other transports (server-sent events, long polling) while "down".
        await judge.RouteAsync(new Regex("/_blazor"), route => cut ? route.AbortAsync() : route.ContinueAsync());
        await Circuit.GotoAsync(judge, "/alarms/duress");
        var button = judge.GetByTestId("duress-button");
        await Expect(button).ToHaveAttributeAsync("data-ready", "true");
        await judge.GetByLabel("Надіслати моє місцезнаходження").UncheckAsync();

        cut = true;
        await live!.CloseAsync();
        var strip = judge.GetByTestId("reconnect");
        await Expect(strip).ToBeVisibleAsync();
        await Expect(strip).ToContainTextAsync(new Regex("Зв'язок зі сторінкою втрачено|Не вдалося відновити зв'язок"));
        await Expect(strip).Not.ToContainTextAsync("Rejoin");
        // Measured in one go while it shows (between attempts to rejoin it may hide for a moment).
        var edges = await (await judge.WaitForFunctionAsync(Edges)).JsonValueAsync<double[]>();
        Assert.True(edges[0] >= edges[1], $"The reconnect strip (top {edges[0]}) covers the SOS button (bottom {edges[1]}).");
        await Settled.ScreenshotAsync(judge, "duress-reconnecting-360.png");

        // The press does not need the page's connection.
        await DuressSteps.HoldAsync(judge, button);
        await Expect(judge.GetByTestId("duress-delivery")).ToContainTextAsync("Тривогу отримано");
        Assert.NotEmpty(await DuressSteps.DuressAlarmsAsync(dispatcher));
        await judge.Context.CloseAsync();
        await DuressSteps.ResolveAllAsync(dispatcher);
    }

    [Fact]
    public async Task A_press_is_taken_only_from_a_person_with_a_duress_button_and_only_from_the_page()
    {
        var press = new { idempotencyKey = "edge-1", pressedAt = site.Factory.Clock.GetUtcNow().ToString("O") };
        using var console = await site.Factory.ClientAsAsync("dispatcher");
        var before = (await DuressSteps.DuressAlarmsAsync(console)).Count;

        // A dispatcher's cookie is not a duress button's.
        var dispatcher = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(dispatcher, "dispatcher");
        var refused = await dispatcher.APIRequest.PostAsync("/alarms/duress/press", new()
        {
            DataObject = press,
            Headers = new Dictionary<string, string> { ["X-Varta-Press"] = "1" },
            MaxRedirects = 0,
        });
        Assert.True(refused.Status is 302 or 403, $"a dispatcher's press answered {refused.Status}");
        Assert.True(refused.Status == 403 || refused.Headers["location"].Contains("/account/denied", StringComparison.Ordinal));
        await dispatcher.Context.CloseAsync();

        // Without the page's header (a form on another site could send the cookie at most, never the header).
        var judge = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(judge, "judge");
        var forged = await judge.APIRequest.PostAsync("/alarms/duress/press", new() { DataObject = press, MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        Assert.Contains("сторінки тривожної кнопки", await forged.TextAsync());

        // Nobody signed in: sent to sign in, nothing stored.
        var anonymous = await site.Browser.NewContextAsync(new() { BaseURL = site.Factory.BaseAddress.ToString() });
        var stranger = await anonymous.APIRequest.PostAsync("/alarms/duress/press", new()
        {
            DataObject = press,
            Headers = new Dictionary<string, string> { ["X-Varta-Press"] = "1" },
            MaxRedirects = 0,
        });
        Assert.True(stranger.Status is 302 or 401, $"an anonymous press answered {stranger.Status}");
        await anonymous.CloseAsync();

        Assert.Equal(before, (await DuressSteps.DuressAlarmsAsync(console)).Count);
        await judge.Context.CloseAsync();
    }

    [Fact]
    public async Task The_medical_profile_says_beside_the_consent_box_that_consent_is_needed_in_plain_words()
    {
        var judge = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(judge, "judge");
        await Circuit.GotoAsync(judge, "/alarms/medical");
        await judge.GetByLabel("Алергії").FillAsync("пилок");
        await judge.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();

        var consent = judge.GetByLabel("Я погоджуюся");
        await Expect(consent).ToHaveAttributeAsync("aria-invalid", "true");
        var error = judge.Locator("#" + await consent.GetAttributeAsync("aria-describedby"));
        await Expect(error).ToHaveTextAsync("Потрібна ваша згода.");
        await Expect(judge.Locator("main")).Not.ToContainTextAsync("consent:");
        await Expect(judge.GetByLabel("Алергії")).ToHaveValueAsync("пилок"); // what was typed stays
        await Settled.ScreenshotAsync(judge, "alarm-medical-consent-360.png");
        await judge.Context.CloseAsync();
    }

    /// <summary>The reconnect strip's top and the SOS button's bottom, once the strip shows.</summary>
    private const string Edges = """
        () => {
            const strip = document.getElementById('components-reconnect-modal');
            if (getComputedStyle(strip).display === 'none') return null;
            return [strip.getBoundingClientRect().top, document.querySelector('[data-testid=duress-button]').getBoundingClientRect().bottom];
        }
        """;
}
