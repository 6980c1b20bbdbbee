using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Community.Data;

internal sealed class CommunityModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Territory>(e =>
        {
            e.ToTable("community_territories");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(19);
            e.Property(t => t.Category).HasMaxLength(1).IsRequired();
            e.Property(t => t.Level).HasMaxLength(12).IsRequired();
            e.Property(t => t.Name).HasMaxLength(200).IsRequired();
            e.Property(t => t.ParentCode).HasMaxLength(19);
            e.Property(t => t.OblastCode).HasMaxLength(19).IsRequired();
            e.Property(t => t.HromadaCode).HasMaxLength(19);
            e.HasIndex(t => t.ParentCode);
            e.HasIndex(t => new { t.OblastCode, t.Level });
            e.HasIndex(t => t.Name);
        });
        b.Entity<TerritoryImport>(e =>
        {
            e.ToTable("community_territory_imports");
            e.HasKey(i => i.Id);
            e.Property(i => i.FileName).HasMaxLength(200).IsRequired();
            e.Property(i => i.Details).IsRequired();
            e.Property(i => i.RecordedBy).HasMaxLength(200).IsRequired();
        });
        b.Entity<PopulationCell>(e =>
        {
            e.ToTable("community_population");
            e.HasKey(p => new { p.HromadaCode, p.Year, p.Sex, p.AgeGroup });
            e.Property(p => p.HromadaCode).HasMaxLength(19);
            e.Property(p => p.Sex).HasMaxLength(1);
            e.Property(p => p.AgeGroup).HasMaxLength(10);
        });
        b.Entity<Survey>(e =>
        {
            e.ToTable("community_surveys");
            e.HasKey(s => s.Id);
            e.Property(s => s.TerritoryCode).HasMaxLength(19).IsRequired();
            e.Property(s => s.Title).HasMaxLength(300).IsRequired();
            e.Property(s => s.FormId).HasMaxLength(100).IsRequired();
            e.Property(s => s.FormVersion).HasMaxLength(100);
            e.Property(s => s.Status).HasMaxLength(10).IsRequired();
            e.Property(s => s.PublicToken).HasMaxLength(40);
            e.HasIndex(s => s.PublicToken).IsUnique();
            e.Property(s => s.ConsentUk).HasMaxLength(4000);
            e.Property(s => s.ConsentEn).HasMaxLength(4000);
            e.Property(s => s.FormJson).IsRequired();
            e.Property(s => s.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => new { s.UnitId, s.Status });
        });
        b.Entity<SurveyResponse>(e =>
        {
            e.ToTable("community_responses");
            e.HasKey(r => r.Id);
            e.Property(r => r.Channel).HasMaxLength(12).IsRequired();
            e.Property(r => r.HromadaCode).HasMaxLength(19).IsRequired();
            e.Property(r => r.OblastCode).HasMaxLength(19).IsRequired();
            e.Property(r => r.Sex).HasMaxLength(1);
            e.Property(r => r.AgeGroup).HasMaxLength(10);
            e.Property(r => r.Answers).IsRequired();
            e.HasIndex(r => new { r.SurveyId, r.ClientId }).IsUnique(); // a resend is stored once
            e.HasIndex(r => new { r.SurveyId, r.OblastCode, r.HromadaCode, r.Sex, r.AgeGroup });
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ResponseAnswer>(e =>
        {
            e.ToTable("community_answers");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Question).HasMaxLength(100).IsRequired();
            e.Property(a => a.Value).HasMaxLength(100).IsRequired();
            e.Property(a => a.HromadaCode).HasMaxLength(19).IsRequired();
            e.Property(a => a.OblastCode).HasMaxLength(19).IsRequired();
            e.Property(a => a.Sex).HasMaxLength(1);
            e.Property(a => a.AgeGroup).HasMaxLength(10);
            // Results of one question over an oblast (or the whole survey): counted per hromada, sex, age group and value.
            e.HasIndex(a => new { a.SurveyId, a.Question, a.OblastCode, a.HromadaCode, a.Sex, a.AgeGroup, a.Value });
            e.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.ToTable("community_indicators");
            e.HasKey(i => new { i.TerritoryCode, i.Year, i.Indicator });
            e.Property(i => i.TerritoryCode).HasMaxLength(19);
            e.Property(i => i.Indicator).HasMaxLength(60);
            e.Property(i => i.Source).HasMaxLength(200);
        });
        b.Entity<Recommendation>(e =>
        {
            e.ToTable("community_recommendations");
            e.HasKey(r => r.Id);
            e.Property(r => r.TerritoryCode).HasMaxLength(19).IsRequired();
            e.Property(r => r.OblastCode).HasMaxLength(19).IsRequired();
            e.Property(r => r.Title).HasMaxLength(300).IsRequired();
            e.Property(r => r.Description).HasMaxLength(4000);
            e.Property(r => r.TargetGroup).HasMaxLength(20).IsRequired();
            e.Property(r => r.Owner).HasMaxLength(200).IsRequired();
            e.Property(r => r.Indicator).HasMaxLength(200).IsRequired();
            e.Property(r => r.Status).HasMaxLength(20).IsRequired();
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.OblastCode, r.TerritoryCode });
            e.HasIndex(r => r.UnitId);
        });
        b.Entity<Finding>(e =>
        {
            e.ToTable("community_findings");
            e.HasKey(f => f.Id);
            e.Property(f => f.TerritoryCode).HasMaxLength(19).IsRequired();
            e.Property(f => f.Text).HasMaxLength(4000).IsRequired();
            e.Property(f => f.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(f => new { f.SurveyId, f.TerritoryCode });
            e.HasOne<Survey>().WithMany().HasForeignKey(f => f.SurveyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.Property(f => f.EditedBy).HasMaxLength(200);
            e.Property(f => f.WithdrawnBy).HasMaxLength(200);
            e.Property(f => f.WithdrawnReason).HasMaxLength(1000);
        });
        b.Entity<FindingRevision>(e =>
        {
            e.ToTable("community_finding_revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Text).HasMaxLength(4000).IsRequired();
            e.Property(r => r.WrittenBy).HasMaxLength(200).IsRequired();
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(r => new { r.FindingId, r.Version }).IsUnique();
            e.HasOne<Finding>().WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<RecommendationUpdate>(e =>
        {
            e.ToTable("community_recommendation_updates");
            e.HasKey(u => u.Id);
            e.Property(u => u.Status).HasMaxLength(20).IsRequired();
            e.Property(u => u.Note).HasMaxLength(2000);
            e.Property(u => u.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(u => u.RecommendationId);
            e.HasOne<Recommendation>().WithMany().HasForeignKey(u => u.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        });
        CountsModel.Configure(b);
    }
}
