using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Threats.Data;

internal sealed class ThreatsModel : IModelContributor
{
    /// <summary>The catalogue Varta starts with (the administrator changes it in the pages): stored by the migration.</summary>
    public static readonly MeasureType[] DefaultMeasureTypes =
    [
        new() { Code = "personal-protection", NameUk = "Особиста охорона", NameEn = "Personal protection", Order = 10 },
        new() { Code = "residence-guard", NameUk = "Охорона житла", NameEn = "Residence guard", Order = 20 },
        new() { Code = "escort", NameUk = "Супровід", NameEn = "Escort", Order = 30 },
        new() { Code = "home-duress-button", NameUk = "Тривожна кнопка вдома", NameEn = "Duress button at home", Order = 40 },
        new() { Code = "route-schedule-change", NameUk = "Зміна маршруту чи розкладу", NameEn = "Route or schedule change", Order = 50 },
        new() { Code = "courtroom-measures", NameUk = "Заходи в залі суду", NameEn = "Courtroom measures", Order = 60 },
        new() { Code = "police-notification", NameUk = "Повідомлення поліції за місцем проживання", NameEn = "Notice to the local police", Order = 70 },
        new() { Code = "security-briefing", NameUk = "Інструктаж з особистої безпеки", NameEn = "Personal security briefing", Order = 80 },
    ];

