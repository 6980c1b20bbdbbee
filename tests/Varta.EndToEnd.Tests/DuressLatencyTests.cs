using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Issue 17's three times, taken in two real browsers on one machine (so one clock): a press (the moment the page sends
/// it) until the console shows the card; an acknowledgement (the click) until the phone says who took it; and a press
/// made offline, from the moment the network returns until the phone shows it stored. Each round also checks what the
/// times are about: one press, one alarm, the acknowledgement named. The times are written to the test's output and to
/// <c>artifacts/measurements/duress-latency.json</c>; nothing is asserted of them (a shared machine is too noisy to
/// judge by). <c>VARTA_MEASURE_ROUNDS</c> sets the rounds (3 by default; BENCHMARKS.md quotes a longer run).
/// </summary>
public sealed class DuressLatencyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    /// <summary>On the judge's page: when the press request leaves, when the acknowledgement shows, when the network returns and the press shows as stored.</summary>
    private const string PhoneProbe = """
        (() => {
            const send = window.fetch;
            window.fetch = function (input, init) {
                const url = typeof input === 'string' ? input : input.url;
                if (!url.includes('/alarms/duress/press')) return send.apply(this, arguments);
                window.__pressAt ??= Date.now();
                return send.apply(this, arguments).then(r => { if (r.status === 202) window.__answeredAt ??= Date.now(); return r; });
            };
            window.addEventListener('online', () => { window.__onlineAt = Date.now(); });
            new MutationObserver(() => {
                const status = document.querySelector('[data-testid=duress-status]')?.textContent ?? '';
                if (status.includes('Тривогу прийняв')) window.__ackSeenAt ??= Date.now();
                const delivery = document.querySelector('[data-testid=duress-delivery]')?.textContent ?? '';
                if (delivery.includes('Тривогу отримано')) window.__storedAt ??= Date.now();
            }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    /// <summary>On the console: when each alarm's card first appears, and when an acknowledge button is clicked.</summary>
    private const string ConsoleProbe = """
        (() => {
            window.__cards = {};
            new MutationObserver(() => {
                for (const card of document.querySelectorAll('li.alarm[data-alarm]')) {
                    window.__cards[card.dataset.alarm] ??= Date.now();
                }
            }).observe(document, { subtree: true, childList: true });
            document.addEventListener('click', e => { if (e.target.closest('[data-testid=ack]')) window.__ackAt = Date.now(); }, true);
        })();
        """;

    [Fact]
    public async Task Each_press_reaches_the_console_once_and_each_acknowledgement_reaches_the_phone_and_the_times_are_recorded()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("VARTA_MEASURE_ROUNDS"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 3;
        using var dispatcher = await site.Factory.ClientAsAsync("dispatcher");
        await DuressSteps.ResolveAllAsync(dispatcher);

        var console = await Circuit.NewPageAsync(site);
        await console.Context.AddInitScriptAsync(ConsoleProbe);
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.GetByTestId("alarms")).Not.ToHaveAttributeAsync("data-list-loads", "0");

        var judge = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await judge.Context.AddInitScriptAsync(PhoneProbe);
        await BrowserSite.SignInAsync(judge, "judge");

        var toConsole = new List<double>();
        var toStored = new List<double>();
        var toPhone = new List<double>();
        var offlineToStored = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            await Circuit.GotoAsync(judge, "/alarms/duress");
            var button = judge.GetByTestId("duress-button");
            await Expect(button).ToHaveAttributeAsync("data-ready", "true");
            await judge.GetByLabel("Надіслати моє місцезнаходження").UncheckAsync();

            // Online: press → card on the console.
            var offline = round % 2 == 1; // every other round the press is made offline and sent when the network returns
            if (offline)
            {
                await judge.Context.SetOfflineAsync(true);
            }

            await DuressSteps.HoldAsync(judge, button);
            if (offline)
            {
                await Expect(judge.GetByTestId("duress-delivery")).ToContainTextAsync("НЕ НАДІСЛАНО");
                await judge.Context.SetOfflineAsync(false);
            }

            await Expect(judge.GetByTestId("duress-delivery")).ToContainTextAsync("Тривогу отримано");
            var alarm = Assert.Single(await DuressSteps.DuressAlarmsAsync(dispatcher)); // one press, one alarm
            var id = alarm.GetProperty("id").GetString()!;
            var seen = await (await console.WaitForFunctionAsync($"() => window.__cards['{id}'] ?? null")).JsonValueAsync<double>();
            var pressed = await judge.EvaluateAsync<double>("window.__pressAt");
            if (offline)
            {
                offlineToStored.Add(await judge.EvaluateAsync<double>("window.__storedAt - window.__onlineAt"));
            }
            else
            {
                toConsole.Add(seen - pressed);
                toStored.Add(await judge.EvaluateAsync<double>("window.__answeredAt") - pressed);
            }

            // Acknowledge → the phone names who took it.
            var card = console.Locator($"li.alarm[data-alarm='{id}']");
            await card.GetByTestId("ack").ClickAsync();
            await Expect(judge.GetByTestId("duress-status")).ToContainTextAsync("Тривогу прийняв черговий: Демо Диспетчер.");
            toPhone.Add(await judge.EvaluateAsync<double>("window.__ackSeenAt") - await console.EvaluateAsync<double>("window.__ackAt"));

            (await dispatcher.PostAsJsonAsync($"/api/v1/alarms/{id}/resolve", new { outcome = "test", note = "Вимірювання" })).EnsureSuccessStatusCode();
            await Expect(judge.GetByTestId("duress-status")).ToHaveTextAsync("Тривогу закрито.");
        }

        var report = new Dictionary<string, object>
        {
            ["rounds"] = rounds,
            ["pressToConsoleMs"] = Summary(toConsole),
            ["pressToStoredAnswerMs"] = Summary(toStored),
            ["acknowledgeToPhoneMs"] = Summary(toPhone),
            ["offlinePressStoredAfterNetworkReturnsMs"] = Summary(offlineToStored),
        };
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
        output.WriteLine(json);
        await File.WriteAllTextAsync(Path.Combine(Screenshots.ArtifactsFolder("measurements"), "duress-latency.json"), json);

        Assert.All(toConsole.Concat(toStored).Concat(toPhone).Concat(offlineToStored), ms => Assert.True(ms >= 0, "a time measured backwards: the probes are wrong"));
        await judge.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    private static Dictionary<string, double> Summary(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return [];
        }

        var sorted = samples.Order().ToList();
        return new Dictionary<string, double>
        {
            ["count"] = sorted.Count,
            ["median"] = sorted[sorted.Count / 2],
            ["p99"] = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)],
            ["max"] = sorted[^1],
        };
    }
}
