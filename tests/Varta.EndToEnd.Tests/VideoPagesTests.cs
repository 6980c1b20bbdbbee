using Microsoft.Playwright;
using Varta.Platform.Demo;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>Issue 13, video linkage in the pages: the camera registry and footage requests, in both languages and at phone width.</summary>
public sealed class VideoPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task The_camera_registry_refuses_sound_in_the_lawyers_room_and_footage_requests_fit_a_phone_in_english()
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Circuit.GotoAsync(page, $"/custody/facilities/{DemoData.DetentionFacility1}/cameras");
        await Expect(page.GetByTestId("cameras")).ToContainTextAsync("ITT1-CAM-30");
        await page.Locator("#camera-code").FillAsync("ITT1-CAM-40");
        await page.Locator("#camera-room").FillAsync("Друга кімната захисника");
        await page.Locator("#camera-room-type").SelectOptionAsync("lawyer-consultation");
        await page.Locator("#camera-audio").CheckAsync();
        await page.GetByTestId("camera-form").GetByRole(AriaRole.Button).ClickAsync();
        // The refusal stands beside the sound box, not beside another field.
        await Expect(page.Locator("#camera-audio").Locator("xpath=ancestor::div[1]")).ToContainTextAsync("звук не записують");
        await Expect(page.Locator("#camera-room")).ToHaveValueAsync("Друга кімната захисника");
        await Settled.ScreenshotAsync(page, "custody-cameras.png");
        await page.Context.CloseAsync();

        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "rights.inspector");
        await Circuit.GotoAsync(phone, "/oversight/footage");
        await phone.GetByRole(AriaRole.Link, new() { Name = "ENG" }).ClickAsync();
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Footage requests");
        await Circuit.WaitAsync(phone);
        var now = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2));
        await phone.Locator("#footage-from").FillAsync(now.AddHours(-2).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await phone.Locator("#footage-to").FillAsync(now.AddHours(-1).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await phone.GetByTestId("footage-form").GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Expect(phone.Locator("#footage-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        var width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The footage page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "oversight-footage-en-360.png");
        await phone.Context.CloseAsync();
    }
}
