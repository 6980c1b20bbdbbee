using Microsoft.Playwright;

namespace Varta.EndToEnd.Tests;

/// <summary>Keeps a screenshot of each key page in artifacts/screenshots at the repository root.</summary>
internal static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() => ArtifactsFolder("screenshots"));

    /// <summary>A folder under artifacts/ at the repository root (screenshots, measurements), created if missing.</summary>
    public static string ArtifactsFolder(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Varta.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"No Varta.slnx above {AppContext.BaseDirectory}.");
        }

        var folder = Path.Combine(dir.FullName, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task SaveAsync(IPage page, string name)
    {
        // Fonts and layout settle before the picture, so it shows what a person would see.
        await page.EvaluateAsync("document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder.Value, name), FullPage = true });
    }
}
