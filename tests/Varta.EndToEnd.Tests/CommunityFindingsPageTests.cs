using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Community.Data;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The report page on a 360 px phone: a coordinator changes a finding (an empty text and a change made meanwhile elsewhere
/// are said beside the form), reads its earlier versions, and withdraws it with a reason; the finding leaves the report,
/// stays in the database, and is listed among the withdrawn ones with its reason and history.
/// </summary>
public sealed class CommunityFindingsPageTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_coordinator_changes_and_withdraws_a_finding_on_the_report_page()
    {
        var (id, api) = await CommunityOutboxTests.OpenSurveyAsync(site);
        var written = await api.PostAsJsonAsync($"/api/v1/community/surveys/{id}/findings", new { text = "Темні зупинки біля ринку." });
        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
        var finding = (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coordinator = await TrainingSteps.PersonAsync(site, Roles.CommunityCoordinator, DemoData.KyivRegion, "Олена Координаторка");
        var page = await Circuit.NewPageAsync(site, 360, 740);
        await BrowserSite.SignInAsync(page, coordinator);
        await Circuit.GotoAsync(page, $"/community/surveys/{id}/report");
        var item = page.GetByTestId($"finding-{finding}");
        await Expect(item).ToContainTextAsync("Темні зупинки біля ринку.");

        // An empty text is said beside the field.
        await page.Locator($"#finding-edit-{finding}").ClickAsync();
        await page.Locator("#finding-edit-text").FillAsync("");
        await page.Locator("#finding-edit-save").ClickAsync();
        await Expect(page.Locator("[data-testid=finding-edit-form] .validation-message[data-field=text]")).Not.ToBeEmptyAsync();
        await TrainingSteps.FitsAndReadsAsync(page, "The report page with a finding being edited");
        await Settled.ScreenshotAsync(page, "community-report-finding-edit-360.png");

        // Someone changed it meanwhile (version 2): the save is refused beside the form, the second one goes through.
        var elsewhere = await api.PutAsJsonAsync($"/api/v1/community/surveys/{id}/findings/{finding}", new { text = "Зміна з іншого вікна.", version = 1 });
        Assert.True(elsewhere.IsSuccessStatusCode, await elsewhere.Content.ReadAsStringAsync());
        await page.Locator("#finding-edit-text").FillAsync("Темні зупинки біля ринку і школи.");
        await page.Locator("#finding-edit-save").ClickAsync();
        await Expect(page.Locator("[data-testid=finding-edit-form] .validation-message[data-field=version]")).ToContainTextAsync("іншому вікні");
        await page.Locator("#finding-edit-save").ClickAsync();
        await Expect(page.GetByTestId("finding-message")).ToHaveTextAsync("Висновок змінено.");
        await Expect(item).ToContainTextAsync("Темні зупинки біля ринку і школи.");
        await Expect(item).ToContainTextAsync("змінено");

        // Its earlier versions, newest first, with when and by whom each was written and replaced (dd.MM.yyyy HH:mm).
        await page.Locator($"#finding-history-{finding}").ClickAsync();
        var history = item.GetByTestId("finding-history");
        await Expect(history.Locator("li")).ToHaveCountAsync(2);
        await Expect(history.GetByTestId("revision-2")).ToContainTextAsync("Зміна з іншого вікна.");
        await Expect(history.GetByTestId("revision-1")).ToContainTextAsync("Темні зупинки біля ринку.");
        await Expect(history.GetByTestId("revision-2")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Версія 2 · записано \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"));
        await TrainingSteps.FitsAndReadsAsync(page, "The report page with a finding's earlier versions");
        await Settled.ScreenshotAsync(page, "community-report-finding-history-360.png");
        await page.Locator($"#finding-history-{finding}").ClickAsync();
        await Expect(history).ToHaveCountAsync(0);

        // Withdrawn: a reason is asked for first; then the finding leaves the report and is kept with the reason.
        await page.Locator($"#finding-withdraw-{finding}").ClickAsync();
        await page.Locator("#finding-withdraw-confirm").ClickAsync();
        await Expect(page.Locator("[data-testid=finding-withdraw-form] .validation-message[data-field=reason]")).Not.ToBeEmptyAsync();
        await page.Locator("#finding-withdraw-reason").FillAsync("Поліція уточнила дані.");
        await Settled.ScreenshotAsync(page, "community-report-finding-withdraw-360.png");
        await page.Locator("#finding-withdraw-confirm").ClickAsync();
        await Expect(page.GetByTestId("finding-message")).ToContainTextAsync("Висновок відкликано");
        await Expect(page.GetByTestId("no-findings")).ToBeVisibleAsync();
        await Expect(item).ToHaveCountAsync(0);

        // Out of the report, but the coordinator still sees it among the withdrawn ones, with who and why.
        var withdrawn = page.GetByTestId("withdrawn-findings");
        await Expect(withdrawn.Locator("summary")).ToHaveTextAsync("Відкликані висновки (1)");
        await withdrawn.Locator("summary").ClickAsync();
        await Expect(withdrawn.GetByTestId($"withdrawn-{finding}")).ToContainTextAsync("Причина: Поліція уточнила дані.");
        await page.Locator($"#finding-history-{finding}").ClickAsync();
        await Expect(withdrawn.GetByTestId("finding-history").Locator("li")).ToHaveCountAsync(2);
        await TrainingSteps.FitsAndReadsAsync(page, "The report page with a withdrawn finding");
        await Settled.ScreenshotAsync(page, "community-report-finding-withdrawn-360.png");

        await using var scope = site.Factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<VartaDbContext>().Set<Finding>().AsNoTracking().SingleAsync(f => f.Id == finding);
        Assert.Equal(("Темні зупинки біля ринку і школи.", "Поліція уточнила дані.", 4), (row.Text, row.WithdrawnReason, row.Version));
        await page.Context.CloseAsync();
    }
}
