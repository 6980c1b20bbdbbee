using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Varta.Platform.Persistence;
using Varta.Testing;
using static Microsoft.Playwright.Assertions;

namespace Varta.EndToEnd.Tests;

/// <summary>Steps the training page tests share: people, answering a test as a learner would, and the checks every page passes.</summary>
internal static partial class TrainingSteps
{
    public const string Course = "court-security-basics";

    public static readonly string[] Lessons = ["duress-alarms", "threat-reporting", "first-aid-and-aed"];

    /// <summary>A new user with one role and a name of their own; waived the second factor, as the demo accounts are.</summary>
    public static async Task<string> PersonAsync(BrowserSite site, string role, Guid scope, string displayName)
    {
        var (id, username) = await site.Factory.CreateUserAsync(role, scope);
        await using var services = site.Factory.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<VartaDbContext>();
        var user = (await db.Users.FindAsync(id))!;
        user.TwoFactorExempt = true;
        user.DisplayName = displayName;
        await db.SaveChangesAsync();
        return username;
    }

    /// <summary>Answers every question of the attempt page as the answer key says, with the page's own inputs.</summary>
    public static async Task AnswerAsync(IPage page, IReadOnlyList<RightAnswer> answers)
    {
        foreach (var a in answers)
        {
            var question = page.GetByTestId($"question-{a.Slot}");
            switch (a.Kind)
            {
                case "single" or "truefalse" or "multiple":
                    foreach (var index in a.Selected)
                    {
                        await question.Locator($"#q-{a.Slot}-{index}").CheckAsync();
                    }

                    break;
                case "matching":
                    foreach (var (left, right) in a.Matches)
                    {
                        await question.Locator($"#q-{a.Slot}-m-{left}").SelectOptionAsync(new SelectOptionValue { Value = right });
                    }

                    break;
                default:
                    var field = question.Locator($"#q-{a.Slot}-text");
                    await field.FillAsync(a.Text!);
                    await field.PressAsync("Tab");
                    break;
            }
        }
    }

    /// <summary>The study plan's forecast chart has loaded as a picture (not its alternative text in a broken frame).</summary>
    public static async Task ChartShownAsync(IPage page)
    {
        var chart = page.GetByTestId("forecast-chart");
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await chart.EvaluateAsync<int>("i => i.naturalWidth") > 0, "The forecast chart did not load.");
    }

    /// <summary>Nothing wider than the screen, and no text key shown instead of words.</summary>
    public static async Task FitsAndReadsAsync(IPage page, string what)
    {
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        var width = await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1], $"{what} is {width[0]} px wide on a {width[1]} px screen.");
        var text = await page.Locator("body").InnerTextAsync();
        var key = TextKey().Match(text);
        Assert.False(key.Success, $"{what} shows the text key \"{key.Value}\" instead of words.");
    }

    /// <summary>A text key as the catalogues name them ("training.review.title"), not a sentence ending in "training.".</summary>
    [GeneratedRegex(@"\b(training|problem|form|field|role|nav)\.[a-z][a-z0-9-]*")]
    private static partial Regex TextKey();
}
