using Microsoft.EntityFrameworkCore;

namespace Varta.Platform.Audit;

/// <summary>
/// One link of the hash chain. Instants are kept as whole microseconds since the Unix epoch so that
/// every provider stores, and every verifier hashes, exactly the same value.
/// </summary>
internal sealed class AuditEntry
{
    public long Seq { get; set; }

    public long OccurredAtUs { get; set; }

    public long RecordedAtUs { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string Action { get; set; } = "";

    public string Category { get; set; } = "";

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public string? OrgUnitId { get; set; }

    public string? Reason { get; set; }

    public string? Details { get; set; }

    public byte[] Hash { get; set; } = [];

    public static void Configure(ModelBuilder builder) => builder.Entity<AuditEntry>(e =>
    {
        e.ToTable("platform_audit_entries");
        e.HasKey(a => a.Seq);
        e.Property(a => a.Seq).ValueGeneratedNever();
        e.Property(a => a.ActorId).HasMaxLength(100).IsRequired();
        e.Property(a => a.ActorName).HasMaxLength(200).IsRequired();
        e.Property(a => a.Action).HasMaxLength(100).IsRequired();
        e.Property(a => a.Category).HasMaxLength(16).IsRequired();
        e.Property(a => a.ResourceType).HasMaxLength(60);
        e.Property(a => a.ResourceId).HasMaxLength(100);
        e.Property(a => a.OrgUnitId).HasMaxLength(40);
        e.Property(a => a.Reason).HasMaxLength(2000);
        e.Property(a => a.Hash).IsRequired();
        e.HasIndex(a => new { a.ResourceType, a.ResourceId });
        e.HasIndex(a => a.ActorId);
    });
}

/// <summary>A signed tree head, kept so that a later truncation or rewrite of the chain is detectable.</summary>
internal sealed class AuditCheckpoint
{
    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];

    public byte[] Signature { get; set; } = [];

    public long SignedAtUs { get; set; }

    public static void Configure(ModelBuilder builder) => builder.Entity<AuditCheckpoint>(e =>
    {
        e.ToTable("platform_audit_checkpoints");
        e.HasKey(c => c.TreeSize);
        e.Property(c => c.TreeSize).ValueGeneratedNever();
    });
}