    public void Configure(ModelBuilder b)
    {
        b.Entity<ThreatReport>(e =>
        {
            e.ToTable("threats_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.ReporterName).HasMaxLength(200).IsRequired();
            e.Property(r => r.FiledByName).HasMaxLength(200).IsRequired();
            e.Property(r => r.Channel).HasMaxLength(20).IsRequired();
            e.Property(r => r.Target).HasMaxLength(20).IsRequired();
            e.Property(r => r.TargetName).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(4000).IsRequired();
            e.Property(r => r.SourceName).HasMaxLength(200);
            e.Property(r => r.SourceDetails).HasMaxLength(2000);
            e.Property(r => r.CourtCaseNumber).HasMaxLength(60);
            e.Property(r => r.Status).HasMaxLength(20).IsRequired();
            e.Property(r => r.Tier).HasMaxLength(40);
            e.Property(r => r.TriagedBy).HasMaxLength(200);
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(r => new { r.ReporterUserId, r.RecordedAt }); // "my reports"
            e.HasIndex(r => new { r.FiledByUserId, r.RecordedAt });
            e.HasIndex(r => new { r.Status, r.CourtId, r.RecordedAt }); // the triage list
            e.HasIndex(r => r.CaseId);
        });
        b.Entity<ReportAttachment>(e =>
        {
            e.ToTable("threats_attachments");
            e.HasKey(a => a.Id);
            e.Property(a => a.FileName).HasMaxLength(200).IsRequired();
            e.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
            e.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
            e.Property(a => a.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(a => a.ReportId);
            e.HasOne<ThreatReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ThreatSource>(e =>
        {
            e.ToTable("threats_sources");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(200).IsRequired();
            e.Property(s => s.NameKey).HasMaxLength(200).IsRequired();
            e.Property(s => s.Details).HasMaxLength(2000);
            e.HasIndex(s => s.NameKey);
        });
        b.Entity<ThreatCase>(e =>
        {
            e.ToTable("threats_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Number).HasMaxLength(30).IsRequired();
            e.Property(c => c.Tier).HasMaxLength(40).IsRequired();
            e.Property(c => c.Priority).HasMaxLength(20).IsRequired();
            e.Property(c => c.Status).HasMaxLength(20).IsRequired();
            e.Property(c => c.Summary).HasMaxLength(500).IsRequired();
            e.Property(c => c.CourtCases).HasMaxLength(1000);
            e.Property(c => c.AnalystName).HasMaxLength(200);
            e.Property(c => c.RiskLevel).HasMaxLength(20);
            e.Property(c => c.ClosingReason).HasMaxLength(2000);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
            e.HasIndex(c => c.Number).IsUnique();
            // The analysts' list (by court, newest activity first) and the overdue dashboard (open cases by due time).
            e.HasIndex(c => new { c.CourtId, c.LastActivityAt });
            e.HasIndex(c => new { c.CourtId, c.Status, c.LastActivityAt });
            e.HasIndex(c => new { c.CourtId, c.AssessedAt, c.DueAt });
            e.HasIndex(c => new { c.CourtId, c.MeasuresStartedAt, c.MeasuresDueAt });
            // The open cases alone (partial index): the "open" lists and the dashboard read only these, not every case the
            // courts have had over the years (about 12 % of them; the others are closed and only grow).
            e.HasIndex(c => new { c.CourtId, c.LastActivityAt }, "IX_threats_cases_Open_CourtId_LastActivityAt").HasFilter("\"Status\" <> 'closed'");
            e.HasIndex(c => c.SourceId);
            e.HasIndex(c => c.AnalystUserId);
        });
        b.Entity<ProtectedPerson>(e =>
        {
            e.ToTable("threats_protected_persons");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(200).IsRequired();
            e.Property(p => p.Relation).HasMaxLength(20).IsRequired();
            e.Property(p => p.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(p => p.CaseId);
            e.HasIndex(p => p.UserId);
            e.HasOne<ThreatCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CaseEvent>(e =>
        {
            e.ToTable("threats_case_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.ActorName).HasMaxLength(200).IsRequired();
            e.Property(x => x.Kind).HasMaxLength(40).IsRequired();
            e.Property(x => x.Text).HasMaxLength(4000);
            e.HasIndex(x => new { x.CaseId, x.Id });
            e.HasOne<ThreatCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Assessment>(e =>
        {
            e.ToTable("threats_assessments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Stage).HasMaxLength(40).IsRequired();
            e.Property(a => a.Behaviours).HasMaxLength(400).IsRequired();
            e.Property(a => a.History).HasMaxLength(4000);
            e.Property(a => a.ProtectiveFactors).HasMaxLength(4000);
            e.Property(a => a.RiskLevel).HasMaxLength(20).IsRequired();
            e.Property(a => a.Reasons).HasMaxLength(4000).IsRequired();
            e.Property(a => a.AssessorName).HasMaxLength(200).IsRequired();
            e.Property(a => a.Review).HasMaxLength(20).IsRequired();
            e.Property(a => a.ReviewerName).HasMaxLength(200);
            e.Property(a => a.ReviewNote).HasMaxLength(2000);
            e.Property(a => a.ConcurrencyVersion).IsConcurrencyToken();
            e.HasIndex(a => new { a.CaseId, a.Version }).IsUnique();
            e.HasOne<ThreatCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeasureType>(e =>
        {
            e.ToTable("threats_measure_types");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(40);
            e.Property(t => t.NameUk).HasMaxLength(200).IsRequired();
            e.Property(t => t.NameEn).HasMaxLength(200).IsRequired();
            e.HasData(DefaultMeasureTypes);
        });
        b.Entity<Measure>(e =>
        {
            e.ToTable("threats_measures");
            e.HasKey(m => m.Id);
            e.Property(m => m.TypeCode).HasMaxLength(40).IsRequired();
            e.Property(m => m.AssigneeName).HasMaxLength(200).IsRequired();
            e.Property(m => m.Status).HasMaxLength(20).IsRequired();
            e.Property(m => m.Notes).HasMaxLength(2000);
            e.Property(m => m.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => m.CaseId);
            e.HasIndex(m => m.ProtectedPersonId);
            e.HasOne<ThreatCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<MeasureType>().WithMany().HasForeignKey(m => m.TypeCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Advisory>(e =>
        {
            e.ToTable("threats_advisories");
            e.HasKey(a => a.Id);
            e.Property(a => a.Audience).HasMaxLength(20).IsRequired();
            e.Property(a => a.AudienceRole).HasMaxLength(40);
            e.Property(a => a.Kind).HasMaxLength(20).IsRequired();
            e.Property(a => a.Title).HasMaxLength(200).IsRequired();
            e.Property(a => a.Body).HasMaxLength(8000).IsRequired();
            e.Property(a => a.IssuedByName).HasMaxLength(200).IsRequired();
            e.Property(a => a.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(a => new { a.UnitId, a.RecordedAt });
        });
        b.Entity<Receipt>(e =>
        {
            e.ToTable("threats_receipts");
            e.HasKey(r => r.Id);
            e.Property(r => r.ItemKind).HasMaxLength(20).IsRequired();
            e.Property(r => r.Name).HasMaxLength(200).IsRequired();
            e.HasIndex(r => new { r.ItemId, r.UserId }).IsUnique();
            e.HasIndex(r => new { r.UserId, r.ItemKind });
        });
        b.Entity<RecommendationRequest>(e =>
        {
            e.ToTable("threats_recommendation_requests");
            e.HasKey(r => r.Id);
            e.Property(r => r.RequesterName).HasMaxLength(200).IsRequired();
            e.Property(r => r.Question).HasMaxLength(4000).IsRequired();
            e.Property(r => r.Status).HasMaxLength(20).IsRequired();
            e.Property(r => r.AnsweredBy).HasMaxLength(200);
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(r => new { r.Status, r.CourtId });
            e.HasIndex(r => r.RequesterUserId);
        });
        b.Entity<HealthNotice>(e =>
        {
            e.ToTable("threats_health_notices");
            e.HasKey(n => n.Id);
            e.Property(n => n.CourtCaseNumber).HasMaxLength(60).IsRequired();
            e.Property(n => n.Courtroom).HasMaxLength(60);
            e.Property(n => n.Precautions).HasMaxLength(400).IsRequired();
            e.Property(n => n.Instructions).HasMaxLength(4000);
            e.Property(n => n.Diagnosis).HasMaxLength(2000).IsRequired();
            e.Property(n => n.FiledByName).HasMaxLength(200).IsRequired();
            e.Property(n => n.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(n => new { n.CourtId, n.HearingAt });
            e.HasIndex(n => n.FiledByUserId);
        });
        b.Entity<Incident>(e =>
        {
            e.ToTable("threats_incidents");
            e.HasKey(i => i.Id);
            e.Property(i => i.Kind).HasMaxLength(40).IsRequired();
            e.Property(i => i.Summary).HasMaxLength(4000).IsRequired();
            e.Property(i => i.AlarmTimeline).HasMaxLength(2000);
            e.Property(i => i.Status).HasMaxLength(20).IsRequired();
            e.Property(i => i.Timeline).HasMaxLength(8000);
            e.Property(i => i.WentWell).HasMaxLength(4000);
            e.Property(i => i.WentBadly).HasMaxLength(4000);
            e.Property(i => i.Lessons).HasMaxLength(4000);
            e.Property(i => i.DebriefedBy).HasMaxLength(200);
            e.Property(i => i.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(i => i.Version).IsConcurrencyToken();
            e.HasIndex(i => new { i.CourtId, i.OccurredAt });
            e.HasIndex(i => i.AlarmId).IsUnique();
        });
        b.Entity<ActionItem>(e =>
        {
            e.ToTable("threats_action_items");
            e.HasKey(a => a.Id);
            e.Property(a => a.Text).HasMaxLength(2000).IsRequired();
            e.Property(a => a.OwnerName).HasMaxLength(200).IsRequired();
            e.Property(a => a.Status).HasMaxLength(20).IsRequired();
            e.Property(a => a.DoneNote).HasMaxLength(2000);
            e.Property(a => a.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.IncidentId);
            e.HasIndex(a => new { a.OwnerUserId, a.Status });
            e.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
