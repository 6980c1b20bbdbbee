using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The console keeps calling until someone answers: an unacknowledged alarm sounds again and again (duress its own
/// high-low pattern), the tab title flashes, and all of it stops at the acknowledgement. A console whose browser holds
/// the sound back says so at once, with a button that lets it sound.
/// </summary>
public sealed class ConsoleSoundTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    // Counts every tone the page plays, with its pitch, so the test can hear what a dispatcher would.
    private const string Ear = """
        (() => {
            window.__tones = [];
            const start = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...args) { window.__tones.push(this.frequency.value); return start.apply(this, args); };
        })();
        """;

    // A browser whose autoplay policy holds sound back until the page is clicked, as most do for a page just opened.
    private const string Autoplay = """
        (() => {
            const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state');
            Object.defineProperty(BaseAudioContext.prototype, 'state', { get() { return this.__clicked ? state.get.call(this) : 'suspended'; } });
            const resume = AudioContext.prototype.resume;
            AudioContext.prototype.resume = function () { this.__clicked = navigator.userActivation?.hasBeenActive === true; return resume.call(this); };
        })();
        """;

    [Fact]
    public async Task A_console_whose_browser_holds_sound_back_says_so_at_once_and_one_click_arms_it()
    {
        var console = await Circuit.NewPageAsync(site);
        await console.Context.AddInitScriptAsync(Autoplay);
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");

        var blocked = console.GetByTestId("sound-blocked");
        await Expect(blocked).ToContainTextAsync("Браузер заблокував звук: пульт НЕ подає звукових сигналів.");
        await Settled.ScreenshotAsync(console, "alarm-console-sound-blocked.png");
        await console.GetByTestId("enable-sound").ClickAsync();
        await Expect(blocked).ToHaveCountAsync(0);
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task An_English_console_shows_a_pushed_alarm_in_English_zone_name_included()
    {
        // On a phone's width: the card, its since-when line and the responder form fit without sideways scrolling.
        var console = await Circuit.NewPageAsync(site, width: 360, height: 780, locale: "en-US");
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.Locator("h1")).ToHaveTextAsync("Alarm console");

        using var admin = await site.Factory.ClientAsAsync("admin");
        var zone = await admin.PostAsJsonAsync("/api/v1/alarms/zones", new { siteId = DemoData.ShevchenkivskyiCourt, name = "Зал судових засідань 7", nameEn = "Courtroom 7", floor = 2, kind = "courtroom" });
        zone.EnsureSuccessStatusCode();
        var zoneId = (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/v1/alarms/devices", new { siteId = DemoData.ShevchenkivskyiCourt, zoneId, kind = "fixed-button", name = "Bench button 7" });
        created.EnsureSuccessStatusCode();
        using var button = site.Factory.CreateClient();
        button.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString());
        (await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "panic", idempotencyKey = "english-1" })).EnsureSuccessStatusCode();

        // Pushed on the host's own thread, shown in this console's language.
        var alarm = console.GetByTestId("alarms").Locator("li.alarm", new() { HasText = "Bench button 7" });
        await Expect(alarm).ToContainTextAsync("Panic");
        await Expect(alarm).ToContainTextAsync("new");
        await Expect(alarm).ToContainTextAsync("Courtroom 7");
        await Expect(alarm).Not.ToContainTextAsync("Зал");
        await Expect(alarm.GetByTestId("since")).ToHaveTextAsync(new Regex(@"^Since \d\d\.\d\d\.\d{4} \d\d:\d\d · (just now|\d+ min ago)$"));
        await alarm.GetByTestId("dispatch-open").ClickAsync();
        await Expect(alarm.GetByTestId("responders")).ToContainTextAsync("Whom to send");
        await Expect(console.Locator("h1")).ToHaveTextAsync("Alarm console");
        var width = await console.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The console is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(console, "alarm-console-en-360.png");
        await console.Context.CloseAsync();
        await QuietAsync();
    }

    [Fact]
    public async Task An_unacknowledged_duress_keeps_sounding_and_flashing_until_it_is_acknowledged()
    {
        var console = await Circuit.NewPageAsync(site);
        await console.Context.AddInitScriptAsync(Ear);
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.Locator("h1")).ToHaveTextAsync("Пульт тривог");

        // Whatever the browser's autoplay policy, the console never looks armed when it is not.
        var blocked = console.GetByTestId("sound-blocked");
        if (await console.EvaluateAsync<bool>("async () => { const m = await import('./_content/Varta.Alarms/alarms.js'); return m.soundBlocked(); }"))
        {
            await Expect(blocked).ToContainTextAsync("Браузер заблокував звук");
            await Settled.ScreenshotAsync(console, "alarm-console-sound-blocked.png");
            await console.GetByTestId("enable-sound").ClickAsync();
        }

        await Expect(blocked).ToHaveCountAsync(0);

        // A duress button is pressed (nothing else is open that would keep the console calling).
        await QuietAsync();
        using var admin = await site.Factory.ClientAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/alarms/devices", new { siteId = DemoData.ShevchenkivskyiCourt, kind = "fixed-button", name = "Кнопка судді, зал 3" });
        created.EnsureSuccessStatusCode();
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        using var button = site.Factory.CreateClient();
        button.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await button.PostAsJsonAsync("/api/v1/alarms/signals", new { kind = "duress", idempotencyKey = "sound-1" })).EnsureSuccessStatusCode();

        var alarm = console.GetByTestId("alarms").Locator("li.alarm", new() { HasText = "Примус" });
        await Expect(alarm).ToBeVisibleAsync();

        // It sounds, in the duress pattern, and sounds again a few seconds later while nobody answers.
        await console.WaitForFunctionAsync("() => window.__tones.length >= 4");
        Assert.Contains(880, await console.EvaluateAsync<double[]>("() => window.__tones"));
        await console.WaitForFunctionAsync("() => window.__tones.length >= 8", null, new() { Timeout = 15_000 });
        await console.WaitForFunctionAsync("() => document.title.includes('ТРИВОГА')", null, new() { Timeout = 5_000 });
        await Expect(alarm).ToHaveClassAsync(new Regex("status-open"));

        // Acknowledged: silence, and the title is the page's again.
        await alarm.GetByTestId("ack").ClickAsync();
        await Expect(alarm).ToContainTextAsync("прийнята");
        await console.WaitForFunctionAsync("() => window.__vartaAlarmSound && !window.__vartaAlarmSound.ringing");
        var heard = await console.EvaluateAsync<int>("() => window.__tones.length");
        await console.WaitForTimeoutAsync(5_000); // longer than one interval of the repeat (4 s)
        Assert.Equal(heard, await console.EvaluateAsync<int>("() => window.__tones.length"));
        Assert.DoesNotContain("ТРИВОГА", await console.TitleAsync());
        await console.Context.CloseAsync();
    }

    /// <summary>Every open alarm of this host acknowledged, as another dispatcher would.</summary>
    private async Task QuietAsync()
    {
        using var dispatcher = await site.Factory.ClientAsAsync("dispatcher");
        foreach (var a in (await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray().Where(a => a.GetProperty("status").GetString() == "open"))
        {
            (await dispatcher.PostAsync($"/api/v1/alarms/{a.GetProperty("id").GetGuid()}/acknowledge", null)).EnsureSuccessStatusCode();
        }
    }
}
