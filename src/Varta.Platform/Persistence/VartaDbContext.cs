using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;

namespace Varta.Platform.Persistence;

/// <summary>
/// The one EF Core model of Varta. Platform tables are configured here; modules add theirs through
/// <see cref="IModelContributor"/>. Audit records queued during a unit of work are chained and written in
/// the same transaction as the change they describe.
/// </summary>
public sealed class VartaDbContext(
    DbContextOptions<VartaDbContext> options,
    IEnumerable<IModelContributor> contributors,
    AuditChain auditChain,
    ICurrentActor? actor = null) : IdentityDbContext<VartaUser, IdentityRole<Guid>, Guid>(options)
{
    private readonly List<AuditRecord> _pendingAudit = [];

    /// <summary>Who is acting in this context's scope; rows it adds are stamped with that name.</summary>
    internal ICurrentActor Actor { get; } = actor ?? SystemActor.Instance;

    internal DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    internal DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    internal DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    internal DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    private readonly List<Action> _afterCommit = [];

    internal void QueueAudit(AuditRecord record) => _pendingAudit.Add(record);

    /// <summary>
    /// Runs <paramref name="callback"/> once the next audited save has committed, while the audit chain's
    /// writer lock is still held: callbacks of successive saves run in commit (and so sequence-number) order.
    /// Keep it short and non-blocking (enqueue work, do not do it). Dropped if the save fails.
    /// </summary>
    public void AfterCommit(Action callback) => _afterCommit.Add(callback);

    internal List<Action> AfterCommitCallbacks => _afterCommit;

    internal void WithdrawAudit(AuditRecord record) => _pendingAudit.Remove(record);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_pendingAudit.Count == 0)
        {
            if (ChangeTracker.Entries<ISequenced>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException("Feed rows are numbered in commit order only when saved with an audit record.");
            }

            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return await auditChain.SaveWithAuditAsync(
            this, _pendingAudit, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_pendingAudit.Count > 0)
        {
            throw new InvalidOperationException("Audited changes must be saved with SaveChangesAsync.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityModel.Configure(builder);
        OrgUnit.Configure(builder);
        AuditEntry.Configure(builder);
        AuditCheckpoint.Configure(builder);
        foreach (var contributor in contributors)
        {
            contributor.Configure(builder);
        }
    }
}
