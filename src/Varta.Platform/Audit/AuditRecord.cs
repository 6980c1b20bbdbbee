namespace Varta.Platform.Audit;

/// <summary>What a module tells the audit log: who did what to which resource, when, and why.</summary>
public sealed record AuditRecord
{
    /// <summary>Dotted verb, e.g. "custody.record.read", "auth.sign-in.failed".</summary>
    public required string Action { get; init; }

    public AuditCategory Category { get; init; } = AuditCategory.Write;

    public string? ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public Guid? OrgUnitId { get; init; }

    public string? Reason { get; init; }

    /// <summary>Small JSON object with the facts worth keeping (never a password or a secret).</summary>
    public string? Details { get; init; }

    /// <summary>When it happened, as the person says; defaults to when it was recorded.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Overrides the current actor (sign-in attempts, devices).</summary>
    public string? ActorId { get; init; }

    public string? ActorName { get; init; }
}

public enum AuditCategory
{
    Write,
    Read,
    Auth,
    Admin,
    Device,
}
