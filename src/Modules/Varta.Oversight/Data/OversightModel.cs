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
        b.Entity<Grant>(e =>
        {
            e.ToTable("oversight_grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.GranteeName).HasMaxLength(200).IsRequired();
            e.Property(g => g.Body).HasMaxLength(40).IsRequired();
            e.Property(g => g.Purpose).HasMaxLength(2000).IsRequired();
            e.Property(g => g.RevokedBy).HasMaxLength(200);
            e.Property(g => g.RevokeReason).HasMaxLength(2000);
            e.Property(g => g.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => g.GranteeUserId);
            e.HasIndex(g => g.ScopeUnitId);
        });
        b.Entity<GranteeView>(e =>
        {
            e.ToTable("oversight_grantee_views");
            e.HasKey(v => v.Id);
            e.Property(v => v.RecordNumber).HasMaxLength(60);
            e.Property(v => v.What).HasMaxLength(40).IsRequired();
            e.HasIndex(v => new { v.FacilityId, v.ViewedAt });
            e.HasIndex(v => v.GrantId);
        });
        b.Entity<Visit>(e =>
        {
            e.ToTable("oversight_visits");
            e.HasKey(v => v.Id);
            e.Property(v => v.MonitorName).HasMaxLength(200).IsRequired();
            e.Property(v => v.Summary).HasMaxLength(4000);
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasIndex(v => v.GrantId);
        });
        b.Entity<VisitLine>(e =>
        {
            e.ToTable("oversight_visit_lines");
            e.HasKey(l => l.Id);
            e.Property(l => l.RecordNumber).HasMaxLength(60);
            e.Property(l => l.PersonName).HasMaxLength(400).IsRequired();
            e.Property(l => l.RegisteredCell).HasMaxLength(40);
            e.Property(l => l.Result).HasMaxLength(20).IsRequired();
            e.Property(l => l.FoundCell).HasMaxLength(40);
            e.Property(l => l.Note).HasMaxLength(2000);
            e.HasIndex(l => new { l.VisitId, l.Order });
        });
        b.Entity<FootageRequest>(e =>
        {
            e.ToTable("oversight_footage_requests");
            e.HasKey(f => f.Id);
            e.Property(f => f.CameraCode).HasMaxLength(100).IsRequired();
            e.Property(f => f.Reason).HasMaxLength(2000).IsRequired();
            e.Property(f => f.Status).HasMaxLength(20).IsRequired();
            e.Property(f => f.DecidedBy).HasMaxLength(200);
            e.Property(f => f.DecisionNote).HasMaxLength(2000);
            e.Property(f => f.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasIndex(f => new { f.FacilityId, f.RecordedAt });
        });
        b.Entity<ReviewCursor>(e =>
        {
            e.ToTable("oversight_review_cursor");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
        });
    }
}
