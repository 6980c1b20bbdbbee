using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;
using Varta.Migrations;

namespace Varta.Migrations.Postgres;

/// <summary>Lets 'dotnet ef migrations add' build the model for this provider without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VartaDbContext>
{
    public VartaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<VartaDbContext>();
        options.UseNpgsql("Host=127.0.0.1;Database=design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name));
        return new VartaDbContext(options.Options, DesignTimeModels.All, new AuditChain(TimeProvider.System));
    }
}
