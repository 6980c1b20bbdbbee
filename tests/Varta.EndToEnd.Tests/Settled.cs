using Microsoft.Playwright;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// A screenshot of the page as a person arriving at it sees it: scrolled to the top, tables scrolled to their
/// first column, and the pointer off any control (so nothing shows its hover colour). Clicking a button at the
/// end of a wide table scrolls the table sideways, which would otherwise hide the first columns in the picture.
/// </summary>
internal static class Settled
{
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => { document.querySelectorAll('.table-wrap').forEach(w => w.scrollLeft = 0); window.scrollTo(0, 0); }");
        await Screenshots.SaveAsync(page, name);
    }
}
