using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Varta.Benchmarks;

/// <summary>The whole audit run: appends (platform vs raw), batched appends, chain build, verification, profile.</summary>
internal static class AuditBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var folder = Path.Combine(Path.GetFullPath(options.Dir), "varta-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        Console.WriteLine($"temporary folder: {folder}");
        var total = Stopwatch.StartNew();
        try
        {
            var report = new Report(options, MachineInfo.Collect(folder)) { LoadBefore = MachineInfo.LoadAverage() };
            await using (var host = await BenchHost.CreateAsync(folder))
            {
                report.PlatformDurability = await host.DurabilityAsync();
                using var raw = RawSqliteWriter.Create(Path.Combine(folder, "raw.db"), AuditTableDdl(host.ConnectionString));
                report.RawDurability = raw.Durability();
                Console.WriteLine($"platform: journal_mode={report.PlatformDurability.JournalMode}, synchronous={report.PlatformDurability.Synchronous}; " +
                    $"raw: journal_mode={report.RawDurability.JournalMode}, synchronous={report.RawDurability.Synchronous}");
                if (report.PlatformDurability != ("wal", 2) || report.RawDurability != ("wal", 2))
                {
                    throw new InvalidOperationException("expected WAL and synchronous=FULL (2) on both paths");
                }

                var appends = new AppendBenchmarks(host, options, await host.ChainLengthAsync());
                await appends.RunSinglesAsync(raw);
                await appends.RunBatchedAsync();
                report.Appends = appends;

                // After the timed appends, so that tiered JIT has settled and does not bill its compiles to a stage.
                if (options.Profile)
                {
                    var appendProfile = new AppendProfile(host, options.Appends);
                    await appendProfile.RunAsync();
                    report.AppendProfile = appendProfile;
                    appends.ChainLength = await host.ChainLengthAsync();
                }

                report.ChainLength = appends.ChainLength;
                if (!options.AppendsOnly)
                {
                    await VerifyAsync(host, options, appends, report);
                }
            }

            report.Elapsed = total.Elapsed;
            report.LoadAfter = MachineInfo.LoadAverage();
            var markdown = report.ToMarkdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (options.Out is { } path)
            {
                await File.WriteAllTextAsync(path, markdown);
                Console.WriteLine($"report written to {path}");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"kept {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task VerifyAsync(BenchHost host, BenchOptions options, AppendBenchmarks appends, Report report)
    {
        Console.WriteLine($"building the chain to {options.Chain:N0} entries");
        await appends.FillAsync(options.Chain);
        report.ChainLength = appends.ChainLength;
        report.DatabaseBytes = new FileInfo(host.DatabasePath).Length +
            (File.Exists(host.DatabasePath + "-wal") ? new FileInfo(host.DatabasePath + "-wal").Length : 0);

        var verify = new VerifyBenchmarks(host, options);
        await verify.RunAsync(appends.ChainLength);
        report.Verify = verify;

        if (options.Profile)
        {
            var profile = new VerifyProfile(host);
            profile.Run(Math.Min(options.ProfileRows ?? 300_000, appends.ChainLength));
            report.Profile = profile;
        }
    }

    /// <summary>The audit table and its indexes exactly as the migration created them.</summary>
    private static List<string> AuditTableDdl(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'platform_audit_entries' AND sql IS NOT NULL ORDER BY type DESC";
        using var reader = command.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            statements.Add(reader.GetString(0));
        }

        return statements;
    }
}
