using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;
using Varta.Training.AddCard;
using Varta.Training.AddLesson;
using Varta.Training.AddReflection;
using Varta.Training.Attempts;
using Varta.Training.Authoring;
using Varta.Training.CertificateFile;
using Varta.Training.Certificates;
using Varta.Training.CheckAnswer;
using Varta.Training.CommentJournal;
using Varta.Training.Contracts;
using Varta.Training.Courses;
using Varta.Training.CreateCourse;
using Varta.Training.Data;
using Varta.Training.EditCourse;
using Varta.Training.EditJournal;
using Varta.Training.EditLesson;
using Varta.Training.ExportGift;
using Varta.Training.Forecast;
using Varta.Training.ForecastChart;
using Varta.Training.GetAttempt;
using Varta.Training.GetCourse;
using Varta.Training.GetCourseForEdit;
using Varta.Training.GetLesson;
using Varta.Training.GetLessonForEdit;
using Varta.Training.GradeEssay;
using Varta.Training.GradingQueue;
using Varta.Training.ImportGift;
using Varta.Training.Importing;
using Varta.Training.QuestionStatistics;
using Varta.Training.Journal;
using Varta.Training.ListCourses;
using Varta.Training.ListSessions;
using Varta.Training.MarkRead;
using Varta.Training.MyCertificates;
using Varta.Training.MyJournal;
using Varta.Training.PeopleProgress;
using Varta.Training.RecordSession;
using Varta.Training.ReviewCard;
using Varta.Training.RevokeCertificate;
using Varta.Training.SaveAnswer;
using Varta.Training.SaveStudySettings;
using Varta.Training.SessionCandidates;
using Varta.Training.Sessions;
using Varta.Training.SetAttendance;
using Varta.Training.ShareJournal;
using Varta.Training.SharedJournal;
using Varta.Training.StartAttempt;
using Varta.Training.Study;
using Varta.Training.StudyQueue;
using Varta.Training.StudySettings;
using Varta.Training.SubmitAttempt;
using Varta.Training.Teaching;
using Varta.Training.VerifyCertificate;
using Varta.Training.WithdrawCard;
using Varta.Training.WriteJournal;

namespace Varta.Training;

/// <summary>Dynamic security and court security training: courses, flashcards on FSRS-6, tests, reflective journal, certificates (see DESIGN.md, "Training").</summary>
public static class TrainingModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new TrainingModel();

    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrainingOptions>(configuration.GetSection("Training"));
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, TrainingTexts>();
        services.AddOperations(TrainingPolicies.Add);
        services.AddSingleton<IStartupTask, ContentImporter>();
        services.AddScoped<CourseService>();
        services.AddScoped<StudyService>();
        services.AddScoped<AttemptService>();
        services.AddScoped<JournalService>();
        services.AddScoped<CertificateService>();
        services.AddScoped<CertificateRevocation>();
        services.AddScoped<TeachingService>();
        services.AddScoped<SessionService>();
        services.AddScoped<AuthoringService>();
        services.AddScoped<ITrainingProgress, TrainingProgress>();
        services.AddSingleton<ForecastChartRenderer>();
        services.AddSingleton(new NavItem("/training", "training.nav.learn", "training.nav.learn.about", "🎓", 400, TrainingPolicies.Everyone));
        services.AddSingleton(new NavItem("/training/review", "training.nav.review", "training.nav.review.about", "🃏", 401, TrainingPolicies.Everyone));
        services.AddSingleton(new NavItem("/training/journal", "training.nav.journal", "training.nav.journal.about", "📓", 402, TrainingPolicies.Everyone));
        services.AddSingleton(new NavItem("/training/people", "training.nav.people", "training.nav.people.about", "📊", 403, TrainingPolicies.Overseers));
        services.AddSingleton(new NavItem("/training/teach", "training.nav.teach", "training.nav.teach.about", "🧑‍🏫", 404, TrainingPolicies.Trainers));
        services.AddSingleton(new NavItem("/training/sessions", "training.nav.sessions", "training.nav.sessions.about", "🩹", 405, TrainingPolicies.Everyone));
        return services;
    }

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/training").WithTags("Training");
        ListCoursesEndpoint.Map(group);
        GetCourseEndpoint.Map(group);
        GetLessonEndpoint.Map(group);
        MarkReadEndpoint.Map(group);
        StudyQueueEndpoint.Map(group);
        ReviewCardEndpoint.Map(group);
        StudySettingsEndpoint.Map(group);
        SaveStudySettingsEndpoint.Map(group);
        ForecastEndpoint.Map(group);
        StartAttemptEndpoint.Map(group);
        GetAttemptEndpoint.Map(group);
        SaveAnswerEndpoint.Map(group);
        CheckAnswerEndpoint.Map(group);
        SubmitAttemptEndpoint.Map(group);
        MyJournalEndpoint.Map(group);
        WriteJournalEndpoint.Map(group);
        EditJournalEndpoint.Map(group);
        ShareJournalEndpoint.Map(group);
        SharedJournalEndpoint.Map(group);
        CommentJournalEndpoint.Map(group);
        MyCertificatesEndpoint.Map(group);
        PeopleProgressEndpoint.Map(group);
        QuestionStatisticsEndpoint.Map(group);
        GradingQueueEndpoint.Map(group);
        GradeEssayEndpoint.Map(group);
        ListSessionsEndpoint.Map(group);
        RecordSessionEndpoint.Map(group);
        SetAttendanceEndpoint.Map(group);
        SessionCandidatesEndpoint.Map(group);
        CreateCourseEndpoint.Map(group);
        EditCourseEndpoint.Map(group);
        AddLessonEndpoint.Map(group);
        EditLessonEndpoint.Map(group);
        AddCardEndpoint.Map(group);
        WithdrawCardEndpoint.Map(group);
        AddReflectionEndpoint.Map(group);
        ImportGiftEndpoint.Map(group);
        ExportGiftEndpoint.Map(group);
        CertificateFileEndpoint.Map(group);
        ForecastChartEndpoint.Map(group);
        GetCourseForEditEndpoint.Map(group);
        GetLessonForEditEndpoint.Map(group);
        VerifyCertificateEndpoint.Map(group);
        RevokeCertificateEndpoint.Map(group);

        // Files for the pages (signed in with the cookie, which the API does not take).
        var downloads = app.MapGroup("/training").ExcludeFromDescription();
        CertificateFileEndpoint.MapDownload(downloads);
        ExportGiftEndpoint.MapDownload(downloads);
        ForecastChartEndpoint.MapDownload(downloads);
        return app;
    }
}
