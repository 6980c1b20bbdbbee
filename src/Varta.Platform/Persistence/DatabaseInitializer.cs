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
            if (db.Database.IsSqlite())
            {
                var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
                var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
    }
}
