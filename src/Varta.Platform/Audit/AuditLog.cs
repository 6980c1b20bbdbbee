using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>The audit log every module writes to. Records join the caller's unit of work.</summary>
public interface IAuditLog
{
    /// <summary>Queues a record; it is chained and stored by the next SaveChangesAsync, with the change it describes.</summary>
    AuditRecord Record(AuditRecord record);

    /// <summary>Takes back a queued record whose change will not be saved after all (a retried write).</summary>
    void Withdraw(AuditRecord queued);

    /// <summary>Records and saves at once (reads of personal data, sign-in attempts).</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

internal sealed class AuditLog(VartaDbContext db, ICurrentActor actor, TimeProvider clock) : IAuditLog
{
    public AuditRecord Record(AuditRecord record)
    {
        var queued = record with
        {
            ActorId = record.ActorId ?? actor.Id,
            ActorName = record.ActorName ?? actor.Name,
            OccurredAt = record.OccurredAt ?? clock.GetUtcNow(),
        };
        db.QueueAudit(queued);
        return queued;
    }

    public void Withdraw(AuditRecord queued) => db.WithdrawAudit(queued);

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        Record(record);
        await db.SaveChangesAsync(cancellationToken);
    }

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
