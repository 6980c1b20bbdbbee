using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Varta.Community.Data;
using Varta.Community.Demo;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The community pages in English on a 360 px phone, over the demo's invented survey (seeded with the demo): the surveys
/// list, the results with the two demo periods compared, the audit report with a finding written and its PDF; and the
/// interviewer page's cookie POST refused without its CSRF header.
/// </summary>
public sealed partial class CommunityPagesEnglishTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>A text key as the catalogues name them, shown instead of words.</summary>
    [GeneratedRegex(@"\b(community|problem|form|field|role|nav)\.[a-z][a-z0-9-]*\.[a-z]")]
    private static partial Regex TextKey();

    private async Task<(Guid Autumn, Guid Spring)> DemoSurveysAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var surveys = await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Set<Survey>()
            .Where(s => s.FormId == CommunityDemoSeeder.AutumnFormId || s.FormId == CommunityDemoSeeder.SpringFormId).ToListAsync();
        return (surveys.Single(s => s.FormId == CommunityDemoSeeder.AutumnFormId).Id, surveys.Single(s => s.FormId == CommunityDemoSeeder.SpringFormId).Id);
    }

    private async Task<int> StoredAsync(Guid survey)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey);
    }

    private static async Task FitsAndReadsAsync(IPage page, string what)
    {
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        var width = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"{what} is {width[0]} px wide on a {width[1]} px screen.");
        var key = TextKey().Match(await page.Locator("body").InnerTextAsync());
        Assert.False(key.Success, $"{what} shows the text key \"{key.Value}\" instead of words.");
        await Expect(page.Locator("main p.error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_community_pages_read_in_English_on_a_phone_with_the_demo_periods_compared_and_a_finding_in_the_report()
    {
        var (autumn, spring) = await DemoSurveysAsync();
        var coordinator = await TrainingSteps.PersonAsync(site, Roles.CommunityCoordinator, DemoData.KyivRegion, "Olena Coordinator");
        var phone = await Circuit.NewPageAsync(site, 360, 740);
        await BrowserSite.SignInAsync(phone, coordinator);
        await phone.GotoAsync("/culture?c=en&redirect=/community/surveys");

        await Circuit.GotoAsync(phone, "/community/surveys");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Community surveys");
        var card = phone.GetByTestId($"survey-{CommunityDemoSeeder.SpringFormId}");
        await Expect(card.GetByTestId("survey-status")).ToHaveTextAsync("open");
        await Expect(phone.GetByTestId($"survey-{CommunityDemoSeeder.AutumnFormId}").GetByTestId("survey-status")).ToHaveTextAsync("closed");
        await Expect(card.GetByTestId("report-link")).ToHaveTextAsync("Audit report");
        await FitsAndReadsAsync(phone, "The surveys page");
        await Settled.ScreenshotAsync(phone, "community-en-360-surveys.png");

        // The spring results against the autumn period: the same question side by side with the difference and its test.
        await Circuit.GotoAsync(phone, $"/community/surveys/{spring}/results");
        await Expect(phone.Locator("h1")).ToContainTextAsync("Survey results");
        await phone.Locator("#results-question").SelectOptionAsync("feel_safe");
        await phone.Locator("#results-period").SelectOptionAsync(autumn.ToString());
        await phone.Locator("#results-show").ClickAsync();
        var comparison = phone.GetByTestId("comparison");
        await Expect(comparison.Locator("h2")).ToContainTextAsync("Two periods: Do you feel safe walking alone after dark?");
        await Expect(comparison.Locator("thead")).ToContainTextAsync("01.10.2025 – 30.11.2025");
        await Expect(comparison.Locator("thead")).ToContainTextAsync("01.03.2026 – 31.05.2026");
        await Expect(comparison.Locator("tr[data-value=yes] [data-testid=difference]")).ToContainTextAsync(new Regex(@"[+−]?\d+\.\d pp"));
        await Expect(comparison.Locator("tr[data-value=yes] [data-testid=test]")).ToContainTextAsync(new Regex(@"significant, p = 0\.\d{3}"));
        await FitsAndReadsAsync(phone, "The results page with two periods");
        await Settled.ScreenshotAsync(phone, "community-en-360-comparison.png");

        // The audit report: the demo finding is there; a new finding in English joins it; the PDF downloads with the cookie.
        await Circuit.GotoAsync(phone, $"/community/surveys/{spring}/report");
        await Expect(phone.Locator("h1")).ToContainTextAsync("Safety audit report");
        await Expect(phone.GetByTestId("findings").Locator("li")).ToHaveCountAsync(1);
        await phone.Locator("#finding-add").ClickAsync();
        await Expect(phone.Locator(".validation-message[data-field=text]")).Not.ToBeEmptyAsync();
        await phone.Locator("#finding-text").FillAsync("Better lighting at the bus stops: more residents feel safe after dark (browser test).");
        await phone.Locator("#finding-add").ClickAsync();
        await Expect(phone.GetByTestId("finding-message")).ToHaveTextAsync("The finding is written.");
        await Expect(phone.GetByTestId("findings").Locator("li")).ToHaveCountAsync(2);
        await Expect(phone.GetByTestId("findings")).ToContainTextAsync("Better lighting at the bus stops");
        await Expect(phone.GetByTestId("report-indicators")).ToContainTextAsync("Thefts");
        await FitsAndReadsAsync(phone, "The audit report page");
        await Settled.ScreenshotAsync(phone, "community-en-360-report.png");
        var pdf = await phone.APIRequest.GetAsync((await phone.GetByTestId("report-pdf").GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 4));
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cookie_POST_to_the_interviewer_page_without_its_CSRF_header_is_refused_and_stores_nothing()
    {
        var (_, spring) = await DemoSurveysAsync();
        var interviewer = await TrainingSteps.PersonAsync(site, Roles.CommunityAuditor, DemoData.KyivRegion, "Ivan Interviewer");
        var page = await site.NewPageAsync(360, 740);
        await BrowserSite.SignInAsync(page, interviewer);
        object Body() => new
        {
            clientId = Guid.NewGuid(),
            territory = "UA99020030000030003",
            answers = new Dictionary<string, string>
            {
                ["sex"] = "f", ["age_group"] = "18-34", ["feel_safe"] = "yes", ["lighting"] = "good", ["victim"] = "no",
            },
        };

        var before = await StoredAsync(spring);
        var refused = await page.APIRequest.PostAsync($"/community/collect/{spring}/responses", new() { DataObject = Body() });
        Assert.Equal(403, refused.Status);
        Assert.Equal(before, await StoredAsync(spring));

        // The same signed-in browser with the header (as the page's own script sends it) is stored: the header is what was missing.
        var sent = await page.APIRequest.PostAsync($"/community/collect/{spring}/responses",
            new() { DataObject = Body(), Headers = new Dictionary<string, string> { ["X-Varta-Collect"] = "1" } });
        Assert.Equal(200, sent.Status);
        Assert.Equal(before + 1, await StoredAsync(spring));
        await page.Context.CloseAsync();
    }
}
