namespace Varta.EndToEnd.Tests;

/// <summary>
/// The system Chromium: VARTA_CHROMIUM, else the first <c>chromium</c> on PATH. Playwright's own browser
/// download is never used (the build machines have no internet). Missing Chromium fails loudly, so a
/// machine without it can never report these tests as passed.
/// </summary>
internal static class Chromium
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("VARTA_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"VARTA_CHROMIUM points to '{configured}', which does not exist.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "Chromium was not found: the browser tests need it. Install it (Debian/Ubuntu: apt-get install -y chromium) " +
            "or set VARTA_CHROMIUM to the browser's path. Do not run 'playwright install'.");
    }
}
