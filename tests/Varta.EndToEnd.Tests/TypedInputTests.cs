using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// Typing into a form the moment it appears. Pages are prerendered and then replaced by their interactive render;
/// whatever was typed into the prerendered copy used to be wiped (a surname stored as "ьник" for "Мельник"). The
/// platform keeps a page's controls disabled until it is live, so the keystrokes wait instead of getting lost.
/// </summary>
public sealed class TypedInputTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Typed = "Мельник";

    public static TheoryData<string, string, string> Forms => new()
    {
        // user, page, the field typed into (a label or a CSS selector starting with '#')
        { "custody.officer", "/custody/book-in", "#surname" },
        { "custody.officer", "/custody/search", "#q" },
        { "custody.officer", "record", "#video-camera" },
        { "custody.officer", "record", "#close-groundsDetail" },
        { "admin", "/custody/facilities", "Камера" },
        { "admin", "/admin/users", "Ім'я користувача" },
        { "admin", "/alarms/devices", "Назва" },
        { "judge", "/alarms/medical", "Алергії" },
        { "dispatcher", "/alarms/duty", "Дата початку" },
        { "admin", "/alarms/arming", "Дата" },
        { "rights.inspector", "review-item", "Що виявлено" },
        { "admin", "/oversight/grants", "#grant-purpose" },
        { "rights.inspector", "/oversight/footage", "#footage-reason" },
        { "admin", $"/custody/facilities/{Platform.Demo.DemoData.DetentionFacility1}/cameras", "#camera-room" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Text_typed_at_once_after_opening_a_form_is_kept(string user, string path, string field)
    {
        var page = await Circuit.NewPageAsync(site);
        await BrowserSite.SignInAsync(page, user);
        if (path == "record")
        {
            path = await RecordPathAsync(page);
        }
        else if (path == "review-item")
        {
            path = await ReviewItemPathAsync(page);
        }

        // No waiting for the page to become interactive: the person starts typing as soon as the field shows.
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        var input = field.StartsWith('#') ? page.Locator(field) : page.GetByLabel(field).First;
        var text = await input.GetAttributeAsync("inputmode") is "decimal" ? "26.11.2026" : Typed;
        await input.FillAsync(text);

        await Circuit.WaitAsync(page);
        await Expect(input).ToBeEnabledAsync();
        await Expect(input).ToHaveValueAsync(text);
        await Expect(page.GetByTestId("page-starting")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>An open item of the review queue (the demo records' alerts fill it when the host starts).</summary>
    private static async Task<string> ReviewItemPathAsync(IPage page)
    {
        await Circuit.GotoAsync(page, "/oversight/queue");
        return (await page.GetByTestId("queue").First.Locator("tbody a[href^='/oversight/queue/']").First.GetAttributeAsync("href"))!;
    }

    private static async Task<string> RecordPathAsync(IPage page)
    {
        await Circuit.GotoAsync(page, "/custody/board");
        var link = page.GetByTestId("board").Locator("tbody tr", new() { HasText = "Тестова Марина Іванівна" }).Locator("a").First;
        return (await link.GetAttributeAsync("href"))!;
    }
}
