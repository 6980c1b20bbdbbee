using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Varta.Platform.Identity;

/// <summary>
/// Tells this host's open sessions — interactive pages and hub connections — that a user's access changed
/// (deactivated, roles changed, password or second factor changed: anything that renews the security stamp), so
/// that they re-check at once instead of at their next periodic check.
/// </summary>
internal sealed class UserChanges(PrincipalValidator validator)
{
    /// <summary>Raised after the change is committed, with the user's id. Handlers must be quick and must not throw.</summary>
    public event Action<Guid>? Changed;

    internal void Publish(IEnumerable<Guid> users)
    {
        foreach (var user in users.Distinct())
        {
            validator.Forget(user);
            Changed?.Invoke(user);
        }
    }
}

/// <summary>
/// Finds, in every save, the users whose access changed, and publishes them once that is committed: at the end of
/// the save, or — when the save ran inside a transaction (the audit chain's) — when the transaction commits.
/// </summary>
internal sealed class UserChangeInterceptor(UserChanges changes) : SaveChangesInterceptor
{
    internal readonly ConditionalWeakTable<DbContext, List<Guid>> Pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    internal void Committed(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var users))
        {
            Pending.Remove(context);
            changes.Publish(users);
        }
    }

    internal void Drop(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var users = context.ChangeTracker.Entries<VartaUser>()
            .Where(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified
                && (e.Property(u => u.SecurityStamp).IsModified || e.Property(u => u.IsActive).IsModified)))
            .Select(e => e.Entity.Id)
            .Concat(context.ChangeTracker.Entries<RoleAssignment>()
                .Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
                .Select(e => e.Entity.UserId))
            .ToList();
        if (users.Count > 0)
        {
            var pending = Pending.GetOrCreateValue(context);
            pending.AddRange(users);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }
}

/// <summary>The commit (or rollback) of a transaction that held a change of a user's access.</summary>
internal sealed class UserChangeCommitInterceptor(UserChangeInterceptor saves) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => saves.Committed(eventData.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => saves.Drop(eventData.Context);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.Drop(eventData.Context);
        return Task.CompletedTask;
    }
}
