using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Issue 13, external control in the pages: an administrator grants a monitor access (typed dates, errors beside their
/// fields), the monitor reconciles an unannounced visit on a phone-width page, and the facility's head sees the monitor's looks.
/// </summary>
public sealed class VisitPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task An_administrator_grants_access_and_a_monitor_reconciles_a_visit_on_a_phone()
    {
        var present = "Присутній" + Guid.NewGuid().ToString("N")[..4];
        var absent = "Відсутній" + Guid.NewGuid().ToString("N")[..4];
        using (var officer = await site.Factory.ClientAsAsync("custody.officer"))
        {
            foreach (var surname in new[] { present, absent })
            {
                (await officer.PostAsJsonAsync("/api/v1/custody/records", CustodyBodies.BookIn(site.Factory, surname))).EnsureSuccessStatusCode();
            }
        }

        // The administrator grants access in the page: a missing purpose is refused beside its field, and what was typed stays.
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, "admin");
        await Circuit.GotoAsync(page, "/oversight/grants");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Доступ для зовнішнього контролю");
        var form = page.GetByTestId("grant-form");
        await form.Locator("#grant-grantee").SelectOptionAsync(new SelectOptionValue { Label = "Демо Зовнішній монітор" });
        await form.Locator("#grant-body").SelectOptionAsync("ombudsman-npm");
        await form.Locator("#grant-scope").SelectOptionAsync(new SelectOptionValue { Label = (await OptionLabelAsync(form.Locator("#grant-scope"), "ІТТ №1")) });
        var now = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2));
        await page.Locator("#grant-from").FillAsync(now.AddMinutes(-5).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#grant-until").FillAsync(now.AddDays(1).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Надати доступ" }).ClickAsync();
        await Expect(form.Locator("#grant-purpose")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#grant-until")).ToHaveValueAsync(now.AddDays(1).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
        await form.Locator("#grant-purpose").FillAsync("Моніторинг умов тримання");
        await form.GetByRole(AriaRole.Button, new() { Name = "Надати доступ" }).ClickAsync();
        await Expect(page.GetByTestId("grants")).ToContainTextAsync("Демо Зовнішній монітор");
        await Expect(page.GetByTestId("grants")).ToContainTextAsync("діє");
        await Settled.ScreenshotAsync(page, "oversight-grants.png");
        await page.Context.CloseAsync();

        // The monitor, on a phone: starts a visit, finds one person, not the other, and someone not on the register.
        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "external.monitor");
        await Circuit.GotoAsync(phone, "/oversight/my-grants");

        // First the records the grant shows: one opened read-only, without the medical details the grant leaves out.
        await phone.GetByTestId("show-records").First.ClickAsync();
        await phone.GetByTestId("grant-records").GetByRole(AriaRole.Link).Filter(new() { HasText = "ITT-KYIV-1" }).First.WaitForAsync();
        await phone.GetByTestId("grant-records").Locator("li", new() { HasText = present }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(phone.GetByTestId("grant-record")).ToContainTextAsync(present);
        await Expect(phone.GetByTestId("withheld")).ToContainTextAsync("медичні відомості");
        var recordWidth = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(recordWidth[0] <= recordWidth[1], $"The grantee's record page is {recordWidth[0]} px wide on a {recordWidth[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "oversight-grant-record-360.png");
        await Circuit.GotoAsync(phone, "/oversight/my-grants");
        await phone.GetByTestId("start-visit").First.ClickAsync();
        await Expect(phone.Locator("h1")).ToContainTextAsync("Візит без попередження");
        var lines = phone.GetByTestId("visit-lines");
        var presentLine = lines.Locator("li", new() { HasText = present });
        var absentLine = lines.Locator("li", new() { HasText = absent });
        await presentLine.GetByTestId("mark-found").ClickAsync();
        await Expect(presentLine.GetByTestId("line-result")).ToHaveTextAsync("знайдено");
        await absentLine.GetByTestId("mark-other-cell").ClickAsync(); // no cell typed: refused beside the field
        await Expect(absentLine.GetByTestId("other-cell-input")).ToHaveAttributeAsync("aria-invalid", "true");
        await absentLine.GetByTestId("mark-absent").ClickAsync();
        await Expect(absentLine.GetByTestId("line-result")).ToHaveTextAsync("немає");
        var extra = phone.GetByTestId("unregistered-form");
        await extra.Locator("#unregistered-description").FillAsync("Чоловік у сірій куртці");
        await extra.Locator("#unregistered-cell").FillAsync("2");
        await extra.GetByRole(AriaRole.Button, new() { Name = "Додати" }).ClickAsync();
        await Expect(lines).ToContainTextAsync("Чоловік у сірій куртці");
        var width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The visit page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "oversight-visit-360.png");
        await phone.GetByTestId("close-visit").ClickAsync();
        await Expect(phone.GetByTestId("visit-message")).ToContainTextAsync("Візит завершено");
        await Expect(phone.GetByTestId("mark-found")).ToHaveCountAsync(0);
        await Expect(phone.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Settled.ScreenshotAsync(phone, "oversight-visit-closed-360.png");
        await phone.Context.CloseAsync();

        // The inspector finds the discrepancies in the queue.
        using var inspector = await site.Factory.ClientAsAsync("rights.inspector");
        var queue = JsonDocument.Parse(await inspector.GetStringAsync("/api/v1/oversight/queue?rule=visit-discrepancy")).RootElement;
        var details = queue.EnumerateArray().Select(i => i.GetProperty("detail").GetString()).ToList();
        Assert.Contains("absent", details);
        Assert.Contains("unregistered", details);
    }

    private static async Task<string> OptionLabelAsync(ILocator select, string containing)
    {
        foreach (var text in await select.Locator("option").AllInnerTextsAsync())
        {
            if (text.Contains(containing, StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new InvalidOperationException($"No option with {containing}.");
    }
}
