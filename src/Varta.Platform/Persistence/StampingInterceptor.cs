using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Varta.Platform.Persistence;

/// <summary>Stamps new <see cref="IStamped"/> rows with the clock's now and the acting user, new <see cref="ICreateStamped"/> rows with
/// the clock's now, and new or changed <see cref="IUpdateStamped"/> rows with the clock's now, in one place.</summary>
/// <remarks>A singleton: the acting user comes from the context being saved, which belongs to one scope.</remarks>
internal sealed class StampingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var actor = (context as VartaDbContext)?.Actor.Name ?? "system";

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<IStamped>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.RecordedAt = now;
                if (string.IsNullOrEmpty(entry.Entity.RecordedBy))
                {
                    entry.Entity.RecordedBy = actor;
                }
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<ICreateStamped>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<IUpdateStamped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
