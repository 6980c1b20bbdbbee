using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>The audit log every module writes to. Records join the caller's unit of work.</summary>
public interface IAuditLog
{
    /// <summary>Queues a record; it is chained and stored by the next SaveChangesAsync, with the change it describes.</summary>
    AuditRecord Record(AuditRecord record);

    /// <summary>Takes back a queued record whose change will not be saved after all (a retried write).</summary>
    void Withdraw(AuditRecord queued);

    /// <summary>
    /// Records and stores at once, as a transaction of its own (reads of personal data, sign-in attempts).
    /// Nothing else queued in the caller's unit of work is saved with it.
    /// </summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

/// <remarks>The unit of work's context is resolved only when a record joins it, so that a standalone append costs no context.</remarks>
internal sealed class AuditLog(IServiceProvider services, ICurrentActor actor, TimeProvider clock, AuditChain chain,
    IOptions<DatabaseOptions> database) : IAuditLog
{
    private VartaDbContext Db => services.GetRequiredService<VartaDbContext>();

    public AuditRecord Record(AuditRecord record)
    {
        var queued = Complete(record);
        Db.QueueAudit(queued);
        return queued;
    }

    public void Withdraw(AuditRecord queued) => Db.WithdrawAudit(queued);

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
        chain.AppendAloneAsync(database.Value, Complete(record), cancellationToken);

    private AuditRecord Complete(AuditRecord record) => record with
    {
        ActorId = record.ActorId ?? actor.Id,
        ActorName = record.ActorName ?? actor.Name,
        OccurredAt = record.OccurredAt ?? clock.GetUtcNow(),
    };

    internal static AuditEntry ToEntry(AuditRecord record, long seq, long recordedUs) => new()
    {
        Seq = seq,
        OccurredAtUs = record.OccurredAt is { } at ? AuditHasher.ToMicros(at) : recordedUs,
        RecordedAtUs = recordedUs,
        ActorId = record.ActorId ?? "system",
        ActorName = record.ActorName ?? "system",
        Action = record.Action,
        Category = record.Category.ToString().ToLowerInvariant(),
        ResourceType = record.ResourceType,
        ResourceId = record.ResourceId,
        OrgUnitId = record.OrgUnitId?.ToString(),
        Reason = record.Reason,
        Details = record.Details,
    };
}
