using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Issue 14 in the pages: a judge reports a threat from a phone (with a picture; a missing field is refused beside it and
/// nothing typed is lost), an analyst triages it, assesses it and assigns a measure that starts, and the judge sees the
/// measure taken for them, without anything else of the case.
/// </summary>
public sealed class ThreatPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    // A 1×1 PNG, so that the attachment is of an accepted type by its content.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_judge_reports_from_a_phone_an_analyst_assesses_and_assigns_a_measure_and_the_judge_sees_it()
    {
        var marker = "Лист із погрозами " + Guid.NewGuid().ToString("N")[..6];
        var occurred = site.Factory.Clock.GetUtcNow().AddHours(-3).ToOffset(TimeSpan.FromHours(2)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

        var phone = await Circuit.NewPageAsync(site, width: 360, height: 740);
        await BrowserSite.SignInAsync(phone, "judge");
        await Circuit.GotoAsync(phone, "/threats/report");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Повідомити про загрозу");
        var form = phone.GetByTestId("report-form");
        await phone.Locator("#report-occurred").FillAsync(occurred);
        await form.Locator("#report-channel").SelectOptionAsync("letter");
        await form.Locator("#report-target").SelectOptionAsync("self");
        await form.Locator("#report-source-known").CheckAsync();
        await form.Locator("#report-source-name").FillAsync("Вигаданий Дописувач");
        await form.Locator("#report-files").SetInputFilesAsync(new FilePayload { Name = "konvert.png", MimeType = "image/png", Buffer = Png });
        await Expect(form.GetByTestId("report-file-list")).ToContainTextAsync("konvert.png");

        // No description: refused beside the field, and what was typed stays.
        await form.Locator("#report-submit").ClickAsync();
        await Expect(form.Locator("#report-description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(phone.Locator("#report-occurred")).ToHaveValueAsync(occurred);
        await Expect(form.Locator("#report-source-name")).ToHaveValueAsync("Вигаданий Дописувач");
        await form.Locator("#report-description").FillAsync(marker + ": у поштовій скриньці, з погрозою на адресу родини.");
        await form.Locator("#report-submit").ClickAsync();
        await Expect(phone.GetByTestId("report-message")).ToContainTextAsync("Повідомлення надіслано.");
        await Expect(form.Locator("#report-description")).ToHaveValueAsync("");
        var width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The report page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "threats-report-360.png");

        await Circuit.GotoAsync(phone, "/threats/mine");
        var mine = phone.GetByTestId("my-reports").Locator("li", new() { HasText = marker });
        await Expect(mine).ToContainTextAsync("подано, чекає на розгляд");
        await Expect(mine).ToContainTextAsync("konvert.png");

        // The analyst triages it into a new case, assesses it and assigns an escort that starts at once.
        var desk = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(desk, "threat.analyst");
        await Circuit.GotoAsync(desk, "/threats/triage");
        var line = desk.GetByTestId("triage").Locator("li", new() { HasText = marker });
        await line.Locator("select[id^=triage-tier]").SelectOptionAsync("threat");
        await line.Locator("select[id^=triage-priority]").SelectOptionAsync("expedited");
        await line.Locator("input[id^=triage-summary]").FillAsync(marker);
        await line.Locator("button[id^=triage-submit]").ClickAsync();
        await Expect(desk.GetByTestId("triage-message")).ToContainTextAsync("THR-");
        await desk.GetByTestId("triage-message").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(desk.GetByTestId("case-header")).ToContainTextAsync("Загроза");
        await Expect(desk.GetByTestId("case-persons")).ToContainTextAsync("Демо Суддя");
        await Expect(desk.GetByTestId("case-source")).ToContainTextAsync("Вигаданий Дописувач");

        var assessment = desk.GetByTestId("assessment-form");
        await assessment.Locator("#assessment-stage").SelectOptionAsync("grievance");
        await assessment.Locator("#behaviour-fixation").CheckAsync();
        await assessment.Locator("#behaviour-direct-threat").CheckAsync();
        await assessment.Locator("#assessment-risk").SelectOptionAsync("moderate");
        await assessment.Locator("#assessment-submit").ClickAsync(); // no reasons: refused beside the field
        await Expect(assessment.Locator("#assessment-reasons")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(assessment.Locator("#behaviour-fixation")).ToBeCheckedAsync();
        await assessment.Locator("#assessment-reasons").FillAsync("Пряма погроза, але без ознак підготовки.");
        await assessment.Locator("#assessment-submit").ClickAsync();
        await Expect(desk.GetByTestId("case-risk")).ToContainTextAsync("помірний");
        await Expect(desk.GetByTestId("assessments")).ToContainTextAsync("чинна");

        var measure = desk.GetByTestId("measure-form");
        await measure.Locator("#measure-type").SelectOptionAsync("escort");
        await measure.Locator("#measure-officer").SelectOptionAsync(new SelectOptionValue { Label = "Демо Співробітник охорони" });
        var today = site.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(2)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await desk.Locator("#measure-starts").FillAsync(today);
        await measure.Locator("#measure-submit").ClickAsync();
        var escort = desk.GetByTestId("measures").Locator("li", new() { HasText = "Супровід" });
        await Expect(escort).ToContainTextAsync("заплановано");
        await escort.GetByRole(AriaRole.Button, new() { Name = "Розпочати" }).ClickAsync();
        await Expect(escort).ToContainTextAsync("вживається");
        await Expect(desk.GetByTestId("case-header")).ToContainTextAsync("заходи вживаються");
        await Expect(desk.GetByTestId("timeline")).ToContainTextAsync("захід розпочато");
        await Settled.ScreenshotAsync(desk, "threats-case.png");

        // A later report of the same judge, about another matter, is added from the triage page to the case just opened.
        var number = (await desk.Locator("h1").TextContentAsync())!.Trim();
        var later = "Дзвінок " + Guid.NewGuid().ToString("N")[..6];
        using (var judgeApi = await site.Factory.ClientAsAsync("judge"))
        {
            (await judgeApi.PostAsJsonAsync("/api/v1/threats/reports", new
            {
                courtId = Varta.Platform.Demo.DemoData.ShevchenkivskyiCourt, occurredAt = site.Factory.Clock.GetUtcNow().AddHours(-1).ToString("O"),
                channel = "phone", target = "self", description = later,
            })).EnsureSuccessStatusCode();
        }

        await Circuit.GotoAsync(desk, "/threats/triage");
        var second = desk.GetByTestId("triage").Locator("li", new() { HasText = later });
        await second.Locator("select[id^=triage-tier]").SelectOptionAsync("inappropriate-communication");
        await second.Locator("select[id^=triage-case]").SelectOptionAsync(new SelectOptionValue { Label = $"{number} — {marker}" });
        await Expect(second.Locator("select[id^=triage-priority]")).ToHaveCountAsync(0); // an existing case keeps its priority
        await second.Locator("button[id^=triage-submit]").ClickAsync();
        await Expect(desk.GetByTestId("triage-message")).ToContainTextAsync(number);
        await desk.GetByTestId("triage-message").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(desk.GetByTestId("case-reports")).ToContainTextAsync(later);
        await desk.Context.CloseAsync();

        // The judge sees the escort taken for them, and their report's case status; nothing of the assessment.
        await Circuit.GotoAsync(phone, "/threats/mine");
        var measures = phone.GetByTestId("my-measures");
        await Expect(measures).ToContainTextAsync("Супровід");
        await Expect(measures).ToContainTextAsync("вживається");
        await Expect(measures).ToContainTextAsync("Демо Співробітник охорони");
        await Expect(phone.GetByTestId("my-reports").Locator("li", new() { HasText = marker })).ToContainTextAsync("заходи вживаються");
        await Expect(phone.Locator("body")).Not.ToContainTextAsync("помірний");
        width = await phone.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"The judge's page is {width[0]} px wide on a {width[1]} px phone.");
        await Settled.ScreenshotAsync(phone, "threats-mine-360.png");

        // A judge has no case pages at all: sent to the page that says so.
        await phone.GotoAsync("/threats/cases");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        await Expect(phone.Locator("body")).Not.ToContainTextAsync(marker);
        await phone.Context.CloseAsync();
    }
}
