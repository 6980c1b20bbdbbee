using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>A judge's phone raises duress; the monitoring centre sees it live and acknowledges; the judge is told.</summary>
public sealed class AlarmPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>Near the (invented) court building in Kyiv.</summary>
    private static readonly Geolocation CourtBuilding = new() { Latitude = 50.44681f, Longitude = 30.49752f, Accuracy = 12 };

    [Fact]
    public async Task Judge_holds_the_duress_button_and_sees_the_dispatcher_acknowledge_the_alarm()
    {
        // The monitoring centre's console is open before anything happens.
        var console = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(console, "dispatcher");
        await Circuit.GotoAsync(console, "/alarms/console");
        await Expect(console.Locator("h1")).ToHaveTextAsync("Пульт тривог");
        await console.EvaluateAsync("window.__sameDocument = true");
        await Expect(console.GetByTestId("alarms")).Not.ToHaveAttributeAsync("data-list-loads", "0");
        var loads = await console.GetByTestId("alarms").GetAttributeAsync("data-list-loads");

        var judge = await Circuit.NewPageAsync(site, width: 390, height: 844, location: CourtBuilding);
        await BrowserSite.SignInAsync(judge, "judge");

        // The judge has consented to an emergency medical profile, which responders may open during her alarm.
        await Circuit.GotoAsync(judge, "/alarms/medical");
        await Expect(judge.Locator("h1")).ToHaveTextAsync("Екстрений медичний профіль");
        await judge.GetByLabel("Група крові").SelectOptionAsync("A+");
        await judge.GetByLabel("Алергії").FillAsync("пеніцилін");
        await judge.GetByLabel("Контактна особа").FillAsync("Вигадана Ольга");
        await judge.GetByLabel("Телефон контактної особи").FillAsync("+380 44 000 00 00");
        await judge.GetByLabel("Я погоджуюся").CheckAsync();
        await judge.GetByRole(AriaRole.Button, new() { Name = "Зберегти" }).ClickAsync();
        await Expect(judge.Locator("p.ok[role=status]")).ToHaveTextAsync("Профіль збережено.");
        await Expect(judge.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(judge, "alarm-medical.png");

        await Circuit.GotoAsync(judge, "/alarms/duress");
        await Expect(judge.Locator("h1")).ToHaveTextAsync("Тривожна кнопка");
        var button = judge.GetByTestId("duress-button");
        await Expect(button).ToHaveAttributeAsync("data-ready", "true");
        await Expect(judge.GetByLabel("Надіслати моє місцезнаходження")).ToBeCheckedAsync();
        await Expect(button).ToBeInViewportAsync();
        var overflow = await judge.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(overflow[0] <= overflow[1], $"The duress page is {overflow[0]} px wide on a {overflow[1]} px phone.");

        // Press and hold: the alarm goes after two seconds of holding, not on a tap.
        await button.HoverAsync();
        await judge.Mouse.DownAsync();
        var status = judge.GetByTestId("duress-status");
        await Expect(judge.GetByTestId("duress-delivery")).ToContainTextAsync("Тривогу отримано", new() { Timeout = 30_000 });
        await Expect(status).ToContainTextAsync("Тривога відкрита");
        await judge.Mouse.UpAsync();
        await Expect(judge.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(judge, "alarm-duress.png");

        // The console shows it without a reload: who pressed (name and role), where (the building, the phone, its last
        // position on a web map that opens on a desktop too) and since when.
        var alarm = console.GetByTestId("alarms").Locator("li.alarm", new() { HasText = "Примус" });
        await Expect(alarm).ToBeVisibleAsync();
        await Expect(alarm).ToContainTextAsync("нова");
        await Expect(alarm.GetByTestId("who")).ToHaveTextAsync("Демо Суддя, Суддя");
        await Expect(alarm.GetByTestId("where")).ToContainTextAsync("phone:judge");
        await Expect(alarm.GetByTestId("map-link")).ToHaveAttributeAsync("href",
            new Regex(@"^https://www\.openstreetmap\.org/\?mlat=50\.4468\d*&mlon=30\.4975\d*#map=18/50\.4468\d*/30\.4975\d*$"));
        await Expect(alarm.GetByTestId("map-link")).ToHaveTextAsync("50.44681, 30.49752");
        await Expect(alarm.GetByTestId("position")).ToContainTextAsync("±12 м");
        await Expect(alarm.GetByTestId("since")).ToHaveTextAsync(new Regex(@"^З \d\d\.\d\d\.\d{4} \d\d:\d\d · (щойно|\d+ хв тому)$"));
        // The card is compact: whom to send is asked only when dispatching.
        await Expect(alarm.GetByTestId("responders")).ToHaveCountAsync(0);
        await Expect(console.GetByTestId("no-alarms")).ToHaveCountAsync(0);
        await alarm.GetByRole(AriaRole.Button, new() { Name = "Медичний профіль" }).ClickAsync();
        await Expect(alarm.GetByTestId("medical")).ToHaveTextAsync(
            "Група крові: A+ · Алергії: пеніцилін · Контактна особа: Вигадана Ольга +380 44 000 00 00");
        Assert.True(await console.EvaluateAsync<bool>("window.__sameDocument === true"), "The console reloaded instead of updating in place.");
        // Nor did it read its whole list again: the pushed event itself was applied to what is shown.
        Assert.Equal(loads, await console.GetByTestId("alarms").GetAttributeAsync("data-list-loads"));
        await Expect(console.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(console, "alarm-console.png");

        await alarm.GetByTestId("ack").ClickAsync();

        await Expect(alarm).ToContainTextAsync("прийнята");
        await Expect(alarm.GetByTestId("ack")).ToHaveCountAsync(0);
        await Expect(alarm.GetByTestId("taken-up")).ToHaveTextAsync("Прийняв: Демо Диспетчер");

        // The judge learns that someone has taken it, without touching the phone.
        await Expect(status).ToHaveTextAsync("Тривогу прийняв черговий: Демо Диспетчер.");
        await Expect(judge.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(judge, "alarm-duress-acknowledged.png");

        // The keyboard is on the card's next action: Enter opens the responder form, and focus goes into it.
        await Expect(alarm.GetByTestId("dispatch-open")).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Enter");
        var officer = alarm.GetByTestId("responders").GetByLabel("Демо Співробітник охорони");
        await Expect(officer).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Space");
        await alarm.GetByTestId("dispatch").ClickAsync();
        await Expect(alarm.GetByTestId("taken-up")).ToContainTextAsync("Демо Співробітник охорони");
        await Expect(alarm.GetByTestId("responders")).ToHaveCountAsync(0);
        await Expect(alarm.GetByTestId("outcome")).ToBeFocusedAsync();
        await Expect(status).ToHaveTextAsync("До вас прямують: Демо Співробітник охорони.");

        // The officer sent finds the same who, where and since when on their phone.
        var sent = await Circuit.NewPageAsync(site, width: 360, height: 780);
        await BrowserSite.SignInAsync(sent, "security.officer");
        await Circuit.GotoAsync(sent, "/alarms/my-dispatches");
        var dispatch = sent.GetByTestId("my-dispatches").Locator("li.alarm", new() { HasText = "Примус" });
        await Expect(dispatch.GetByTestId("who")).ToHaveTextAsync("Демо Суддя, Суддя");
        await Expect(dispatch.GetByTestId("where")).ToContainTextAsync("phone:judge");
        await Expect(dispatch.GetByTestId("map-link")).ToHaveAttributeAsync("href", new Regex(@"^https://www\.openstreetmap\.org/\?mlat=50\.4468"));
        await Expect(dispatch.GetByTestId("since")).ToHaveTextAsync(new Regex(@"^З \d\d\.\d\d\.\d{4} \d\d:\d\d · "));
        var width = await sent.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The dispatch page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(sent, "alarm-my-dispatch-360.png");
        await sent.Context.CloseAsync();
        await judge.Context.CloseAsync();
        await console.Context.CloseAsync();
    }
}
