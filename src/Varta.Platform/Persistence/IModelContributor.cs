using Microsoft.EntityFrameworkCore;

namespace Varta.Platform.Persistence;

/// <summary>
/// A module adds its tables to the one Varta model through this. Table names carry the module prefix
/// (custody_, alarms_) because SQLite has no schemas.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
