using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Varta.Platform.Persistence;

/// <summary>The one EF Core model on SQLite or PostgreSQL, with its interceptors.</summary>
internal static class PersistenceSetup
{
    public static void AddVartaPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddSingleton<StampingInterceptor>();

        // Options are built once (singleton), not per scope: every interceptor is a singleton.
        services.AddDbContext<VartaDbContext>((sp, options) =>
        {
            if (database.IsPostgres)
            {
                options.UseNpgsql(WithAutoPrepare(database.ConnectionString), o => o.MigrationsAssembly("Varta.Migrations.Postgres"));
            }
            else
            {
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly("Varta.Migrations.Sqlite"));
                options.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
            }

            options.AddInterceptors(sp.GetRequiredService<StampingInterceptor>(), sp.GetRequiredService<Identity.UserChangeInterceptor>(),
                sp.GetRequiredService<Identity.UserChangeCommitInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
    }

    /// <summary>
    /// Statements a connection runs again and again (a flashcard queue, a signal's device lookup) are prepared on the
    /// server after a few uses, so PostgreSQL parses and plans them once per connection rather than per call. A
    /// connection string that sets <c>Max Auto Prepare</c> itself (0 turns it off) is left as it is.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);

        // Keywords as written ("Max Auto Prepare", "MaxAutoPrepare", any case): the typed builder reports defaults as set.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal));
        if (!written.Contains("MaxAutoPrepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        return builder.ConnectionString;
    }
}
