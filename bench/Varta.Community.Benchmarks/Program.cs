using System.Diagnostics;
using Varta.Custody.Benchmarks;

namespace Varta.Community.Benchmarks;

internal static class CommunityBenchMain
{
    public static async Task<int> Main(string[] args)
    {
        CommunityBenchOptions options;
        try
        {
            options = CommunityBenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message == "help" ? CommunityBenchOptions.Usage : $"{e.Message}\n\n{CommunityBenchOptions.Usage}");
            return e.Message == "help" ? 0 : 2;
        }

        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        void Log(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");

        var ownWorkDir = options.WorkDir is null;
        var workDir = Path.GetFullPath(options.WorkDir ?? Path.Combine(Path.GetTempPath(), "varta-community-bench-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(workDir);
        Log($"work folder {workDir}");
        var machine = Machine.Describe(workDir);
        var results = new List<CommunityResult>();
        try
        {
            foreach (var database in options.Databases)
            {
                results.Add(await new CommunityRun(options, workDir, Log).RunAsync(database));
            }
        }
        finally
        {
            if (!options.Keep)
            {
                foreach (var sub in new[] { "sqlite", "postgres", "pg" }.Select(s => Path.Combine(workDir, s)).Where(Directory.Exists))
                {
                    Directory.Delete(sub, recursive: true);
                }

                if (ownWorkDir && !Directory.EnumerateFileSystemEntries(workDir).Any())
                {
                    Directory.Delete(workDir);
                }
            }
            else
            {
                Log($"kept {workDir} (rerun with --work-dir {workDir} --keep to reuse the data)");
            }
        }

        var report = CommunityReport.Build(options, machine, results, started, clock.Elapsed);
        var path = options.Report ?? Path.Combine(ProjectFolder(), "results", $"community-{started:yyyyMMdd-HHmmss}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report);
        Log($"report written to {path}");
        Console.WriteLine();
        Console.WriteLine(report);
        return 0;
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Varta.Community.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
