using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Training.Data;

internal sealed class TrainingModel : IModelContributor
{
    public void Configure(ModelBuilder b)
    {
        b.Entity<Course>(e =>
        {
            e.ToTable("training_courses");
            e.HasKey(c => c.Id);
            e.Property(c => c.Key).HasMaxLength(60).IsRequired();
            e.HasIndex(c => c.Key).IsUnique();
            e.Property(c => c.TitleUk).HasMaxLength(200).IsRequired();
            e.Property(c => c.TitleEn).HasMaxLength(200).IsRequired();
            e.Property(c => c.SummaryUk).HasMaxLength(1000);
            e.Property(c => c.SummaryEn).HasMaxLength(1000);
            e.Property(c => c.AudienceUk).HasMaxLength(500);
            e.Property(c => c.AudienceEn).HasMaxLength(500);
            e.Property(c => c.Behaviour).HasMaxLength(20).IsRequired();
            e.Property(c => c.MandatoryRoles).HasMaxLength(500);
            e.Property(c => c.Origin).HasMaxLength(20).IsRequired();
            e.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        b.Entity<Lesson>(e =>
        {
            e.ToTable("training_lessons");
            e.HasKey(l => l.Id);
            e.Property(l => l.Key).HasMaxLength(60).IsRequired();
            e.HasIndex(l => new { l.CourseId, l.Key }).IsUnique();
            e.Property(l => l.TitleUk).HasMaxLength(200).IsRequired();
            e.Property(l => l.TitleEn).HasMaxLength(200).IsRequired();
            e.Property(l => l.BodyUk).HasMaxLength(40000);
            e.Property(l => l.BodyEn).HasMaxLength(40000);
            e.Property(l => l.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasOne<Course>().WithMany().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Flashcard>(e =>
        {
            e.ToTable("training_cards");
            e.HasKey(c => c.Id);
            e.Property(c => c.Key).HasMaxLength(80).IsRequired();
            e.HasIndex(c => c.Key).IsUnique();
            e.Property(c => c.FrontUk).HasMaxLength(1000);
            e.Property(c => c.BackUk).HasMaxLength(2000);
            e.Property(c => c.FrontEn).HasMaxLength(1000);
            e.Property(c => c.BackEn).HasMaxLength(2000);
            e.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(c => c.LessonId);
            e.HasIndex(c => new { c.OwnerUserId, c.QuestionId });
            e.HasOne<Lesson>().WithMany().HasForeignKey(c => c.LessonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Reflection>(e =>
        {
            e.ToTable("training_reflections");
            e.HasKey(r => r.Id);
            e.Property(r => r.Key).HasMaxLength(80).IsRequired();
            e.HasIndex(r => r.Key).IsUnique();
            e.Property(r => r.TextUk).HasMaxLength(2000);
            e.Property(r => r.TextEn).HasMaxLength(2000);
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(r => r.LessonId);
            e.HasOne<Lesson>().WithMany().HasForeignKey(r => r.LessonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BankQuestion>(e =>
        {
            e.ToTable("training_questions");
            e.HasKey(q => q.Id);
            e.Property(q => q.Key).HasMaxLength(100).IsRequired();
            e.Property(q => q.Language).HasMaxLength(2).IsRequired();
            e.Property(q => q.Kind).HasMaxLength(20).IsRequired();
            e.Property(q => q.Gift).HasMaxLength(20000).IsRequired();
            e.Property(q => q.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(q => new { q.LessonId, q.Language, q.Key }).IsUnique();
            e.HasOne<Lesson>().WithMany().HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CardMemoryRow>(e =>
        {
            e.ToTable("training_card_memory");
            e.HasKey(m => m.Id);
            e.HasIndex(m => new { m.UserId, m.CardId }).IsUnique();
            e.HasIndex(m => new { m.UserId, m.DueAt }); // the due queue
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        b.Entity<ReviewLogRow>(e =>
        {
            e.ToTable("training_review_log");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
            e.HasIndex(r => new { r.UserId, r.ReviewedAt });
        });
        b.Entity<LearnerSettings>(e =>
        {
            e.ToTable("training_learner_settings");
            e.HasKey(s => s.UserId);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        b.Entity<LessonRead>(e =>
        {
            e.ToTable("training_lesson_reads");
            e.HasKey(r => new { r.UserId, r.LessonId });
        });
        b.Entity<Attempt>(e =>
        {
            e.ToTable("training_attempts");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserName).HasMaxLength(200).IsRequired();
            e.Property(a => a.Language).HasMaxLength(2).IsRequired();
            e.Property(a => a.Behaviour).HasMaxLength(20).IsRequired();
            e.Property(a => a.Status).HasMaxLength(20).IsRequired();
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.UserId, a.LessonId, a.Number }).IsUnique();
            e.HasIndex(a => new { a.CourseId, a.Status });
        });
        b.Entity<AttemptItem>(e =>
        {
            e.ToTable("training_attempt_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.QuestionKey).HasMaxLength(100).IsRequired();
            e.Property(i => i.Shuffle).HasMaxLength(200);
            e.Property(i => i.Response).HasMaxLength(20000);
            e.Property(i => i.Feedback).HasMaxLength(4000);
            e.Property(i => i.GradedBy).HasMaxLength(200);
            e.Property(i => i.TrainerComment).HasMaxLength(2000);
            e.HasIndex(i => new { i.AttemptId, i.Slot }).IsUnique();
            e.HasIndex(i => i.QuestionKey);
            e.HasOne<Attempt>().WithMany().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<JournalEntry>(e =>
        {
            e.ToTable("training_journal");
            e.HasKey(j => j.Id);
            e.Property(j => j.UserName).HasMaxLength(200).IsRequired();
            e.Property(j => j.Text).HasMaxLength(8000).IsRequired();
            e.Property(j => j.Version).IsConcurrencyToken();
            e.HasIndex(j => new { j.UserId, j.WrittenAt });
            e.HasIndex(j => j.SharedAt);
        });
        b.Entity<JournalComment>(e =>
        {
            e.ToTable("training_journal_comments");
            e.HasKey(c => c.Id);
            e.Property(c => c.Text).HasMaxLength(4000).IsRequired();
            e.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasIndex(c => c.EntryId);
            e.HasOne<JournalEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Certificate>(e =>
        {
            e.ToTable("training_certificates");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(20).IsRequired();
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.HolderName).HasMaxLength(200).IsRequired();
            e.Property(c => c.CourseKey).HasMaxLength(60).IsRequired();
            e.Property(c => c.CourseTitleUk).HasMaxLength(200).IsRequired();
            e.Property(c => c.CourseTitleEn).HasMaxLength(200).IsRequired();
            e.Property(c => c.RevokedReason).HasMaxLength(500);
            e.Property(c => c.RevokedBy).HasMaxLength(200);
            e.Property(c => c.RevokedAt).IsConcurrencyToken(); // two revocations at once: the second finds it already set
            e.HasIndex(c => new { c.UserId, c.CourseId, c.IssuedAt });
        });
        b.Entity<Session>(e =>
        {
            e.ToTable("training_sessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Title).HasMaxLength(200).IsRequired();
            e.Property(s => s.Place).HasMaxLength(300).IsRequired();
            e.Property(s => s.TrainerName).HasMaxLength(200).IsRequired();
            e.Property(s => s.Notes).HasMaxLength(4000);
            e.Property(s => s.RecordedBy).HasMaxLength(200).IsRequired();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => new { s.UnitId, s.StartsAt });
        });
        b.Entity<Attendance>(e =>
        {
            e.ToTable("training_attendance");
            e.HasKey(a => new { a.SessionId, a.UserId });
            e.Property(a => a.Name).HasMaxLength(200).IsRequired();
            e.Property(a => a.Note).HasMaxLength(500);
            e.HasIndex(a => a.UserId);
            e.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
