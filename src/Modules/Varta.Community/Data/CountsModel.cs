using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varta.Community.Data;

/// <summary>The survey count tables (see Results/ResultCounts.cs): keyed by survey, [question,] oblast, hromada, sex, age group[, value].</summary>
internal static class CountsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<RespondentCount>(e =>
        {
            e.ToTable("community_respondent_counts");
            e.HasKey(c => new { c.SurveyId, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup });
            Cell(e.Property(c => c.OblastCode), e.Property(c => c.HromadaCode), e.Property(c => c.Sex), e.Property(c => c.AgeGroup));
            e.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<QuestionCount>(e =>
        {
            e.ToTable("community_question_counts");
            e.HasKey(c => new { c.SurveyId, c.Question, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup });
            e.Property(c => c.Question).HasMaxLength(100);
            Cell(e.Property(c => c.OblastCode), e.Property(c => c.HromadaCode), e.Property(c => c.Sex), e.Property(c => c.AgeGroup));
            e.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AnswerCount>(e =>
        {
            e.ToTable("community_answer_counts");
            e.HasKey(c => new { c.SurveyId, c.Question, c.OblastCode, c.HromadaCode, c.Sex, c.AgeGroup, c.Value });
            e.Property(c => c.Question).HasMaxLength(100);
            e.Property(c => c.Value).HasMaxLength(100);
            Cell(e.Property(c => c.OblastCode), e.Property(c => c.HromadaCode), e.Property(c => c.Sex), e.Property(c => c.AgeGroup));
            e.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    // The same lengths as the response columns they are copied from.
    private static void Cell(PropertyBuilder<string> oblast, PropertyBuilder<string> hromada,
        PropertyBuilder<string> sex, PropertyBuilder<string> age)
    {
        oblast.HasMaxLength(19);
        hromada.HasMaxLength(19);
        sex.HasMaxLength(1);
        age.HasMaxLength(10);
    }
}
