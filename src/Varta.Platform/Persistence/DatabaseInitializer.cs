using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Varta.Platform.Demo;
using Varta.Platform.Organisation;

namespace Varta.Platform.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Creates the database, applies migrations, loads the organisation tree and seeds the demo when asked.</summary>
    public static async Task InitializeVartaAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var configuration = app.Configuration;
        var seedDemo = configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (seedDemo && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Refusing to seed demo accounts in Production. Set Demo__Seed=false.");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
            string? file = null;
            var dataSource = db.Database.IsSqlite() ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource : "";
            if (dataSource is { Length: > 0 } and not ":memory:")
            {
                // The database holds people's records: its folder and files are the service account's alone. SQLite gives
                // the WAL and shared-memory files the database file's mode, so the file is made 0600 before SQLite opens it.
                file = Path.GetFullPath(dataSource);
                PrivateFiles.EnsureFolder(Path.GetDirectoryName(file)!);
                if (!File.Exists(file))
                {
                    PrivateFiles.WriteText(file, "");
                }

                PrivateFiles.Restrict(file, file + "-wal", file + "-shm");
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                if (file is not null)
                {
                    PrivateFiles.Restrict(file, file + "-wal", file + "-shm");
                }
            }
        }

        if (seedDemo)
        {
            foreach (var seeder in app.Services.GetServices<IDemoSeeder>())
            {
                await using var scope = app.Services.CreateAsyncScope();
                await seeder.SeedAsync(scope.ServiceProvider, cancellationToken);
            }
        }

        await app.Services.GetRequiredService<OrgDirectory>().ReloadAsync(cancellationToken);
        foreach (var task in app.Services.GetServices<IStartupTask>())
        {
            await using var scope = app.Services.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
