namespace Varta.Training.Courses;

internal sealed record CourseLineDto(Guid Id, string Key, string Title, string Summary, string Audience, int Lessons, int LessonsRead, int TestsPassed, int TestsTotal,
    bool Mandatory, DateTimeOffset? DueAt, bool Overdue, CertificateLineDto? Certificate, bool Published);

internal sealed record CertificateLineDto(Guid Id, string Code, DateTimeOffset IssuedAt, DateTimeOffset? ValidUntil, bool Valid, DateTimeOffset? RevokedAt);

internal sealed record CourseDto(Guid Id, string Key, string Title, string Summary, string Audience, int PassPercent, int? TimeLimitMinutes, int AttemptsAllowed,
    int QuestionsPerTest, string Behaviour, double Penalty, IReadOnlyList<string> MandatoryRoles, int DueDays, int? RecurrenceMonths, bool Published,
    IReadOnlyList<LessonLineDto> Lessons, CertificateLineDto? Certificate, bool CanEdit, int Version);

internal sealed record LessonLineDto(Guid Id, string Key, int Order, string Title, bool Read, int Cards, int Questions, bool? Passed, double? BestPercent, int Attempts);

internal sealed record LessonDto(Guid Id, Guid CourseId, string CourseKey, string CourseTitle, string Key, int Order, string Title, string Body,
    IReadOnlyList<ReflectionDto> Reflections, IReadOnlyList<AttemptLineDto> Attempts, bool Read, int Cards, int Questions, int AttemptsLeft, bool CanEdit,
    string TitleUk, string TitleEn, string BodyUk, string BodyEn, int Version);

internal sealed record ReflectionDto(Guid Id, string Key, string Text, bool Answered);

internal sealed record AttemptLineDto(Guid Id, int Number, string Status, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, double? Percent, bool? Passed);
