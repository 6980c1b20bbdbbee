using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Varta.Training.Tests.Scheduling;

/// <summary>
/// Runs the reference implementation (ts-fsrs 5, under node) over a file of histories. The package is
/// installed once into a folder under the temp path and reused. Anything missing makes the caller fail
/// with the reason: this oracle never turns into a silent pass.
/// </summary>
internal static class NodeOracle
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public static string PackageFolder { get; } = Path.Combine(Path.GetTempPath(), "varta-ts-fsrs-5");

    /// <summary>Writes <paramref name="input"/> as JSON, replays it in node and returns the parsed output.</summary>
    public static async Task<JsonDocument> RunAsync(object input)
    {
        await EnsureInstalledAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Scheduling", "oracle.mjs");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"The oracle script was not copied to the test output: {script} is missing.");
        }
        // Beside its node_modules, so that the script's `import 'ts-fsrs'` finds the installed package.
        File.Copy(script, Path.Combine(PackageFolder, "oracle.mjs"), overwrite: true);

        var work = Directory.CreateTempSubdirectory("varta-fsrs-oracle-");
        try
        {
            var inputPath = Path.Combine(work.FullName, "input.json");
            var outputPath = Path.Combine(work.FullName, "output.json");
            await File.WriteAllTextAsync(inputPath, JsonSerializer.Serialize(input));
            await RunToolAsync("node", ["oracle.mjs", inputPath, outputPath], RunTimeout,
                "node is needed to run the ts-fsrs reference (CI installs the nodejs package with apt)");
            return JsonDocument.Parse(await File.ReadAllTextAsync(outputPath));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        Directory.CreateDirectory(PackageFolder);
        if (InstalledVersion()?.StartsWith("5.", StringComparison.Ordinal) == true)
        {
            return;
        }
        // A package.json of its own keeps npm from installing into some parent folder's project.
        var manifest = Path.Combine(PackageFolder, "package.json");
        if (!File.Exists(manifest))
        {
            await File.WriteAllTextAsync(manifest, """{ "name": "varta-fsrs-oracle", "private": true }""");
        }
        await RunToolAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["install", "--no-audit", "--no-fund", "ts-fsrs@5"], InstallTimeout,
            "npm is needed to install the ts-fsrs reference (CI installs the nodejs and npm packages with apt)");
        var installed = InstalledVersion();
        if (installed?.StartsWith("5.", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"npm finished but ts-fsrs 5 is not in {PackageFolder} (found: {installed ?? "nothing"}).");
        }
    }

    private static string? InstalledVersion()
    {
        var path = Path.Combine(PackageFolder, "node_modules", "ts-fsrs", "package.json");
        if (!File.Exists(path))
        {
            return null;
        }
        using var package = JsonDocument.Parse(File.ReadAllText(path));
        return package.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }

    private static async Task RunToolAsync(string tool, string[] arguments, TimeSpan timeout, string whyNeeded)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = PackageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run '{tool}': {e.Message}. {whyNeeded}.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"'{tool} {string.Join(' ', arguments)}' did not finish within {timeout}.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{tool} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode} in {PackageFolder}. {whyNeeded}.\n"
                    + $"stdout:\n{await output}\nstderr:\n{await error}");
            }
        }
    }
}
