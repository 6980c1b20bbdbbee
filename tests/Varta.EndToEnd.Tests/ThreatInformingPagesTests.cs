using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Issue 14 in the pages, informing people and debriefs: an analyst sends an advisory to the court's judges and the judge
/// confirms reading it on a phone; a medical officer tells the judge the precautions for a hearing (the judge never sees
/// the diagnosis); a security officer opens an incident, debriefs it and gives an action item.
/// </summary>
public sealed class ThreatInformingPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Advisories_health_notices_and_debriefs_work_in_the_pages()
    {
        var title = "Дорога додому " + Guid.NewGuid().ToString("N")[..5];
        var desk = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(desk, "threat.analyst");
        await Circuit.GotoAsync(desk, "/threats/advisories");
        var form = desk.GetByTestId("advisory-form");
        await form.Locator("#advisory-audience").SelectOptionAsync("group");
        await form.Locator("#advisory-role").SelectOptionAsync(Roles.Judge);
        await form.Locator("#advisory-kind").SelectOptionAsync("general");
        await form.Locator("#advisory-submit").ClickAsync(); // no title nor text: refused beside the fields
        await Expect(form.Locator("#advisory-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator("#advisory-role")).ToHaveValueAsync(Roles.Judge);
        await form.Locator("#advisory-title").FillAsync(title);
        await form.Locator("#advisory-body").FillAsync("Змінюйте маршрут.\nНе публікуйте розклад засідань.");
        await form.Locator("#advisory-submit").ClickAsync();
        await Expect(desk.GetByTestId("advisory-message")).ToContainTextAsync("Надіслано отримувачам");
        var sent = desk.GetByTestId("issued-advisories").Locator("li", new() { HasText = title });
        await Expect(sent.GetByTestId("receipts-count")).ToContainTextAsync("прочитали 0 з");
        await Settled.ScreenshotAsync(desk, "threats-advisories.png");

        // A medical officer of the court tells the judge the precautions for a hearing.
        var (medicId, medicName) = await site.Factory.CreateUserAsync(Roles.MedicalOfficer, DemoData.ShevchenkivskyiCourt);
        using (var scope = site.Factory.Services.CreateScope())
        {
            // The role signs in with a second factor; the test user is waived it, as the demo accounts are.
            var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
            (await db.Users.FindAsync(medicId))!.TwoFactorExempt = true;
            await db.SaveChangesAsync();
        }

        var medic = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(medic, medicName);
        await Circuit.GotoAsync(medic, "/threats/health-notices");
        var notice = medic.GetByTestId("notice-form");
        var hearing = site.Factory.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(2)).ToString("dd.MM.yyyy 10:00", CultureInfo.InvariantCulture);
        await medic.Locator("#notice-hearing").FillAsync(hearing);
        await notice.Locator("#notice-case").FillAsync("757/42/26");
        await notice.Locator("#precaution-masks").CheckAsync();
        await notice.Locator("#precaution-glass-dock-ventilated").CheckAsync();
        await notice.Locator("label.check", new() { HasText = "Демо Суддя" }).Locator("input").CheckAsync();
        await notice.Locator("#notice-submit").ClickAsync(); // no diagnosis: refused beside it, nothing typed lost
        await Expect(notice.Locator("#notice-diagnosis")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(notice.Locator("#precaution-masks")).ToBeCheckedAsync();
        await notice.Locator("#notice-diagnosis").FillAsync("Вигаданий туберкульоз");
        await notice.Locator("#notice-submit").ClickAsync();
        await Expect(medic.GetByTestId("notice-message")).ToContainTextAsync("Повідомлення надіслано.");
        await Expect(medic.GetByTestId("filed-notices")).ToContainTextAsync("Вигаданий туберкульоз");
        await Settled.ScreenshotAsync(medic, "threats-health-notices.png");
        await medic.Context.CloseAsync();

        // The judge, on a phone: the precautions without the diagnosis, and the advisory, read and confirmed.
        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "judge");
        await Circuit.GotoAsync(phone, "/threats/mine");
        var notices = phone.GetByTestId("my-notices");
        await Expect(notices).ToContainTextAsync("757/42/26");
        await Expect(notices).ToContainTextAsync("Маски");
        await Expect(phone.Locator("body")).Not.ToContainTextAsync("туберкульоз");
        var advisory = phone.GetByTestId("my-advisories").Locator("li", new() { HasText = title });
        await advisory.GetByRole(AriaRole.Button, new() { Name = "Прочитав(ла)" }).ClickAsync();
        await Expect(advisory).ToContainTextAsync("прочитано");
        await phone.Locator("#ask-question").FillAsync("Чи варто встановити камеру біля дому?");
        await phone.Locator("#ask-submit").ClickAsync();
        await Expect(phone.GetByTestId("mine-message")).ToContainTextAsync("Запит надіслано.");
        await Expect(phone.GetByTestId("my-requests")).ToContainTextAsync("чекає на відповідь");
        var width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The judge's page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "threats-mine-informed-360.png");
        await phone.Context.CloseAsync();

        // The analyst sees the receipt.
        await Circuit.GotoAsync(desk, "/threats/advisories");
        await Expect(desk.GetByTestId("issued-advisories").Locator("li", new() { HasText = title }).GetByTestId("receipts-count")).ToContainTextAsync("прочитали 1 з");
        await Expect(desk.GetByTestId("open-requests")).ToContainTextAsync("камеру біля дому");
        await desk.Context.CloseAsync();

        // A security officer opens an incident by hand, debriefs it and gives an action item.
        var officer = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(officer, "security.officer");
        await Circuit.GotoAsync(officer, "/threats/incidents");
        var incident = officer.GetByTestId("incident-form");
        var summary = "Пікет біля входу " + Guid.NewGuid().ToString("N")[..5];
        await officer.Locator("#incident-occurred").FillAsync(site.Factory.Clock.GetUtcNow().AddHours(-5).ToOffset(TimeSpan.FromHours(2)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
        await incident.Locator("#incident-kind").SelectOptionAsync("activist-misconduct");
        await incident.Locator("#incident-summary").FillAsync(summary);
        await incident.Locator("#incident-submit").ClickAsync();
        await Expect(officer.GetByTestId("incident-message")).ToContainTextAsync("Подію відкрито.");
        await officer.GetByTestId("incidents").Locator("li", new() { HasText = summary }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(officer.GetByTestId("incident-status")).ToHaveTextAsync("відкрита");
        await officer.Locator("#debrief-well").FillAsync("Наряд швидко перекрив вхід.");
        await officer.Locator("#debrief-lessons").FillAsync("Мати окремий вхід для суддів на час пікетів.");
        await officer.Locator("#debrief-submit").ClickAsync();
        await Expect(officer.GetByTestId("incident-status")).ToHaveTextAsync("розібрана");
        var action = officer.GetByTestId("action-form");
        await action.Locator("#action-text").FillAsync("Домовитися з поліцією про коридор");
        await action.Locator("#action-owner").SelectOptionAsync(new SelectOptionValue { Label = "Демо Співробітник охорони" });
        await officer.Locator("#action-due").FillAsync(site.Factory.Clock.GetUtcNow().AddDays(7).ToOffset(TimeSpan.FromHours(2)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await action.Locator("#action-add").ClickAsync();
        await Expect(officer.GetByTestId("action-items")).ToContainTextAsync("Домовитися з поліцією про коридор");
        await officer.Locator("#incident-close").ClickAsync(); // an action item is open: refused, said plainly
        await Expect(officer.GetByTestId("incident-message")).ToContainTextAsync("Не виконано завдань: 1.");
        await Settled.ScreenshotAsync(officer, "threats-incident.png");
        await officer.Context.CloseAsync();
    }
}
