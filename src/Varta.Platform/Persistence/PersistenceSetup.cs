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
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly("Varta.Migrations.Postgres"));
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
}
