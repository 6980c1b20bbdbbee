using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Data;

internal sealed class OversightModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<ReviewItem>(e =>
        {
            e.ToTable("oversight_review_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.RecordNumber).HasMaxLength(60).IsRequired();
            e.Property(i => i.Rule).HasMaxLength(40).IsRequired();
            e.Property(i => i.SourceKind).HasMaxLength(40).IsRequired();
            e.Property(i => i.Detail).HasMaxLength(60);
            e.Property(i => i.Status).HasMaxLength(20).IsRequired();
            e.Property(i => i.Conclusion).HasMaxLength(20);
            e.Property(i => i.ClosingNote).HasMaxLength(2000);
            e.Property(i => i.ClosedBy).HasMaxLength(200);
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.Rule, i.SourceId }).IsUnique();
            e.HasIndex(i => new { i.Status, i.FacilityId, i.QueuedAt });
            // Reports: items queued and closed in a period, per facility.
            e.HasIndex(i => new { i.FacilityId, i.QueuedAt });
            e.HasIndex(i => new { i.FacilityId, i.ClosedAt });
        });
        b.Entity<Finding>(e =>
        {
            e.ToTable("oversight_findings");
            e.HasKey(f => f.Id);
            e.Property(f => f.ViolationType).HasMaxLength(40).IsRequired();
            e.Property(f => f.Text).HasMaxLength(4000).IsRequired();
            e.Property(f => f.Recommendation).HasMaxLength(4000);
            e.Property(f => f.Responsible).HasMaxLength(200);
            e.Property(f => f.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(f => f.ActedNote).HasMaxLength(4000);
            e.Property(f => f.ActedRecordedBy).HasMaxLength(200);
            e.HasIndex(f => f.ItemId);
            e.HasIndex(f => f.RecordedAt); // reports: findings recorded and acted on in a period
            e.HasIndex(f => f.ActedAt);
        });
        b.Entity<ReviewCursor>(e =>
        {
            e.ToTable("oversight_review_cursor");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
        });
    }
}
