using System.ComponentModel;
using System.Diagnostics;

namespace Varta.Community.Tests.Forms;

/// <summary>
/// Runs a script of this folder under node with forms.js from the module's wwwroot. Missing node, a missing
/// file or a failing script throws: the parity test fails, it never skips.
/// </summary>
internal static class NodeRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string FormsJs => Path.Combine(RepositoryRoot, "src", "Modules", "Varta.Community", "wwwroot", "forms.js");

    public static async Task<string> RunAsync(string script, string input)
    {
        var scriptPath = Path.Combine(RepositoryRoot, "tests", "Varta.Community.Tests", "Forms", script);
        foreach (var file in new[] { scriptPath, FormsJs })
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing.");
            }
        }
        var work = Directory.CreateTempSubdirectory("varta-forms-parity-");
        try
        {
            var inputPath = Path.Combine(work.FullName, "input.json");
            var outputPath = Path.Combine(work.FullName, "output.json");
            await File.WriteAllTextAsync(inputPath, input);
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { scriptPath, FormsJs, inputPath, outputPath })
            {
                start.ArgumentList.Add(argument);
            }
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException($"Cannot run 'node' ({e.Message}): Node.js is needed to check forms.js against the C# engine (CI installs the nodejs package).", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using var cancel = new CancellationTokenSource(Timeout);
                try
                {
                    await process.WaitForExitAsync(cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new InvalidOperationException($"node {script} did not finish within {Timeout}.");
                }
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"node {script} failed with exit code {process.ExitCode}.\nstdout:\n{await output}\nstderr:\n{await error}");
                }
            }
            return await File.ReadAllTextAsync(outputPath);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "src", "Modules", "Varta.Community", "wwwroot", "forms.js")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds src/Modules/Varta.Community/wwwroot/forms.js.");
    }
}
