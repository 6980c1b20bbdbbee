using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varta.Platform;
using Varta.Platform.Persistence;

namespace Varta.Benchmarks;

/// <summary>
/// The real platform services (AddVartaPlatform) over a private SQLite file, migrated and switched to WAL by
/// InitializeVartaAsync as the host does at start-up. The web server and hosted services are never started.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, string folder, string databasePath)
    {
        App = app;
        Folder = folder;
        DatabasePath = databasePath;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string Folder { get; }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public static async Task<BenchHost> CreateAsync(string folder)
    {
        var databasePath = Path.Combine(folder, "varta.db");

        // The migrations assembly also carries the modules' tables, which a platform-only model does not have, so
        // EF Core would refuse to migrate ("pending model changes"). A first host, told to ignore that, migrates and
        // switches to WAL; the measured host is then the platform exactly as registered, with nothing added.
        await using (var migrator = Build(folder, databasePath, ignorePendingModelChanges: true))
        {
            await migrator.InitializeVartaAsync();
        }

        return new BenchHost(Build(folder, databasePath, ignorePendingModelChanges: false), folder, databasePath);
    }

    private static WebApplication Build(string folder, string databasePath, bool ignorePendingModelChanges)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = folder,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseOptions.Sqlite,
            ["Database:ConnectionString"] = $"Data Source={databasePath}",
            ["Demo:Seed"] = "false",
            ["Audit:CheckpointKeyPath"] = Path.Combine(folder, "keys", "checkpoint.pem"),
            ["Auth:SigningKeyPath"] = Path.Combine(folder, "keys", "token.key"),
        });
        builder.Services.AddVartaPlatform(builder.Configuration, builder.Environment);
        if (ignorePendingModelChanges)
        {
            builder.Services.ConfigureDbContext<VartaDbContext>(o =>
                o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        }

        return builder.Build();
    }

    /// <summary>journal_mode and synchronous as a platform connection sees them (after the pragma interceptor ran).</summary>
    public async Task<(string JournalMode, long Synchronous)> DurabilityAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var sync = (long)(await command.ExecuteScalarAsync())!;
            return (mode, sync);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<long> ChainLengthAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VartaDbContext>().AuditEntries.LongCountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
